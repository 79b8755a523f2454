/**
 * A rebuild in place updates the earlier index for the changed documents (src/domain/search/index-update.ts)
 * when the cache folder describes the very index the output holds; anything else — a document added, a state
 * file from older code or damaged, a shard of the output cut short — builds the index whole. Every way, the
 * output ends with the bytes a cold build of the same content writes.
 */
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDocumentIds, documentPathOf } from '../../src/domain/content/document-files.ts';
import { syncFolder } from '../../src/domain/in-place-output.ts';
import { loadRegions } from '../../src/domain/regions.ts';
import { searchLogLines, writeSearchIndex, type SearchIndexJob } from '../../src/integrations/search-index.ts';
import { generateCorpus, planCorpus } from '../../tools/corpus/generate.ts';
import { contentRootWithDefinitions, repoRoot } from '../../tools/site-build.ts';
import { repositorySources } from '../domain/search/corpus.ts';

/** Every file under `dir`, path → bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

describe('the search index of a rebuild in place', { timeout: 120_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-search-update-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }), 60_000);
  // More documents than the phrase sample (1,000): a change past it can be patched in.
  const contentRoot = contentRootWithDefinitions(join(root, 'content-root'), undefined);
  for (const file of generateCorpus(planCorpus({ docs: 1010, seed: 7 }, loadRegions()), repositorySources())) {
    mkdirSync(dirname(join(contentRoot, file.path)), { recursive: true });
    // Bodies cut to their first lines: the test is about which road the index takes, not about its size.
    const end = file.text.indexOf('\n---\n') + 5;
    writeFileSync(join(contentRoot, file.path), `${file.text.slice(0, end + 400)}\n`);
  }
  const ids = listDocumentIds(contentRoot);
  const cacheDir = join(root, 'cache');
  const output = join(root, 'dist-search');
  let builds = 0;
  // The first build: cold, into the output, keeping its documents and the state of its index.
  beforeAll(async () => {
    await writeSearchIndex({ projectRoot: repoRoot, contentRoot, cacheDir, indexDir: output, precompress: false }, () => {});
  }, 60_000);

  /** A cold build of the content as it is now, in a cache folder of its own. */
  async function cold(): Promise<Map<string, Buffer>> {
    const dir = join(root, `cold-${builds++}`);
    await writeSearchIndex({ projectRoot: repoRoot, contentRoot, cacheDir: join(dir, 'cache'), indexDir: join(dir, 'search'), precompress: false }, () => {});
    return filesOf(join(dir, 'search'));
  }

  /**
   * A build into `output` as `npm run build -- --in-place` does: the previous files hard-linked (a second name
   * each, as the previous site's), the index staged, then synced over them.
   */
  async function inPlace(warnings: string[] = []) {
    const n = builds++;
    const twin = join(root, `previous-${n}`);
    for (const [path] of filesOf(output)) {
      mkdirSync(dirname(join(twin, path)), { recursive: true });
      linkSync(join(output, path), join(twin, path));
    }
    const staged = join(root, `staged-${n}`);
    const job: SearchIndexJob = { projectRoot: repoRoot, contentRoot, cacheDir, indexDir: staged, precompress: false, previousIndexDir: output };
    const report = await writeSearchIndex(job, (message) => warnings.push(message));
    syncFolder(staged, output, () => false, report.unchanged ?? []);
    rmSync(twin, { recursive: true, force: true });
    return { report, lines: searchLogLines(report), files: filesOf(output) };
  }

  const edit = (id: string, text: string) => {
    const file = join(contentRoot, documentPathOf(id));
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n${text}\n`);
  };

  it('patches the changed document into the earlier index and ends with a cold build’s bytes', async () => {
    edit(ids[1005] as string, '本文于今日更新，低保标准另行公布。');
    const { report, lines, files } = await inPlace();
    expect(report.update).toMatchObject({ changed: 1 });
    expect(lines).toContainEqual(expect.stringMatching(/^\[search\] updated the earlier index for 1 changed documents: \d+ of 1024 gram shards encoded again, the others as they were \(tokenising and patching [\d.]+ s, doc store [\d.]+ s, shards [\d.]+ s\)$/));
    expect(files).toEqual(await cold());
  });

  it('builds whole when a change falls within the phrase sample, and still ends with a cold build’s bytes', async () => {
    edit(ids[3] as string, '样本中的文件也改了。');
    const { report, files } = await inPlace();
    expect(report.update).toEqual({ refused: 'document 3 changed, within the phrase sample of the first 1000' });
    expect(files).toEqual(await cold());
  });

  const statePath = () => join(cacheDir, 'gongkai-search', 'index-state.json');

  it('builds whole when the state file is from older code', async () => {
    const state = JSON.parse(readFileSync(statePath(), 'utf8')) as { code: string };
    writeFileSync(statePath(), JSON.stringify({ ...state, code: 'older' }));
    edit(ids[1006] as string, '第二处修改。');
    expect((await inPlace()).report.update).toEqual({ refused: 'the indexing code changed since the earlier index' });
  });

  it('builds whole when the state file is damaged, and still ends with a cold build’s bytes', async () => {
    writeFileSync(statePath(), '{"format":1,');
    edit(ids[1007] as string, '第三处修改。');
    const damaged = await inPlace();
    expect(damaged.report.update).toEqual({ refused: 'the cache folder describes no earlier index' });
    expect(damaged.files).toEqual(await cold());
  });

  it('builds whole when a file of the output’s index was cut short since, says so, and ends with a cold build’s bytes', async () => {
    // The change reaches none of g/0000.bin's grams: only the digest of the files read back can tell.
    truncateSync(join(output, 'g', '0000.bin'), 3);
    edit(ids[1008] as string, '第四处修改。');
    const warnings: string[] = [];
    const cut = await inPlace(warnings);
    expect(warnings).toContainEqual(expect.stringMatching(/^\[search\] updating the earlier index failed \(.+\): building it whole$/));
    expect(cut.report.update).toBeUndefined();
    expect(cut.files).toEqual(await cold());
  });

  it('builds whole when a document is removed, and the next change is patched again', async () => {
    rmSync(join(contentRoot, documentPathOf(ids[1002] as string)));
    expect((await inPlace()).report.update).toEqual({ refused: 'documents were added or removed, which renumbers every later one' });
    edit(ids[1009] as string, '第五处修改。');
    const { report, files } = await inPlace();
    expect(report.update).toMatchObject({ changed: 1 });
    expect(files).toEqual(await cold());
  });
});
