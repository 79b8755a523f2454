import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPageHead } from '../../src/integrations/host-headers.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-host-headers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function page(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('reading a built page for its policy', () => {
  it('reads up to </head> and no further', () => {
    const head = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>民政局</title></head>';
    expect(readPageHead(page('short.html', `${head}<body>${'正文'.repeat(50_000)}</body></html>`))).toBe(head);
  });

  it('finds </head> split between two reads, after Chinese text split between them too', () => {
    // 16 KB reads: a 3-byte character and the closing tag both straddle the first boundary.
    for (let pad = 16 * 1024 - 10; pad < 16 * 1024 + 2; pad++) {
      const head = `<head>${'a'.repeat(pad - 6)}养老服务</head>`;
      expect(readPageHead(page(`split-${pad}.html`, `${head}<body>低保</body>`))).toBe(head);
    }
  });

  it('reads a page without </head> whole', () => {
    const text = `<html>${'社会救助'.repeat(10_000)}</html>`;
    expect(readPageHead(page('no-head.html', text))).toBe(text);
    expect(readPageHead(page('empty.html', ''))).toBe('');
  });
});
