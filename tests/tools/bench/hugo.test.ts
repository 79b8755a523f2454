/** The Hugo comparison project: the same Markdown read in place, a layout of title and content only. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { hugoCommand, hugoFiles, hugoPageLayout, writeHugoProject } from '../../../tools/bench/hugo.ts';

describe('the Hugo project', () => {
  const files = hugoFiles('/tmp/corpus dir/content/documents');
  const config = yaml.load(files['hugo.yaml'] ?? '') as Record<string, unknown>;

  it('reads the corpus’s documents where they are, whatever the folder’s name holds', () => {
    expect(config['contentDir']).toBe('/tmp/corpus dir/content/documents');
  });

  it('builds document pages only, dated ones from any year, with Chinese counted by character', () => {
    expect(config['disableKinds']).toEqual(['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']);
    expect(config['buildFuture']).toBe(true);
    expect(config['hasCJKLanguage']).toBe(true);
  });

  it('prints each document’s title and content in the baseline’s bare frame, for pages and folder lists alike', () => {
    expect(hugoPageLayout).toContain('<title>{{ .Title }}</title>');
    expect(hugoPageLayout).toContain('<h1>{{ .Title }}</h1>{{ .Content }}');
    expect(files['layouts/_default/single.html']).toBe(hugoPageLayout);
    expect(files['layouts/_default/list.html']).toBe(hugoPageLayout);
  });

  it('builds cold: the cache folder is the bench’s, not Hugo’s default one an earlier run filled', () => {
    expect(hugoCommand('/usr/bin/hugo', '/w/project', '/w/dist', '/w/cache')).toEqual({
      command: '/usr/bin/hugo',
      args: ['--source', '/w/project', '--destination', '/w/dist', '--cacheDir', '/w/cache'],
    });
  });

  it('is written into an emptied folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-hugo-test-'));
    try {
      writeHugoProject(join(dir, 'project'), '/tmp/corpus/content/documents');
      expect(readFileSync(join(dir, 'project/layouts/_default/single.html'), 'utf8')).toBe(hugoPageLayout);
      expect(readFileSync(join(dir, 'project/hugo.yaml'), 'utf8')).toContain('contentDir: "/tmp/corpus/content/documents"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
