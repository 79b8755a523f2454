/**
 * The incremental build copies a page from the previous build when its cache key is unchanged, so a key must
 * change with anything its page shows, and stay equal when only a document the page does not show changes.
 * The keys are the real ones (`siteCacheKeys`, as src/lib/cache-keys.ts calls it) over the real site model the
 * pages render from (`buildSiteModel`): nothing of either is re-implemented here.
 */
import { describe, expect, it } from 'vitest';
import { contentKey, documentReuseKey, propsPageKey, reusePageKey, siteCacheKeys } from '../../src/domain/cache-keys.ts';
import { bodyTextRuns } from '../../src/domain/markdown/render-document.ts';
import { documentReuseView, reusePageView, type DocumentLabel } from '../../src/domain/reuse/reuse-views.ts';
import { findSharedPassages } from '../../src/domain/reuse/shared-passages.ts';
import { paginateList } from '../../src/domain/pagination.ts';
import { buildSiteModel } from '../../src/domain/site-model.ts';
import { documentFrontmatterSchema, type DocumentFrontmatter } from '../../src/schemas/document.ts';
import type { MetricDefinition } from '../../src/schemas/metric.ts';
import type { Region } from '../../src/schemas/region.ts';
import type { Topic } from '../../src/schemas/topic.ts';

interface Doc {
  id: string;
  digest: string;
  data: DocumentFrontmatter;
}

const regions: Region[] = [
  { slug: 'anhui', name: '安徽省', level: 'province', code: '340000' },
  { slug: 'anhui/hefei', name: '合肥市', level: 'city', parent: 'anhui', code: '340100' },
  { slug: 'anhui/xuancheng', name: '宣城市', level: 'city', parent: 'anhui', code: '341800' },
  { slug: 'anhui/xuancheng/xuanzhou', name: '宣州区', level: 'county', parent: 'anhui/xuancheng', code: '341802' },
  { slug: 'hunan', name: '湖南省', level: 'province', code: '430000' },
  { slug: 'hunan/chenzhou', name: '郴州市', level: 'city', parent: 'hunan', code: '431000' },
  { slug: 'hunan/chenzhou/zixing', name: '资兴市', level: 'county', parent: 'hunan/chenzhou', code: '431081' },
];
const topics: [string, Topic][] = [['social-assistance', { name: '社会救助', name_en: 'Social assistance', description: '低保、特困与临时救助。' } as Topic]];
const metrics = (version: string): [string, MetricDefinition][] => [['dibao-urban', { name: `城市低保标准 ${version}`, unit: '元/人/月', conversions: [], order: 1 } as unknown as MetricDefinition]];

type TaskInput = { id: string; evidence?: { document: string; quote: string } | undefined; continues?: { document: string; task: string; earlier_quote: string; quote: string } | undefined };

function doc(id: string, region: string, year: number, kind: DocumentFrontmatter['kind'], tasks: TaskInput[] = []): Doc {
  return { id, digest: contentKey(id, 'v1'), data: frontmatter({ region, period: { year, half: null }, kind, tasks }) };
}

function frontmatter(fields: { region: string; period: { year: number; half: null }; kind: DocumentFrontmatter['kind']; tasks: TaskInput[]; title?: string }): DocumentFrontmatter {
  return documentFrontmatterSchema.parse({
    title: fields.title ?? `${fields.region} ${fields.period.year} ${fields.kind}`,
    region: fields.region,
    period: fields.period,
    kind: fields.kind,
    topics: ['social-assistance'],
    tasks: fields.tasks.map((task) => ({ ...task, group: '社会救助', title: '提高低保标准', status: task.evidence ? 'done' : 'awaiting-summary' })),
  });
}

const taskList = doc('anhui/xuancheng/xuanzhou/2023-year-task-list', 'anhui/xuancheng/xuanzhou', 2023, 'task-list', [
  { id: '1-1', evidence: { document: 'anhui/xuancheng/xuanzhou/2023-h2-summary', quote: '低保标准提高到每人每月780元' } },
  { id: '1-2' },
]);
const summary = doc('anhui/xuancheng/xuanzhou/2023-h2-summary', 'anhui/xuancheng/xuanzhou', 2023, 'summary');
const hefei = doc('anhui/hefei/2022-year-plan', 'anhui/hefei', 2022, 'plan');
const zixing = doc('hunan/chenzhou/zixing/2023-h1-summary', 'hunan/chenzhou/zixing', 2023, 'summary');
const corpus = [taskList, summary, hefei, zixing];

/** A new version of `changed` (its file edited), the rest as they were. */
function edit(docs: Doc[], changed: Doc, data: { period?: { year: number; half: null }; tasks?: TaskInput[]; title?: string } = {}): Doc[] {
  return docs.map((d) =>
    d === changed
      ? {
          ...d,
          digest: contentKey(d.id, 'v2'),
          data: data.period || data.tasks || data.title ? frontmatter({ region: d.data.region, period: data.period ?? (d.data.period as { year: number; half: null }), kind: d.data.kind, tasks: data.tasks ?? d.data.tasks, ...(data.title ? { title: data.title } : {}) }) : d.data,
        }
      : d,
  );
}

function keysOf(docs: Doc[], definitions = 'v1') {
  const model = buildSiteModel({ documents: docs, regions, metrics: metrics(definitions), topics });
  return { model, keys: siteCacheKeys(model, (d) => ({ id: d.id, digest: d.digest })) };
}

function documentKeys(docs: Doc[], definitions = 'v1'): Map<string, string> {
  const { model, keys } = keysOf(docs, definitions);
  return new Map(model.documents.map((d) => [d.id, keys.documentPage(d)]));
}

function regionKeys(docs: Doc[]): Map<string, string> {
  const { model, keys } = keysOf(docs);
  return new Map(model.regions.published.map((region) => [region.slug, keys.regionPage(region.slug)]));
}

function listKeys(docs: Doc[]): Map<string, string> {
  const { model, keys } = keysOf(docs);
  const result = new Map<string, string>();
  for (const page of paginateList([...model.documents], 2, '/documents/')) result.set(`/documents/${page.currentPage}`, keys.listPage(page));
  for (const [value, list] of model.facets.byValue.year) {
    for (const page of paginateList(list, 2, `/documents/year/${value}/`)) {
      result.set(`/documents/year/${value}/${page.currentPage}`, keys.listPage(page, { facet: 'year', value, label: `${value}年` }));
    }
  }
  return result;
}

function disclosureKeys(docs: Doc[]): Map<string, string> {
  const { model, keys } = keysOf(docs);
  const provinces = model.disclosure.tree.map((node) => node.region.slug);
  return new Map([['/disclosure/', keys.disclosurePage()], ...provinces.map((p): [string, string] => [`/disclosure/${p}/`, keys.disclosureProvincePage(p)!])]);
}

/** The names whose key differs between two key maps (a name in only one of them counts as different). */
function changedKeys(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name)).sort();
}

describe('a document page’s cache key', () => {
  it('changes when the document’s file changes, and only that document’s', () => {
    expect(changedKeys(documentKeys(corpus), documentKeys(edit(corpus, zixing)))).toEqual([zixing.id]);
  });

  it('changes on every page when a metric or topic definition changes (pages show their names)', () => {
    expect(changedKeys(documentKeys(corpus), documentKeys(corpus, 'v2'))).toEqual(corpus.map((d) => d.id).sort());
  });

  it('of a summary changes when a task list whose evidence quotes it changes (its page shows and anchors those quotes)', () => {
    const quoteChanged = edit(corpus, taskList, { tasks: [{ id: '1-1', evidence: { document: summary.id, quote: '低保标准提高到每人每月800元' } }] });
    expect(changedKeys(documentKeys(corpus), documentKeys(quoteChanged))).toEqual([summary.id, taskList.id].sort());
  });

  it('of a summary changes when a new document starts citing it as evidence', () => {
    const newList = doc('anhui/xuancheng/xuanzhou/2023-year-task-list-2', 'anhui/xuancheng/xuanzhou', 2023, 'task-list', [
      { id: '2-1', evidence: { document: summary.id, quote: '新增养老床位' } },
    ]);
    const keys = changedKeys(documentKeys(corpus), documentKeys([...corpus, newList]));
    expect(keys).toEqual([summary.id, newList.id].sort());
  });

  it('of every document in a task’s history changes when one of them changes (each page shows the others’ steps)', () => {
    const next = doc('anhui/xuancheng/xuanzhou/2024-year-task-list', 'anhui/xuancheng/xuanzhou', 2024, 'task-list', [
      { id: '1-1', continues: { document: taskList.id, task: '1-1', earlier_quote: '提高低保标准', quote: '继续提高低保标准' } },
    ]);
    const withNext = [...corpus, next];
    // The history shows the 2023 list's step, its summary's report, and the 2024 list's step.
    expect(changedKeys(documentKeys(withNext), documentKeys(edit(withNext, next)))).toEqual([summary.id, taskList.id, next.id].sort());
    expect(changedKeys(documentKeys(corpus), documentKeys(withNext)).sort()).toEqual([summary.id, taskList.id, next.id].sort());
  });

  it('of every document in a target’s history changes when one of them changes (each page shows the others’ figures)', () => {
    const stating = (id: string, year: number, kind: DocumentFrontmatter['kind'], value: number, target: boolean): Doc => ({
      id,
      digest: contentKey(id, 'v1'),
      data: { ...frontmatter({ region: 'hunan/chenzhou/zixing', period: { year, half: null }, kind, tasks: [] }), metrics: [{ metric: 'dibao-urban', value, unit: '元/人/月', quote: `提高至${value}元`, ...(target ? { target } : {}) }] },
    });
    const plan2023 = stating('hunan/chenzhou/zixing/2023-year-plan', 2023, 'plan', 700, true);
    const plan2024 = stating('hunan/chenzhou/zixing/2024-year-plan', 2024, 'plan', 750, true);
    const withPlans = [...corpus, plan2023, plan2024];
    expect(changedKeys(documentKeys(withPlans), documentKeys(edit(withPlans, plan2024)))).toEqual([plan2023.id, plan2024.id].sort());
    // zixing's 2023 H1 summary covers another period: it reports on no whole-year target, and its key stays.
    expect(changedKeys(documentKeys(withPlans), documentKeys(edit(withPlans, zixing)))).toEqual([zixing.id]);
  });

  it('stays equal when a document in the same region that cites nothing changes', () => {
    const before = documentKeys(corpus);
    const after = documentKeys(edit(corpus, hefei));
    expect(after.get(summary.id)).toBe(before.get(summary.id));
    expect(after.get(taskList.id)).toBe(before.get(taskList.id));
  });
});

describe('a region page’s (and feed’s) cache key', () => {
  it('changes for the changed document’s region and its ancestors only', () => {
    expect(changedKeys(regionKeys(corpus), regionKeys(edit(corpus, zixing)))).toEqual(['hunan', 'hunan/chenzhou', 'hunan/chenzhou/zixing']);
  });

  it('changes for a parent when a sub-region gets its first document (the page lists its sub-regions)', () => {
    const xuancheng = doc('anhui/xuancheng/2023-year-plan', 'anhui/xuancheng', 2023, 'plan');
    expect(changedKeys(regionKeys(corpus), regionKeys([...corpus, xuancheng]))).toEqual(['anhui', 'anhui/xuancheng']);
  });
});

describe('a list page’s cache key', () => {
  it('changes only for the pages listing a document whose title changed', () => {
    // Newest first, pages of two: hefei (2022) is on page 2 of all documents and page 1 of 2022.
    expect(changedKeys(listKeys(corpus), listKeys(edit(corpus, hefei, { title: '合肥市民政局2022年工作计划（修订）' })))).toEqual(['/documents/2', '/documents/year/2022/1']);
  });

  it('changes on every list page when a facet count changes (every list page shows the counts)', () => {
    const before = listKeys(corpus);
    const after = listKeys(edit(corpus, hefei, { period: { year: 2023, half: null } }));
    expect(changedKeys(before, after)).toEqual([...new Set([...before.keys(), ...after.keys()])].sort());
  });
});

describe('the publishing record’s cache keys (/disclosure/ and a province’s page)', () => {
  it('stay equal when a document’s body or title changes: the pages show counts, years and kinds', () => {
    const edited = edit(edit(corpus, zixing), hefei, { title: '合肥市民政局2022年工作计划（修订）' });
    expect(changedKeys(disclosureKeys(corpus), disclosureKeys(edited))).toEqual([]);
  });

  it('change only the province’s page when a document moves to another year, which leaves every count as it was', () => {
    // 合肥市 holds one plan either way, one year-end summary short: its line's years change, no total does.
    expect(changedKeys(disclosureKeys(corpus), disclosureKeys(edit(corpus, hefei, { period: { year: 2023, half: null } })))).toEqual(['/disclosure/anhui/']);
  });

  it('change the national page and the province’s, not another province’s, when a bureau’s count changes', () => {
    const summary2022 = doc('anhui/hefei/2022-year-summary', 'anhui/hefei', 2022, 'summary');
    expect(changedKeys(disclosureKeys(corpus), disclosureKeys([...corpus, summary2022]))).toEqual(['/disclosure/', '/disclosure/anhui/']);
  });

  it('give no key for a province the record does not list', () => {
    expect(keysOf(corpus).keys.disclosureProvincePage('jiangsu')).toBeUndefined();
  });
});

describe('the /reuse/ page’s cache key', () => {
  const copied = '全市城乡低保标准分别提高到每人每月780元和620元，惠及困难群众2.3万人。';
  const reuseKey = (bodies: Record<string, string>) => {
    const documents = Object.entries(bodies).map(([id, body]) => ({ id, region: id, runs: bodyTextRuns(body), quotes: [] }));
    const index = findSharedPassages(documents, (d) => documents[d]!);
    return reusePageKey(reusePageView(index, (id) => ({ title: id, region: id, regionName: id })));
  };
  const bodies = { a: `甲地自己的一句话写在这里很长很长。${copied}`, b: `乙地自己的一句话写在这里很长很长。${copied}`, c: '丙地自己的计划内容与其他文件全然不同。' };

  it('stays equal when a document that shares nothing changes, and changes when a shared passage does', () => {
    expect(reuseKey({ ...bodies, c: '丙地改写后的计划内容与其他文件全然不同。' })).toBe(reuseKey(bodies));
    expect(reuseKey({ ...bodies, c: `丙地自己的计划内容与其他文件全然不同。${copied}` })).not.toBe(reuseKey(bodies));
  });
});

describe('the shared-passage part of a document page’s key', () => {
  const copied = '全市城乡低保标准分别提高到每人每月780元和620元，惠及困难群众2.3万人。';
  const another = '新建街道综合养老服务中心5个，社区养老服务站点覆盖率达到85%。';
  const own = '甲地自己的一句话写在这里很长很长。';
  const titles = (changed: Record<string, string> = {}) => (id: string): DocumentLabel => ({ title: changed[id] ?? `${id}的计划`, region: id, regionName: `${id}区` });
  /** Document a's key part and what its page shows of its shared passages (the view), for a set of bodies. */
  const pageOf = (bodies: Record<string, string>, label = titles()) => {
    const documents = Object.entries(bodies).map(([id, body]) => ({ id, region: id, runs: bodyTextRuns(body), quotes: [] }));
    const index = findSharedPassages(documents, (d) => documents[d]!);
    const sources = index.sourcesOf('a');
    const reuse = index.byDocument.get('a');
    return { key: sources && documentReuseKey(sources, label), shown: reuse && JSON.stringify([reuse, documentReuseView(reuse, label)]) };
  };
  const bodies = { a: `${own}${copied}${another}`, b: `乙地自己的一句话写在这里很长很长。${copied}`, c: `丙地自己的计划内容与其他文件全然不同。${another}` };
  const variants = {
    same: [bodies, titles()],
    'an unshared sentence of b edited': [{ ...bodies, b: `乙地改写过的一句话写在这里很长很长。${copied}` }, titles()],
    'b’s title changed': [bodies, titles({ b: '乙地修订后的计划' })],
    'b’s copy re-typed with full-width digits (another anchor there)': [{ ...bodies, b: `乙地自己的一句话写在这里很长很长。${copied.replace('780', '７８０')}` }, titles()],
    'c no longer sharing': [{ ...bodies, c: '丙地自己的计划内容与其他文件全然不同。' }, titles()],
    'a fourth document copying too': [{ ...bodies, d: `丁地自己的一句话写在这里很长很长。${copied}` }, titles()],
  } as const;

  it('changes exactly when what the page shows of other documents changes', () => {
    const pages = Object.entries(variants).map(([name, [b, label]]) => ({ name, ...pageOf(b, label) }));
    const base = pages[0]!;
    expect(base.key).toBeDefined();
    for (const page of pages.slice(1)) {
      expect(page.key === base.key, page.name).toBe(page.shown === base.shown);
    }
    expect(pages.find((p) => p.name === 'an unshared sentence of b edited')!.key).toBe(base.key);
    expect(pages.find((p) => p.name === 'b’s title changed')!.key).not.toBe(base.key);
  });

  it('is absent for a document that shares nothing', () => {
    expect(pageOf({ a: own, b: '乙地自己的一句话写在这里很长很长。' }).key).toBeUndefined();
  });
});

describe('a page keyed by its props (a metric’s page)', () => {
  const props = { name: '城市低保标准', points: [{ region: 'hunan/chenzhou/zixing', value: 550 }], omitted: new Map([['trend', 3]]), tags: new Set(['A']) };

  it('stays equal for equal props and changes with any value the page shows, inside a Map or a Set too', () => {
    const key = propsPageKey('metric', props);
    expect(propsPageKey('metric', structuredClone(props))).toBe(key);
    expect(propsPageKey('metric', { ...props, points: [{ region: 'hunan/chenzhou/zixing', value: 560 }] })).not.toBe(key);
    expect(propsPageKey('metric', { ...props, omitted: new Map([['trend', 4]]) })).not.toBe(key);
    expect(propsPageKey('metric', { ...props, tags: new Set(['B']) })).not.toBe(key);
  });

  it('refuses props that JSON would drop from the key, naming the field', () => {
    expect(() => propsPageKey('metric 城市低保标准', { ...props, absolute: (path: string) => path })).toThrow(/the props of metric 城市低保标准 hold a function at "absolute"/);
    class Figure {
      value = 550;
    }
    expect(() => propsPageKey('metric', { figure: new Figure() })).toThrow(/hold a Figure at "figure"/);
  });
});
