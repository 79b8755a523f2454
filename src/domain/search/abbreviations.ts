/**
 * Government abbreviations (低保 ↔ 最低生活保障): groups of equivalent forms that maintainers keep in
 * `content/search/abbreviations.yaml`. A query that contains one form also finds, as *related* results, the
 * documents that write another form of it; exact matches always come first.
 */
import { normalise } from './normalise.ts';

/** One form of a query part to try: the part with one abbreviation form swapped for another. */
export interface RelatedForm {
  /** Index of the query part this variant replaces. */
  partIndex: number;
  /** The normalised variant part that is searched, e.g. `最低生活保障标准`. */
  part: string;
  /** The form swapped in, as maintainers wrote it, e.g. `最低生活保障`. */
  form: string;
  /** The form of the query it replaces, as maintainers wrote it, e.g. `低保`. */
  replaces: string;
}

/** Most variants tried for one query, so that a query full of abbreviations stays cheap. */
export const MAX_RELATED_FORMS = 8;

/** One problem of the abbreviations file, for the content report (`npm run check`, the build). */
export interface AbbreviationProblem {
  /** 1-based number of the entry (group) in the file, as maintainers count them; absent for the whole file. */
  entry?: number;
  /** The offending value, when there is one. */
  value?: unknown;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint: string;
  /** The problem on one line, as parseAbbreviations throws it. */
  line: string;
  /** Where in the YAML the offending value is, as a field path from the root list (`[2].forms[1]`), to give its line. */
  path?: string;
}

/**
 * Checks the parsed YAML of the abbreviations file: its groups and every problem, each naming the entry and
 * how to fix it. validateContent reports the problems with every other content error; parseAbbreviations
 * throws them.
 */
export function checkAbbreviations(data: unknown): { groups: string[][]; problems: AbbreviationProblem[] } {
  const problems: AbbreviationProblem[] = [];
  const groups: string[][] = [];
  const seen = new Map<string, number>();
  if (!Array.isArray(data)) {
    const got = JSON.stringify(data)?.slice(0, 80);
    problems.push({
      value: data,
      message: 'expected a list of groups',
      hint: 'write one `- forms: [低保, 最低生活保障]` line per group of equivalent forms',
      line: `expected a list of groups like \`- forms: [低保, 最低生活保障]\`, got ${got}`,
      path: '',
    });
    return { groups, problems };
  }
  data.forEach((entry: unknown, index) => {
    const report = (problem: Omit<AbbreviationProblem, 'entry' | 'path'>, path = `[${index}].forms`) => problems.push({ entry: index + 1, path, ...problem });
    const forms = (entry as { forms?: unknown } | null)?.forms;
    if (!Array.isArray(forms) || forms.length < 2) {
      report({
        value: forms,
        message: '`forms` must list at least two equivalent forms',
        hint: 'list every form documents write for the same thing, e.g. `forms: [低保, 最低生活保障]`',
        line: `\`forms\` must list at least two equivalent forms, e.g. \`forms: [低保, 最低生活保障]\`; got ${JSON.stringify(forms)}`,
      });
      return;
    }
    const group: string[] = [];
    for (const [position, form] of (forms as unknown[]).entries()) {
      const at = `[${index}].forms[${position}]`;
      const text = typeof form === 'number' ? String(form) : form;
      if (typeof text !== 'string' || normalise(text) === '') {
        const hint = 'write the words as they appear in documents';
        report({ value: form, message: `form ${JSON.stringify(form)} is empty or not text`, hint, line: `form ${JSON.stringify(form)} is empty or not text; ${hint}` }, at);
        continue;
      }
      const key = normalise(text);
      const other = seen.get(key);
      if (other !== undefined) {
        const [message, hint] = other === index
          ? [`form "${text}" is listed twice`, 'remove one']
          : [`form "${text}" is also in entry ${other + 1}`, 'merge the two groups into one'];
        report({ value: text, message, hint, line: `${message}; ${hint}` }, at);
        continue;
      }
      seen.set(key, index);
      group.push(text);
    }
    if (group.length >= 2) groups.push(group);
  });
  return { groups, problems };
}

/**
 * Checks the parsed YAML of the abbreviations file and returns its groups; throws listing every problem at
 * once, each naming the entry and how to fix it.
 */
export function parseAbbreviations(data: unknown, file = 'content/search/abbreviations.yaml'): string[][] {
  const { groups, problems } = checkAbbreviations(data);
  if (problems.length === 0) return groups;
  if (problems.length === 1 && problems[0]!.entry === undefined) throw new Error(`${file}: ${problems[0]!.line}`);
  const lines = problems.map((problem) => `${file}: ${problem.entry === undefined ? '' : `entry ${problem.entry}: `}${problem.line}`);
  throw new Error(`Abbreviation file has ${problems.length} problem(s):\n${lines.join('\n')}`);
}

/**
 * The related forms of a query: for each part that contains a form of a group (the longest such form), the
 * part with that form replaced by each other form of the group.
 */
export function relatedForms(parts: readonly string[], groups: readonly (readonly string[])[]): RelatedForm[] {
  const out: RelatedForm[] = [];
  const normalisedGroups = groups.map((group) => group.map((form) => ({ form, key: normalise(form) })));
  parts.forEach((part, partIndex) => {
    const allContained = normalisedGroups.flat().filter((f) => part.includes(f.key));
    for (const group of normalisedGroups) {
      // The longest form the part contains (特困人员救助供养 rather than 特困 inside it), and not one that is
      // only there as a piece of a longer form of another group (特困 inside 特困人员供养服务设施).
      const contained = group.filter((f) => part.includes(f.key)).sort((a, b) => b.key.length - a.key.length)[0];
      if (!contained) continue;
      if (allContained.some((f) => f.key.length > contained.key.length && f.key.includes(contained.key) && !group.includes(f))) continue;
      for (const other of group) {
        if (other === contained) continue;
        // If the other form contains this one (五保 → 农村五保供养 inside 农村五保供养), swapping would garble it.
        if (other.key.includes(contained.key) && part.includes(other.key)) continue;
        const variant = part.split(contained.key).join(other.key);
        if (variant === part || out.some((r) => r.partIndex === partIndex && r.part === variant)) continue;
        out.push({ partIndex, part: variant, form: other.form, replaces: contained.form });
      }
    }
  });
  return out.slice(0, MAX_RELATED_FORMS);
}
