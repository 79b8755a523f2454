/**
 * Characters no source text holds, found in a content file: U+FFFD (what a reader makes of bytes that are not
 * UTF-8 — a file saved as GB18030, a byte lost in transit), control characters such as NUL, C1 controls (Latin-1
 * mojibake) and private-use characters (GBK's user-defined area). Each would be published as it is, so a file
 * holding one is an error naming its line, never a page of garbled text (issue 14, found by the bad-input suite).
 */
import type { ContentIssue } from './content-issue.ts';

// Tab, line feed and carriage return are text; every other C0 control, DEL and the C1 controls are not.
const damaged = /[\ufffd\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ue000-\uf8ff\ufffe\uffff]/gu;

function describe(char: string): string {
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (char === '\ufffd') return `${code}, the replacement character left where bytes could not be read`;
  if (char === '\u0000') return `${code}, a NUL byte`;
  if (char >= '\ue000' && char <= '\uf8ff') return `${code}, a private-use character`;
  return `${code}, a control character`;
}

/** One issue for a file holding damaged characters, naming the first few by line, or undefined. */
export function textDamageIssue(file: { path: string; text: string }): ContentIssue | undefined {
  const found = [...file.text.matchAll(damaged)];
  if (found.length === 0) return undefined;
  const lineOf = (index: number) => file.text.slice(0, index).split('\n').length;
  const shown = found.slice(0, 3).map((match) => `line ${lineOf(match.index)}: ${describe(match[0])}`);
  const more = found.length > 3 ? ` and ${found.length - 3} more` : '';
  // Placed at the first damaged character; the message names the others' lines.
  const first = found[0]!.index;
  const lineStart = file.text.lastIndexOf('\n', first - 1) + 1;
  return {
    file: file.path,
    line: lineOf(first),
    column: first - lineStart + 1 - (lineStart === 0 && file.text.startsWith('\uFEFF') ? 1 : 0),
    message: `the file holds ${found.length} character${found.length === 1 ? '' : 's'} no source text has (${shown.join('; ')}${more})`,
    hint: 'the file was damaged or saved in another encoding: save it as UTF-8 and copy the damaged passage again from the source',
  };
}
