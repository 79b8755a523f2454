/** The markdown-it floor: every document read, rendered with the product's CJK rule, one HTML file each. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { floorPage, renderFloor } from '../../../tools/bench/markdown-floor.ts';

const document = '---\ntitle: "资兴市民政局2023年<上半年>工作总结"\nkind: summary\n---\n\n**重点任务：**推进低保提标。\n\n<script>x</script>\n';

describe('the markdown-it floor', () => {
  it('prints the title, escaped, and the body rendered with the CJK-friendly emphasis rule', () => {
    const html = floorPage(document);
    expect(html).toContain('<title>资兴市民政局2023年&lt;上半年&gt;工作总结</title>');
    expect(html).toContain('<p><strong>重点任务：</strong>推进低保提标。</p>');
  });

  it('escapes raw HTML in a body, as the product’s renderer does', () => {
    expect(floorPage(document)).toContain('&lt;script&gt;x&lt;/script&gt;');
  });

  it('writes one index.html per document, at its id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-floor-test-'));
    try {
      const documents = join(dir, 'documents');
      mkdirSync(join(documents, 'hunan/chenzhou/zixing'), { recursive: true });
      writeFileSync(join(documents, 'hunan/chenzhou/zixing/2023-h1-summary.md'), document);
      writeFileSync(join(documents, 'hunan/2023-year-plan.md'), '---\ntitle: 湖南省民政厅2023年工作要点\n---\n正文\n');
      expect(renderFloor(documents, join(dir, 'out'))).toBe(2);
      expect(readFileSync(join(dir, 'out/hunan/chenzhou/zixing/2023-h1-summary/index.html'), 'utf8')).toBe(floorPage(document));
      expect(readFileSync(join(dir, 'out/hunan/2023-year-plan/index.html'), 'utf8')).toContain('<h1>湖南省民政厅2023年工作要点</h1><p>正文</p>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
