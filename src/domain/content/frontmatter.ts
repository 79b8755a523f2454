import * as yaml from 'js-yaml';

export interface SplitFile {
  /** Parsed YAML front matter. */
  data: unknown;
  /** Markdown after the closing `---`. */
  body: string;
  /** 1-based line of the file on which the body starts (the line after the closing `---`). */
  bodyLine: number;
}

/** Thrown for a file whose front matter cannot be read; `line` and `column` are 1-based within the file. */
export class FrontmatterError extends Error {
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(message: string, line?: number, column?: number) {
    super(message);
    this.name = 'FrontmatterError';
    this.line = line;
    this.column = column;
  }
}

/**
 * The YAML between the `---` lines of a file's text, whose BOM is already removed and line ends are `\n`, and
 * the length of the whole block; undefined when the text does not open with a closed block. The YAML starts on
 * line 2 of the file.
 */
export function frontmatterBlock(source: string): { yaml: string; length: number } | undefined {
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(source);
  return match ? { yaml: match[1] ?? '', length: match[0].length } : undefined;
}

/** The file with BOM removed and line ends normalised, and its front-matter block; throws when there is none. */
function requireFrontmatterBlock(text: string): { source: string; block: { yaml: string; length: number } } {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const block = frontmatterBlock(source);
  if (!block) {
    // Opened but never closed: the whole file would be read as YAML, so say where the block should end.
    if (/^---\n/.test(source)) throw new FrontmatterError('the front matter opened with `---` on line 1 is never closed: add a line `---` after its last field, before the body', 1, 1);
    throw new FrontmatterError('the file does not start with a `---` front-matter block', 1, 1);
  }
  return { source, block };
}

/** Splits `---\nYAML\n---\nbody` and parses the YAML. */
export function splitFrontmatter(text: string): SplitFile {
  const { source, block } = requireFrontmatterBlock(text);
  try {
    const data = yaml.load(block.yaml);
    // The block ends with the closing `---` and its line end, so the body starts on the line after it.
    const bodyLine = (block.yaml.match(/\n/g)?.length ?? 0) + 4;
    return { data: data ?? {}, body: source.slice(block.length), bodyLine };
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      throw new FrontmatterError(`malformed YAML: ${error.reason}`, error.mark ? error.mark.line + 2 : undefined, error.mark ? error.mark.column + 1 : undefined);
    }
    throw error;
  }
}

/**
 * The body of `---\nYAML\n---\nbody` exactly as `splitFrontmatter` cuts it, without parsing the YAML: a page
 * renders the front matter validation already parsed, and parsing it again cost a third of reading a body.
 */
export function frontmatterBody(text: string): string {
  const { source, block } = requireFrontmatterBlock(text);
  return source.slice(block.length);
}

/** Parses a standalone YAML data file (a metric or topic definition). */
export function parseYamlFile(text: string): unknown {
  try {
    return yaml.load(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      throw new FrontmatterError(`malformed YAML: ${error.reason}`, error.mark ? error.mark.line + 1 : undefined, error.mark ? error.mark.column + 1 : undefined);
    }
    throw error;
  }
}
