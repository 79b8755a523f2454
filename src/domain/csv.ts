/**
 * CSV as RFC 4180 writes it (CRLF line ends, fields quoted only when they hold a comma, a quote or a line
 * break, quotes doubled), with a UTF-8 byte-order mark in front: without it Excel and WPS read the file as
 * GBK/ANSI and show Chinese as mojibake.
 */

/** A cell: text as is, a number in plain notation, nothing as an empty field. */
export type CsvCell = string | number | boolean | null | undefined;

export const utf8Bom = '\uFEFF';

export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'number' ? numberText(cell) : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `header` first, then one line per row; every line ends with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], options: { bom?: boolean } = {}): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${options.bom === false ? '' : utf8Bom}${lines.map((line) => `${line}\r\n`).join('')}`;
}

/** Rows given as objects, written in the order of `columns` (missing keys become empty fields). */
export function recordsToCsv<K extends string>(columns: readonly K[], records: readonly Partial<Record<K, CsvCell>>[], options: { bom?: boolean } = {}): string {
  return toCsv(columns, records.map((record) => columns.map((column) => record[column])), options);
}

/** Numbers never in exponent notation (1e21 stays readable) and without a trailing `.0`. */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  return Math.abs(value) >= 1e21 ? BigInt(Math.round(value)).toString() : String(value);
}
