import * as yaml from 'js-yaml';

export interface SplitFile {
  /** Parsed YAML front matter. */
  data: unknown;
  /** Markdown after the closing `---`. */
  body: string;
}

/** Thrown for a file whose front matter cannot be read; `line` is 1-based within the file. */
export class FrontmatterError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.name = 'FrontmatterError';
    this.line = line;
  }
}

/** The file with line endings normalised, and its front-matter block; throws when there is no closed block. */
function frontmatterBlock(text: string): { source: string; match: RegExpExecArray } {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(source);
  if (!match) {
    // Opened but never closed: the whole file would be read as YAML, so say where the block should end.
    if (/^---\n/.test(source)) throw new FrontmatterError('the front matter opened with `---` on line 1 is never closed: add a line `---` after its last field, before the body', 1);
    throw new FrontmatterError('the file does not start with a `---` front-matter block', 1);
  }
  return { source, match };
}

/** Splits `---\nYAML\n---\nbody` and parses the YAML. */
export function splitFrontmatter(text: string): SplitFile {
  const { source, match } = frontmatterBlock(text);
  const yamlText = match[1] ?? '';
  try {
    const data = yaml.load(yamlText);
    return { data: data ?? {}, body: source.slice(match[0].length) };
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      throw new FrontmatterError(`malformed YAML: ${error.reason}`, error.mark ? error.mark.line + 2 : undefined);
    }
    throw error;
  }
}

/**
 * The body of `---\nYAML\n---\nbody` exactly as `splitFrontmatter` cuts it, without parsing the YAML: a page
 * renders the front matter validation already parsed, and parsing it again cost a third of reading a body.
 */
export function frontmatterBody(text: string): string {
  const { source, match } = frontmatterBlock(text);
  return source.slice(match[0].length);
}

/** Parses a standalone YAML data file (a metric or topic definition). */
export function parseYamlFile(text: string): unknown {
  try {
    return yaml.load(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      throw new FrontmatterError(`malformed YAML: ${error.reason}`, error.mark ? error.mark.line + 1 : undefined);
    }
    throw error;
  }
}
