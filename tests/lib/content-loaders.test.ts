/**
 * A failed build ends with our report: the error the loaders throw is printed by Astro's own error printer
 * (the one `astro build` uses when it exits) as its message and hint, nothing after them.
 */
import { describe, expect, it } from 'vitest';
// Astro's CLI error printing, by file: these modules are not in the package's exports.
import { collectErrorMetadata } from '../../node_modules/astro/dist/core/errors/dev/utils.js';
import { formatErrorMessage } from '../../node_modules/astro/dist/core/messages/runtime.js';
import type { ContentIssue } from '../../src/domain/content/content-issue.ts';
import { ContentValidationError } from '../../src/lib/content-loaders.ts';

const issues: ContentIssue[] = [
  { file: 'content/documents/hunan/chenzhou/zixing/2023-h1-summary.md', line: 9, column: 12, field: 'published', value: '2023-13-45', message: '"2023-13-45" is not a real date', hint: 'write the date as YYYY-MM-DD, e.g. 2023-08-28, as the source gives it' },
  { file: 'content/search/abbreviations.yaml', field: 'entry 1', value: ['低保'], message: '`forms` must list at least two equivalent forms', hint: 'list every form documents write for the same thing' },
];

describe('the error a build with invalid content fails with', () => {
  it('carries the report as its message, how to re-check as its hint, and no stack', () => {
    const error = new ContentValidationError(issues);
    expect(error.message).toContain('2 content errors in 2 files:');
    // The place in front, as `npm run check` prints it: a terminal or an editor links it to the line.
    expect(error.message).toContain('  ✗ content/documents/hunan/chenzhou/zixing/2023-h1-summary.md:9:12 published: "2023-13-45" is not a real date');
    expect(error.hint).toContain('npm run check');
    expect(error.stack).toBe('');
  });

  it('is printed by Astro as our report then our hint, without its unrelated "Browser APIs" hint, location or stack', () => {
    const printed = formatErrorMessage(collectErrorMetadata(new ContentValidationError(issues)), true);
    // Astro colours the hint; compare the text a terminal shows.
    const text = printed.replace(/\u001b\[[0-9;]*m/g, '');
    expect(text).not.toContain('Browser APIs');
    expect(text).not.toContain('Stack trace');
    expect(text).not.toContain('Location');
    expect(text).toMatchSnapshot();
    expect(text.trimEnd().endsWith('Nothing was published.')).toBe(true);
  });
});
