/**
 * Corrections on the record: a published document whose figures, dates or body change must say so in its
 * `changes` list (修订记录), and a published document that disappears must leave a tombstone. This compares each
 * document with its text at a base version (`npm run check -- --since <ref>`, src/domain/content/git-base.ts
 * reads it) and reports every silent change with the file, the field, its position and the fix.
 */
import { documentIdOf } from './document-files.ts';
import type { ContentIssue } from './content-issue.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { positionInText, YamlPositions } from './source-positions.ts';

/** One document as it is at the base version and as it is now (absent when it was removed or renamed). */
export interface DocumentVersions {
  /** Project-relative path at the base version. */
  path: string;
  base: string;
  /** The current text; undefined when the file is gone. */
  current?: string;
  /** Where the file went, when git saw a rename. */
  renamedTo?: string;
}

/** The figure fields a reader relies on: a change to one is a correction. */
const figureFields = ['value', 'unit', 'quote'] as const;
/** The document's dates: when it was published and written, and the period it covers. */
const dateFields = ['published', 'written', 'period'] as const;

type Record_ = Record<string, unknown>;

function frontmatterOf(text: string): { data: Record_; body: string; bodyLine: number } | undefined {
  try {
    const split = splitFrontmatter(text);
    if (split.data === null || typeof split.data !== 'object' || Array.isArray(split.data)) return undefined;
    return { data: split.data as Record_, body: split.body, bodyLine: split.bodyLine };
  } catch {
    // A base version that cannot be read was never published; the current one's errors are reported by validation.
    return undefined;
  }
}

/** Comparable form of a YAML value: dates as js-yaml reads them (strings here) and numbers alike. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function changesOf(data: Record_): string[] {
  return Array.isArray(data.changes) ? data.changes.map((change) => JSON.stringify(change)) : [];
}

/**
 * Every silent correction of `documents` since `ref`: each changed figure field, date or body of a document that
 * has no `changes` entry absent at `ref`, and each removed or renamed document without a tombstone among
 * `tombstones` (document ids of content/withdrawn.yaml).
 */
export function silentCorrections(documents: readonly DocumentVersions[], tombstones: ReadonlySet<string>, ref: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const doc of documents) {
    const base = frontmatterOf(doc.base);
    if (!base) continue;
    if (doc.current === undefined) {
      const id = documentIdOf(doc.path) ?? doc.path;
      if (tombstones.has(id)) continue;
      const moved = doc.renamedTo ? ` (renamed to ${doc.renamedTo})` : '';
      issues.push({
        file: doc.path,
        message: `was published at ${ref} and is gone now${moved}: its address /documents/${id}/ would turn into a 404 for everyone who cited it`,
        hint: `add an entry to content/withdrawn.yaml: \`- { id: ${id}, title: …, date: YYYY-MM-DD, reason: 撤回原因${doc.renamedTo ? `, replaced_by: ${documentIdOf(doc.renamedTo) ?? doc.renamedTo}` : ''} }\` — the site then publishes a tombstone page (已撤回) at that address`,
      });
      continue;
    }
    const current = frontmatterOf(doc.current);
    if (!current) continue;
    const baseChanges = new Set(changesOf(base.data));
    if (changesOf(current.data).some((change) => !baseChanges.has(change))) continue;

    const positions = YamlPositions.ofDocument(doc.current);
    const report = (field: string, before: unknown, after: unknown, position: { line: number; column: number } | undefined) => {
      issues.push({
        file: doc.path,
        field,
        ...(after === undefined ? {} : { value: after }),
        message: `changed since ${ref} (${after === undefined ? `${JSON.stringify(before)} was removed` : before === undefined ? 'added' : `was ${JSON.stringify(before)}`}) without a new \`changes\` entry`,
        hint: 'a published document is corrected on the record: add `changes: [{ date: YYYY-MM-DD, note: 更正… }]` saying what changed and why (shown as 修订记录 on its page and in its feed entry), or restore what was published',
        ...(position ?? {}),
      });
    };
    const baseFigures = Array.isArray(base.data.metrics) ? (base.data.metrics as Record_[]) : [];
    const currentFigures = Array.isArray(current.data.metrics) ? (current.data.metrics as Record_[]) : [];
    baseFigures.forEach((figure, i) => {
      const now = currentFigures[i];
      if (now === undefined || now === null || typeof now !== 'object') {
        report(`metrics[${i}]`, figure.value, undefined, positions?.positionOf('metrics', false));
        return;
      }
      for (const field of figureFields) {
        if (!same(figure[field], now[field])) report(`metrics[${i}].${field}`, figure[field], now[field], positions?.positionOf(`metrics[${i}].${field}`, true));
      }
    });
    for (const field of dateFields) {
      if (!same(base.data[field], current.data[field])) report(field, base.data[field], current.data[field], positions?.positionOf(field, true));
    }
    if (normaliseBody(base.body) !== normaliseBody(current.body)) {
      const baseLines = base.body.split('\n');
      const currentLines = current.body.split('\n');
      let line = 0;
      while (line < currentLines.length && (currentLines[line] ?? '').trimEnd() === (baseLines[line] ?? '').trimEnd()) line++;
      const offset = currentLines.slice(0, line).reduce((sum, text) => sum + text.length + 1, 0);
      issues.push({
        file: doc.path,
        message: `the body text changed since ${ref} (first at this line) without a new \`changes\` entry`,
        hint: 'add `changes: [{ date: YYYY-MM-DD, note: 更正… }]` saying what changed in the text and why, or restore the published text',
        ...positionInText(current.body, Math.min(offset, current.body.length), current.bodyLine),
      });
    }
  }
  return issues;
}

/** Trailing spaces and the file's last line ends are not text a reader sees. */
function normaliseBody(body: string): string {
  return body.split('\n').map((line) => line.trimEnd()).join('\n').trimEnd();
}
