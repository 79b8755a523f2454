/**
 * A rebuild adds unchanged documents from what an earlier build kept (`addKept`) and tokenises only the
 * changed ones; the index it writes must be the very bytes a cold build of the same documents writes.
 */
import { describe, expect, it } from 'vitest';
import { createSearchIndexBuilder, memorySpillStore, type BuildSearchIndexOptions, type SearchDoc } from '../../../src/domain/search/index.ts';

function doc(id: string, title: string, text: string, year = 2023): SearchDoc {
  return {
    id,
    url: `/documents/${id}/`,
    title,
    text,
    meta: { region: 'hunan/chenzhou/zixing', regionName: '资兴市', regionPath: ['hunan', 'chenzhou', 'zixing'], year, kind: 'summary', topics: ['social-assistance'], date: `${year}-07-10` },
  };
}

/** Y, the corpus of the first build; X, the same after an edit, a removal and an addition. */
const corpusY = [
  doc('a', '2023年上半年民政工作总结', '城市低保A类由500元/月.人提高至550元/月.人。\n新增养老床位300张，护理型床位占比达到60%。'),
  doc('b', '2023年工作要点', '推进社会工作服务站建设；落实特困人员救助供养。😀 表情与全角ＡＢＣ也要索引。'),
  doc('c', '婚姻登记工作', '婚姻登记“跨省通办”试点，全年办理结婚登记1200对。', 2022),
  doc('d', '殡葬改革', '推进殡葬改革，公益性公墓建设。'.repeat(40)),
];
const corpusX = [
  corpusY[0]!,
  doc('b', '2023年工作要点', '推进社会工作服务站建设；落实特困人员救助供养。新增一句：城乡低保工作平稳推进。'),
  corpusY[3]!,
  doc('e', '慈善事业', '慈善信托备案三件，募集资金五百万元。', 2024),
];

type Files = Map<string, Uint8Array>;
const options = (files: Files, extra: Partial<BuildSearchIndexOptions> = {}): BuildSearchIndexOptions => ({
  writeFile: (path, bytes) => void files.set(path, bytes),
  gramShards: 64,
  ...extra,
});
const sameDoc = (a: SearchDoc, b: SearchDoc) => JSON.stringify(a) === JSON.stringify(b);

async function coldBuild(docs: SearchDoc[], extra?: Partial<BuildSearchIndexOptions>): Promise<Files> {
  const files: Files = new Map();
  const builder = createSearchIndexBuilder(options(files, extra));
  for (const d of docs) await builder.add(d);
  await builder.finish();
  return files;
}

/** A build that keeps every document, reusing what `kept` holds for an unchanged one; returns its files and what it kept. */
async function keepingBuild(docs: SearchDoc[], kept: Map<string, { doc: SearchDoc; bytes: Uint8Array }>, extra?: Partial<BuildSearchIndexOptions>) {
  const files: Files = new Map();
  const next = new Map<string, { doc: SearchDoc; bytes: Uint8Array }>();
  const builder = createSearchIndexBuilder(options(files, extra));
  let reused = 0;
  for (const d of docs) {
    const previous = kept.get(d.id);
    if (previous && sameDoc(previous.doc, d)) {
      await builder.addKept(previous.bytes);
      next.set(d.id, previous);
      reused++;
    } else {
      next.set(d.id, { doc: d, bytes: await builder.addAndKeep(d) });
    }
  }
  await builder.finish();
  return { files, kept: next, reused };
}

function expectSameFiles(actual: Files, expected: Files): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  const different = [...expected].filter(([path, bytes]) => !Buffer.from(actual.get(path)!).equals(Buffer.from(bytes))).map(([path]) => path);
  expect(different).toEqual([]);
}

describe('search index: reusing kept documents', () => {
  it('writes the same bytes when every document is kept as when none is', async () => {
    const { files } = await keepingBuild(corpusY, new Map());
    expectSameFiles(files, await coldBuild(corpusY));
  });

  it('writes, after a rebuild from an earlier corpus, the very bytes of a cold build of the new one', async () => {
    const first = await keepingBuild(corpusY, new Map());
    const rebuild = await keepingBuild(corpusX, first.kept);
    expect(rebuild.reused).toBe(2); // a and d; b changed, c removed, e added
    expectSameFiles(rebuild.files, await coldBuild(corpusX));
  });

  it('writes the same bytes when postings spill between documents', async () => {
    const spilling = () => ({ spill: memorySpillStore(), spillBytes: 64 });
    const first = await keepingBuild(corpusY, new Map(), spilling());
    const rebuild = await keepingBuild(corpusX, first.kept, spilling());
    expectSameFiles(rebuild.files, await coldBuild(corpusX, spilling()));
  });

  it('refuses a kept document that is cut short, before adding any of it', async () => {
    const { kept } = await keepingBuild(corpusY, new Map());
    const bytes = kept.get('a')!.bytes;
    const files: Files = new Map();
    const builder = createSearchIndexBuilder(options(files));
    await expect(builder.addKept(bytes.subarray(0, bytes.length - 3))).rejects.toThrow(/kept document/);
    await expect(builder.addKept(new Uint8Array([9, 0]))).rejects.toThrow(/version 9/);
    // The builder is untouched: adding the corpus now gives the cold build's bytes.
    for (const d of corpusY) await builder.add(d);
    await builder.finish();
    expectSameFiles(files, await coldBuild(corpusY));
  });
});
