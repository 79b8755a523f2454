/**
 * Where a content error is in its file: `line:column` of the offending field or value, read from the YAML
 * parser's source offsets (js-yaml's event stream), so an editor or a CI annotation jumps to it. Positions are
 * 1-based; a column counts UTF-16 code units from the start of the line, as VS Code and tsc count them (a
 * Chinese character is one). A file's byte-order mark is not counted: editors do not show it. A CRLF file has
 * the same lines and columns as its LF form, so the text is read with its line ends normalised.
 */
import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event } from 'js-yaml';
import type { ContentIssue } from './content-issue.ts';
import { frontmatterBlock } from './frontmatter.ts';

export interface SourcePosition {
  /** 1-based line in the file. */
  line: number;
  /** 1-based column in the line (UTF-16 code units). */
  column: number;
}

/** Where one node of the YAML is: its key (for a mapping's value) and its value; offsets into the YAML text. */
interface NodeSpan {
  key?: number;
  value?: number;
  /** Whether the value is a single scalar (not a list or mapping). */
  scalar: boolean;
}

/** The positions of every field and value of one YAML text, by field path as authors write it (`metrics[2].value`). */
export class YamlPositions {
  readonly #spans = new Map<string, NodeSpan>();
  readonly #lineStarts: number[];
  /** Lines of the file before the YAML text (1 for front matter, after the opening `---`). */
  readonly #firstLine: number;

  private constructor(yamlText: string, firstLine: number) {
    this.#firstLine = firstLine;
    this.#lineStarts = [0];
    for (let i = yamlText.indexOf('\n'); i !== -1; i = yamlText.indexOf('\n', i + 1)) this.#lineStarts.push(i + 1);
    let events: Event[];
    try {
      events = parseEvents(yamlText, {});
    } catch {
      // A syntax error is reported on its own, with the parser's line; nothing else in the file can be placed.
      return;
    }
    // events[0] opens the document; its content is the root node.
    if (events[0]?.type === EVENT_ID.DOCUMENT && events.length > 1) this.#walk(events, 1, '', yamlText, undefined);
  }

  /** Positions of a YAML file's fields (a metric, a topic, the abbreviations). */
  static ofYamlFile(text: string): YamlPositions {
    return new YamlPositions(normalise(text), 0);
  }

  /** Positions of a document's front matter fields, or undefined when the file has no front matter block. */
  static ofDocument(text: string): YamlPositions | undefined {
    const block = frontmatterBlock(normalise(text));
    return block ? new YamlPositions(block.yaml, 1) : undefined;
  }

  /**
   * Where the field `path` is: its value when the issue is about a single value that is written (a bad number,
   * a quote), else its key; a field that is not written at all points at the key of the mapping that should
   * hold it, and a missing top-level field at line 1, where the front matter opens. Undefined when nothing of
   * the path is in the file (the YAML could not be parsed).
   */
  positionOf(path: string, pointAtValue: boolean): SourcePosition | undefined {
    const span = this.#spans.get(path);
    if (span) {
      const offset = pointAtValue && span.scalar && span.value !== undefined ? span.value : span.key ?? span.value;
      if (offset !== undefined) return this.#position(offset);
    }
    const parent = parentPath(path);
    if (parent === undefined) return this.#spans.size > 0 ? { line: 1, column: 1 } : undefined;
    return this.positionOf(parent, false);
  }

  #position(offset: number): SourcePosition {
    let low = 0;
    let high = this.#lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.#lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: this.#firstLine + low + 1, column: offset - (this.#lineStarts[low] ?? 0) + 1 };
  }

  /** Records the node starting at events[i] under `path`; returns the index after it. */
  #walk(events: Event[], i: number, path: string, source: string, key: number | undefined): number {
    const event = events[i];
    if (!event) return i + 1;
    const record = (value: number | undefined, scalar: boolean) => {
      const span: NodeSpan = { scalar };
      if (key !== undefined) span.key = key;
      if (value !== undefined && value >= 0) span.value = value;
      this.#spans.set(path, span);
    };
    switch (event.type) {
      case EVENT_ID.SCALAR: {
        const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
        // A value's node starts at its tag or anchor when it has one, and at its opening quote when quoted.
        const starts = [event.tagStart, event.anchorStart].filter((o) => o >= 0).map((o) => o - 1);
        const value = event.valueStart < 0 ? undefined : event.valueStart - (quoted ? 1 : 0);
        record(starts.length > 0 ? Math.min(...starts) : value, true);
        return i + 1;
      }
      case EVENT_ID.ALIAS:
        record(event.anchorStart - 1, true);
        return i + 1;
      case EVENT_ID.SEQUENCE: {
        record(event.start, false);
        let next = i + 1;
        for (let index = 0; events[next] && events[next]!.type !== EVENT_ID.POP; index++) {
          next = this.#walk(events, next, `${path}[${index}]`, source, undefined);
        }
        return next + 1;
      }
      case EVENT_ID.MAPPING: {
        record(event.start, false);
        let next = i + 1;
        while (events[next] && events[next]!.type !== EVENT_ID.POP) {
          const keyEvent = events[next]!;
          if (keyEvent.type !== EVENT_ID.SCALAR) {
            // A list or mapping used as a key (`? [a, b]`) names no field: skip the key and its value.
            next = this.#skip(events, this.#skip(events, next));
            continue;
          }
          const name = getScalarValue(source, keyEvent);
          const keyStart = keyEvent.valueStart - (keyEvent.style === SCALAR_STYLE.PLAIN ? 0 : 1);
          next = this.#walk(events, next + 1, path ? `${path}.${name}` : name, source, keyStart);
        }
        return next + 1;
      }
      default:
        return i + 1;
    }
  }

  #skip(events: Event[], i: number): number {
    const event = events[i];
    if (!event || (event.type !== EVENT_ID.SEQUENCE && event.type !== EVENT_ID.MAPPING)) return i + 1;
    let next = i + 1;
    while (events[next] && events[next]!.type !== EVENT_ID.POP) next = this.#skip(events, next);
    return next + 1;
  }
}

function normalise(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** `metrics[2].value` → `metrics[2]` → `metrics` → '' (the root) → undefined. */
function parentPath(path: string): string | undefined {
  if (path === '') return undefined;
  const match = /^(.*?)(?:\.[^.[\]]+|\[\d+\])$/.exec(path);
  return match ? match[1] : '';
}

/** Position of `offset` in `text` (already normalised), counting from `firstLine`. */
export function positionInText(text: string, offset: number, firstLine = 1): SourcePosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: firstLine + (before.match(/\n/g)?.length ?? 0), column: offset - lineStart + 1 };
}

/**
 * Adds the position of each issue that names a field and has none yet, reading each file's YAML once. Issues of
 * files not in `files`, of whole files, or of fields the file does not hold keep no position: a position is never
 * guessed.
 */
export function locateIssues(issues: ContentIssue[], files: readonly { path: string; text: string }[]): void {
  const texts = new Map(files.map((file) => [file.path, file.text]));
  const positions = new Map<string, YamlPositions | undefined>();
  for (const issue of issues) {
    if (issue.line !== undefined || issue.field === undefined) continue;
    const text = texts.get(issue.file);
    if (text === undefined) continue;
    if (!positions.has(issue.file)) positions.set(issue.file, issue.file.endsWith('.md') ? YamlPositions.ofDocument(text) : YamlPositions.ofYamlFile(text));
    // An unknown field, or a list of values, is found at its key; a single bad value where it is written.
    const pointAtValue = issue.value !== undefined && (issue.value === null || typeof issue.value !== 'object');
    const position = positions.get(issue.file)?.positionOf(issue.field, pointAtValue);
    if (position) Object.assign(issue, position);
  }
}
