/**
 * Behaviour of the index and the client on small inline corpora: exactness, ranking, filters, related
 * results, excerpts, and what a query fetches.
 */
import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  createSearchClient,
  type BuildSearchIndexOptions,
  type SearchDoc,
} from '../../../src/domain/search/index.ts';

type DocInput = Partial<Omit<SearchDoc, 'meta'>> & { id: string; text: string; meta?: Partial<SearchDoc['meta']> };

function doc(input: DocInput): SearchDoc {
  return {
    url: `/documents/${input.id}/`,
    title: input.title ?? `文件 ${input.id}`,
    ...input,
    meta: {
      region: 'anhui/xuancheng/xuanzhou',
      regionName: '宣州区',
      regionPath: ['anhui', 'xuancheng', 'xuanzhou'],
      year: 2023,
      kind: 'plan',
      topics: [],
      date: '2023-06-01',
      ...input.meta,
    },
  } as SearchDoc;
}

async function indexOf(docs: SearchDoc[], options: Partial<BuildSearchIndexOptions> = {}) {
  const files = new Map<string, Uint8Array>();
  const stats = await buildSearchIndex(docs, { writeFile: (path, bytes) => void files.set(path, bytes), gramShards: 64, ...options });
  const fetched: string[] = [];
  const client = createSearchClient({
    fetchFile: async (path) => {
      fetched.push(path);
      const bytes = files.get(path);
      if (!bytes) throw new Error(`no such index file: ${path}`);
      return bytes;
    },
  });
  return { client, files, fetched, stats };
}

const dibao = [
  doc({ id: 'a', title: '2023年低保工作要点', text: '今年提高城乡低保标\n准，农村低保标准每人每月550元。推进IPv6改造。', meta: { date: '2023-03-01' } }),
  doc({ id: 'b', title: '最低生活保障工作总结', text: '最低生活保障标准提高到每月800元。特困人员救助供养标准同步提高。', meta: { date: '2022-05-01', year: 2022 } }),
  doc({ id: 'c', title: '养老服务', text: '新增护理型床位300张，养老床位总数达到1.9万张。A类机构12家。', meta: { date: '2021-09-01', year: 2021, kind: 'summary' } }),
  doc({ id: 'd', title: '社会救助', text: '低保对象动态管理。低保、特困审核确认时限压缩。低保边缘家庭认定。', meta: { date: '2024-01-10', year: 2024 } }),
];

describe('search: exact substring semantics', () => {
  it('finds 低保标准 in a text that breaks it across lines', async () => {
    const { client } = await indexOf(dibao);
    const response = await client.search('低保标准');
    expect(response.exactCount).toBe(1);
    expect(response.results[0]?.id).toBe('a');
    expect(response.results[0]?.count).toBe(2);
    expect(response.results[0]?.firstMatch).toEqual({ offset: 6, length: 5, text: '低保标\n准' });
  });

  it('requires every part of a query with spaces, wherever they are', async () => {
    const { client } = await indexOf(dibao);
    expect((await client.search('低保 550')).results.map((r) => r.id)).toEqual(['a']);
    expect((await client.search('低保 特困')).results.filter((r) => r.exact).map((r) => r.id)).toEqual(['d']);
    expect((await client.search('低保 龘')).exactCount).toBe(0);
  });

  it('answers one-character queries, digits, decimals and mixed Latin', async () => {
    const { client } = await indexOf(dibao);
    expect((await client.search('床')).results.map((r) => [r.id, r.count])).toEqual([['c', 2]]);
    expect((await client.search('550')).exactCount).toBe(1);
    expect((await client.search('1.9')).results.map((r) => r.id)).toEqual(['c']);
    expect((await client.search('ipv6')).results.map((r) => r.id)).toEqual(['a']);
    expect((await client.search('ＩＰＶ６')).results.map((r) => r.id)).toEqual(['a']);
    expect((await client.search('a类')).results.map((r) => r.id)).toEqual(['c']);
  });

  it('finds nothing for a string in no document, even when each of its characters exists', async () => {
    const { client } = await indexOf(dibao);
    expect((await client.search('准低')).exactCount).toBe(0);
    expect((await client.search('保标准，农')).exactCount).toBe(1);
    expect((await client.search('标准，农村低保标准每人')).exactCount).toBe(1);
    expect((await client.search('标准，农村低保标准每人每年')).exactCount).toBe(0);
  });

  it('counts overlapping occurrences of a repeated pattern', async () => {
    const { client } = await indexOf([doc({ id: 'x', text: '哈哈哈哈哈' })]);
    expect((await client.search('哈哈哈')).results[0]?.count).toBe(3);
    expect((await client.search('哈哈')).results[0]?.count).toBe(4);
  });

  it('matches the title and the body apart: a query across their join matches neither', async () => {
    const { client } = await indexOf([doc({ id: 'x', title: '工作要点', text: '一、总体要求' })]);
    expect((await client.search('要点一')).exactCount).toBe(0);
    expect((await client.search('要点')).results[0]?.titleMatch).toBe(true);
  });
});

describe('search: ranking', () => {
  const docs = [
    doc({ id: 'body-once', text: '做好殡葬改革工作。', meta: { date: '2024-01-01' } }),
    doc({ id: 'body-thrice', text: '殡葬服务、殡葬设施和殡葬管理。', meta: { date: '2020-01-01' } }),
    doc({ id: 'title', title: '殡葬改革方案', text: '推进殡葬改革。', meta: { date: '2019-01-01' } }),
    doc({ id: 'body-once-older', text: '殡葬。', meta: { date: '2018-01-01' } }),
  ];

  it('lists title matches first, then more occurrences, then newer documents', async () => {
    const { client } = await indexOf(docs);
    const response = await client.search('殡葬');
    expect(response.results.map((r) => r.id)).toEqual(['title', 'body-thrice', 'body-once', 'body-once-older']);
  });

  it('sorts newest first when asked', async () => {
    const { client } = await indexOf(docs);
    const response = await client.search('殡葬', { sort: 'date' });
    expect(response.results.map((r) => r.id)).toEqual(['body-once', 'body-thrice', 'title', 'body-once-older']);
  });

  it('pages through the results with offset and limit', async () => {
    const { client } = await indexOf(docs);
    const page = await client.search('殡葬', { offset: 1, limit: 2 });
    expect(page.exactCount).toBe(4);
    expect(page.results.map((r) => r.id)).toEqual(['body-thrice', 'body-once']);
  });
});

describe('search: filters', () => {
  const docs = [
    doc({ id: 'xuanzhou-2023-plan', text: '养老床位', meta: { topics: ['elderly-care'] } }),
    doc({
      id: 'jintan-2017-summary',
      text: '养老床位',
      meta: { region: 'jiangsu/changzhou/jintan', regionName: '金坛区', regionPath: ['jiangsu', 'changzhou', 'jintan'], year: 2017, kind: 'summary', topics: ['elderly-care', 'charity'] },
    }),
    doc({
      id: 'shanghai-2009-plan',
      text: '养老床位',
      meta: { region: 'shanghai', regionName: '上海市', regionPath: ['shanghai'], year: 2009, topics: [] },
    }),
  ];

  it('filters by region prefix: province, city or county', async () => {
    const { client } = await indexOf(docs);
    const ids = async (region: string) => (await client.search('养老床位', { filters: { region } })).results.map((r) => r.id);
    expect(await ids('anhui')).toEqual(['xuanzhou-2023-plan']);
    expect(await ids('jiangsu/changzhou')).toEqual(['jintan-2017-summary']);
    expect(await ids('jiangsu/changzhou/jintan')).toEqual(['jintan-2017-summary']);
    expect(await ids('shanghai')).toEqual(['shanghai-2009-plan']);
    expect(await ids('hunan')).toEqual([]);
  });

  it('filters by year, kind and topic, and combines filters', async () => {
    const { client } = await indexOf(docs);
    const ids = async (filters: object) => (await client.search('养老床位', { filters, sort: 'date' })).results.map((r) => r.id);
    expect(await ids({ year: 2017 })).toEqual(['jintan-2017-summary']);
    expect(await ids({ year: [2009, 2023] })).toEqual(['xuanzhou-2023-plan', 'shanghai-2009-plan']);
    expect(await ids({ kind: 'plan' })).toEqual(['xuanzhou-2023-plan', 'shanghai-2009-plan']);
    expect(await ids({ topic: 'elderly-care', kind: 'summary' })).toEqual(['jintan-2017-summary']);
    expect((await client.search('养老床位', { filters: { topic: 'charity' } })).exactCount).toBe(1);
  });
});

describe('search: related results from abbreviations', () => {
  it('lists documents with another form after the exact ones, labelled with the form that matched', async () => {
    const { client } = await indexOf(dibao, { abbreviations: [['低保', '最低生活保障']] });
    const response = await client.search('低保标准');
    expect(response.exactCount).toBe(1);
    expect(response.relatedCount).toBe(1);
    expect(response.results.map((r) => [r.id, r.exact])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect(response.results[1]?.related).toEqual({ form: '最低生活保障', replaces: '低保', part: '最低生活保障标准' });
    expect(response.results[1]?.excerpt.text.slice(...(response.results[1]?.excerpt.highlights[0] ?? [0, 0]))).toBe('最低生活保障标准');
  });

  it('does not repeat an exact result as a related one', async () => {
    const both = [doc({ id: 'both', text: '低保即最低生活保障。' })];
    const { client } = await indexOf(both, { abbreviations: [['低保', '最低生活保障']] });
    const response = await client.search('低保');
    expect(response.results.map((r) => [r.id, r.exact])).toEqual([['both', true]]);
  });

  it('leaves related results out when asked, says they are pending, and the second search starts with the same exact results', async () => {
    const { client } = await indexOf(dibao, { abbreviations: [['低保', '最低生活保障']] });
    const first = await client.search('低保标准', { related: false });
    expect(first.results.map((r) => r.id)).toEqual(['a']);
    expect([first.exactCount, first.relatedCount, first.relatedPending]).toEqual([1, 0, true]);
    const then = await client.search('低保标准');
    expect(then.relatedPending).toBe(false);
    expect(then.results.slice(0, first.results.length)).toEqual(first.results);
    expect(then.results.map((r) => r.id)).toEqual(['a', 'b']);
    expect((await client.search('标准', { related: false })).relatedPending).toBe(false);
  });
});

describe('search: excerpts', () => {
  const long = [
    '第一章 总则',
    '第一条 为了规范社会救助，保障公民的基本生活，促进社会公平，维护社会和谐稳定，根据宪法，制定本办法。',
    '第二条 社会救助制度坚持托底线、救急难、可持续，与其他社会保障制度相衔接，社会救助水平与经济社会发展水平相适应。',
    '第三条 国务院民政部门统筹全国社会救助体系建设。县级以上地方人民政府民政部门统筹本行政区域内的社会救助体系建设。',
  ].join('\n');

  it('cuts a readable window at sentence punctuation around the first match and highlights it', async () => {
    const { client } = await indexOf([doc({ id: 'law', title: '社会救助暂行办法', text: long })]);
    const [result] = (await client.search('托底线')).results;
    // Whole sentences: from the start of 第二条 (after the line break before it) to a full stop, ~80–120 characters.
    expect(result?.excerpt.text).toBe(
      '第二条 社会救助制度坚持托底线、救急难、可持续，与其他社会保障制度相衔接，社会救助水平与经济社会发展水平相适应。第三条 国务院民政部门统筹全国社会救助体系建设。',
    );
    expect(result?.excerpt.highlights.map(([s, e]) => result.excerpt.text.slice(s, e))).toEqual(['托底线']);
  });

  it('finds the first match in a later chunk of a long document and gives its offset in the body', async () => {
    const filler = '本段落用于填充文本长度。'.repeat(600);
    const text = `${filler}\n临时救助由急难发生地直接实施。\n${filler}`;
    const { client } = await indexOf([doc({ id: 'long', text })]);
    const [result] = (await client.search('急难发生地')).results;
    expect(result?.firstMatch?.offset).toBe(text.indexOf('急难发生地'));
    expect(result?.excerpt.text).toContain('临时救助由急难发生地直接实施。');
  });

  it('shows the opening of the body when the match is only in the title', async () => {
    const { client } = await indexOf([doc({ id: 't', title: '殡葬管理条例', text: '第一条 为了加强管理，制定本条例。' })]);
    const [result] = (await client.search('殡葬')).results;
    expect(result?.firstMatch).toBeNull();
    expect(result?.excerpt).toEqual({ text: '第一条 为了加强管理，制定本条例。', highlights: [] });
    expect(result?.titleHighlights).toEqual([[0, 2]]);
  });
});

describe('search: what a query fetches', () => {
  const many = Array.from({ length: 200 }, (_, i) => doc({ id: `d${i}`, text: `第${i}号文件：推进养老服务体系建设，新增床位${i * 10}张。` }));

  it('fetches only the shards of the query\'s grams, never the whole index', async () => {
    const { client, fetched, files } = await indexOf(many, { gramShards: 256 });
    await client.search('养老服务', { limit: 3 });
    const shards = fetched.filter((p) => p.startsWith('g/'));
    expect(shards.length).toBeLessThanOrEqual(2);
    expect(fetched.length).toBeLessThan(files.size / 10);
    expect(fetched.filter((p) => p.startsWith('d/')).length).toBe(1);
  });

  it('caches what it fetched: the same query again fetches nothing', async () => {
    const { client, fetched } = await indexOf(many);
    const first = await client.search('床位 养老');
    const count = fetched.length;
    const again = await client.search('床位 养老');
    expect(fetched.length).toBe(count);
    expect(again).toEqual(first);
  });

  it('retries a file whose fetch failed instead of caching the failure', async () => {
    const files = new Map<string, Uint8Array>();
    await buildSearchIndex(many, { writeFile: (path, bytes) => void files.set(path, bytes), gramShards: 64 });
    let offline = true;
    const client = createSearchClient({
      fetchFile: async (path) => {
        if (offline && path.startsWith('g/')) throw new Error('network down');
        return files.get(path) as Uint8Array;
      },
    });
    await expect(client.search('养老')).rejects.toThrow('network down');
    offline = false;
    expect((await client.search('养老')).exactCount).toBe(200);
  });

  it('needs no posting file at all for a string whose grams do not occur', async () => {
    const { client, fetched } = await indexOf(many);
    await client.search('龘');
    expect(fetched.filter((p) => !p.startsWith('g/') && p !== 'manifest.json')).toEqual([]);
  });
});

describe('index build', () => {
  const docs = Array.from({ length: 60 }, (_, i) =>
    doc({ id: `d${i}`, title: `第${i}号`, text: `${'民政'.repeat(i % 7)}社会救助${i}。${'低保标准'.repeat(i % 3)}婚姻登记。`, meta: { year: 2010 + (i % 5) } }),
  );

  it('gives the same answers when postings spill to runs many times', async () => {
    const plain = await indexOf(docs);
    const spilled = await indexOf(docs, { spillBytes: 500, inlineMaxBytes: 40 });
    expect(spilled.stats.spills).toBeGreaterThan(5);
    for (const query of ['民政', '民政民政', '低保标准', '救助1', '婚', '号']) {
      const a = await plain.client.search(query, { limit: 60, excerpts: false });
      const b = await spilled.client.search(query, { limit: 60, excerpts: false });
      expect(b.results.map((r) => [r.id, r.count]), query).toEqual(a.results.map((r) => [r.id, r.count]));
    }
  });

  it('is deterministic: the same documents give the same files and version', async () => {
    const one = await indexOf(docs);
    const two = await indexOf(docs);
    expect([...two.files.keys()].sort()).toEqual([...one.files.keys()].sort());
    expect(two.stats.manifest.version).toBe(one.stats.manifest.version);
    expect((await indexOf(docs.slice(1))).stats.manifest.version).not.toBe(one.stats.manifest.version);
  });

  it('takes documents from an async stream', async () => {
    async function* stream() {
      for (const d of docs) yield d;
    }
    const files = new Map<string, Uint8Array>();
    const stats = await buildSearchIndex(stream(), { writeFile: (p, b) => void files.set(p, b) });
    expect(stats.manifest.docCount).toBe(60);
  });
});
