/**
 * A document body is content pasted from government websites, not code: nothing in it may become executable
 * markup. The check is independent of the renderer's own rules: it reads the HTML the renderer produced and
 * accepts only an allowlist of tags and attributes, with link targets limited to http(s), mailto, same-site
 * paths and fragments. Payloads: the obvious ones, Markdown-specific ones (links, images, autolinks,
 * reference definitions, entity-encoded schemes) and classic vectors from DOMPurify's test fixtures
 * (cure53/DOMPurify test/fixtures/expect.mjs) and the OWASP XSS filter evasion cheat sheet.
 * The same payloads are loaded into Chromium by tests/e2e/hostile-content.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { renderDocumentBody } from '../../../src/domain/markdown/render-document.ts';
import { hostilePayloads } from './hostile-payloads.ts';

/** Tags markdown-it may emit for a document body (CommonMark + tables), plus our quote marks and table box. */
const allowedTags = new Set(['p', 'a', 'img', 'em', 'strong', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'mark', 'div', 'span']);
const allowedAttributes = new Set(['href', 'src', 'alt', 'title', 'id', 'class', 'rel', 'start', 'style', 'tabindex', 'role', 'aria-label', 'data-label']);
const safeUrl = /^(https?:\/\/|mailto:|\/(?!\/)|#|\.\.?\/)/i;

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every problem with the markup of `html`; an empty list means it is inert. */
function executableMarkup(html: string): string[] {
  const problems: string[] = [];
  // Every `<` must open a well-formed tag whose attributes are all double-quoted: escaped text never has a `<`.
  const tagPattern = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*(\/?)>/gy;
  let at = 0;
  while (at < html.length) {
    const next = html.indexOf('<', at);
    if (next < 0) break;
    tagPattern.lastIndex = next;
    const match = tagPattern.exec(html);
    if (!match) {
      problems.push(`raw "<" that is not a plain tag: ${html.slice(next, next + 60)}`);
      at = next + 1;
      continue;
    }
    const [, , name, attributes] = match;
    if (!allowedTags.has(name!)) problems.push(`tag <${name}>`);
    for (const [, attribute, raw] of attributes!.matchAll(/\s+([a-z-]+)="([^"]*)"/g)) {
      const value = decodeEntities(raw!);
      if (!allowedAttributes.has(attribute!)) problems.push(`attribute ${attribute}="${value}" on <${name}>`);
      if ((attribute === 'href' || attribute === 'src') && !safeUrl.test(value)) problems.push(`${attribute}="${value}" on <${name}>`);
      if (attribute === 'style' && !/^text-align:(left|right|center)$/.test(value)) problems.push(`style="${value}"`);
    }
    if (name === 'a' && /\shref="https?:/i.test(attributes!) && !/\srel="[^"]*\bnoopener\b/.test(attributes!)) problems.push(`external link without rel="noopener": ${match[0]}`);
    at = tagPattern.lastIndex;
  }
  return problems;
}

describe('a document body with hostile content', () => {
  it.each(hostilePayloads)('renders $name as inert markup', ({ markdown }) => {
    const { html } = renderDocumentBody(markdown);
    expect(executableMarkup(html)).toEqual([]);
  });

  it('shows raw HTML as text, so a reader sees what the source contained', () => {
    const { html } = renderDocumentBody('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('leaves a javascript: link as plain text instead of a link', () => {
    const { html } = renderDocumentBody('[点我](javascript:alert(1))');
    expect(html).not.toContain('<a');
  });

  it('refuses a protocol-relative link to another site', () => {
    expect(renderDocumentBody('[别处](//evil.example/)').html).not.toContain('<a');
  });

  it('gives an external link rel="noopener"', () => {
    const { html } = renderDocumentBody('[民政部](https://www.mca.gov.cn/)');
    expect(html).toContain('<a href="https://www.mca.gov.cn/" rel="noopener noreferrer external">民政部</a>');
  });

  it('keeps same-site links and fragments as they are', () => {
    expect(renderDocumentBody('[地区](/regions/) [上文](#s-1)').html).toBe('<p><a href="/regions/">地区</a> <a href="#s-1">上文</a></p>\n');
  });

  it('escapes a quote that contains markup when it marks it', () => {
    const { html } = renderDocumentBody('前文<img src=x onerror=alert(1)>后文', ['<img src=x onerror=alert(1)>']);
    expect(html).toMatch(/<mark class="quote" id="q-[0-9a-z]+">&lt;img src=x onerror=alert\(1\)&gt;<\/mark>/);
    expect(executableMarkup(html)).toEqual([]);
  });

  it('finds executable markup when it is there (the checker itself works)', () => {
    expect(executableMarkup('<p onclick="x()">a</p>')).not.toEqual([]);
    expect(executableMarkup('<a href="javascript:alert(1)">a</a>')).not.toEqual([]);
    expect(executableMarkup('<a href="&#106;avascript:alert(1)">a</a>')).not.toEqual([]);
    expect(executableMarkup('<img src=x onerror=alert(1)>')).not.toEqual([]);
    expect(executableMarkup('<script>alert(1)</script>')).not.toEqual([]);
    expect(executableMarkup('<a href="https://example.org/">a</a>')).not.toEqual([]);
    expect(executableMarkup('<p>a &lt;script&gt;</p>')).toEqual([]);
  });
});
