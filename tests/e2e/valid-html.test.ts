/**
 * Every page of the built site is valid HTML by html-validate, with the project's `.htmlvalidate.json`
 * (html-validate:recommended + html-validate:document; the two adjusted rules and why are in docs/quality.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';

const distDir = inject('distDir');
const repo = resolve(import.meta.dirname, '../..');

describe('the HTML of the built site', () => {
  it('has no html-validate error on any page', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const pages = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).sort();
    expect(pages.length).toBeGreaterThan(10);
    const errors: string[] = [];
    for (const file of pages) {
      // The config is looked up from the repository, as the CLI would for a file inside it.
      const source = { data: readFileSync(join(distDir, file), 'utf8'), filename: join(repo, 'dist', file), line: 1, column: 1, offset: 0 };
      const report = await validator.validateSource(source);
      for (const message of report.results.flatMap((result) => result.messages)) {
        errors.push(`${file}: ${message.ruleId} at ${message.selector ?? `${message.line}:${message.column}`} — ${message.message}`);
      }
    }
    expect(errors).toEqual([]);
  });
});
