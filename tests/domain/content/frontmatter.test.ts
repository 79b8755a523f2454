/** Cutting a document's body from its front matter, with and without parsing the YAML. */
import { describe, expect, it } from 'vitest';
import { FrontmatterError, frontmatterBody, splitFrontmatter } from '../../../src/domain/content/frontmatter.ts';

const files: [string, string][] = [
  ['a plain file', '---\ntitle: 低保\n---\n正文第一段。\n'],
  ['a byte-order mark and CRLF line ends', '\uFEFF---\r\ntitle: 低保\r\n---\r\n正文\r\n第二行\r\n'],
  ['a lone CR line end', '---\rtitle: 低保\r---\r正文\r'],
  ['a thematic break in the body', '---\ntitle: 低保\n---\n上文\n\n---\n\n下文\n'],
  ['no body', '---\ntitle: 低保\n---'],
  ['a comment in the front matter', '---\n# 编者注\ntitle: 低保\n---\n正文'],
];

describe('frontmatterBody', () => {
  it.each(files)('cuts the body exactly where splitFrontmatter does, for %s', (_, text) => {
    expect(frontmatterBody(text)).toBe(splitFrontmatter(text).body);
  });

  it('does not read the YAML, so a page pays only for the cut', () => {
    const text = '---\ntitle: [未闭合\n---\n正文';
    expect(() => splitFrontmatter(text)).toThrow(FrontmatterError);
    expect(frontmatterBody(text)).toBe('正文');
  });

  it.each([
    ['---\ntitle: 低保\n正文', 'never closed'],
    ['title: 低保\n正文', 'does not start with'],
  ])('refuses a file without a closed block as splitFrontmatter does: %j', (text, message) => {
    expect(() => frontmatterBody(text)).toThrow(message);
    expect(() => splitFrontmatter(text)).toThrow(message);
  });
});
