import { describe, expect, it } from 'vitest';
import { sharedSentenceAnchor } from '../../../src/domain/anchors.ts';
import { bodyTextRuns, renderDocumentBody } from '../../../src/domain/markdown/render-document.ts';
import { defaultReuseRule, findSharedPassages, isFormula, type ReuseBody, type ReuseDocument } from '../../../src/domain/reuse/shared-passages.ts';
import { contentChars, normaliseSentence, sentenceHash, sentencesOfRuns } from '../../../src/domain/reuse/sentences.ts';
import { documentBody, listDocumentIds } from '../../../src/domain/content/document-files.ts';
import { sentenceEnd } from '../../../src/domain/task-matching.ts';
import { repoRoot } from '../../import-graph.ts';

const formula = '深入学习贯彻习近平新时代中国特色社会主义思想和党的二十大精神。';
const copied = ['全市城乡低保标准分别提高到每人每月780元和620元，惠及困难群众2.3万人。', '新建街道综合养老服务中心5个，社区养老服务站点覆盖率达到85%。'];

function doc(id: string, region: string, body: string, quotes: string[] = []): ReuseDocument & ReuseBody {
  return { id, region, runs: bodyTextRuns(body), quotes };
}

/** The detection over documents held in memory, as the tests build them. */
const detect = (documents: readonly (ReuseDocument & ReuseBody)[]) => findSharedPassages(documents, (d) => documents[d]!);

const filler = (name: string, n: number) => Array.from({ length: n }, (_, i) => `${name}第${i + 1}项工作按照年度计划稳步推进并取得${name}特有成效。`).join('');

describe('sentences', () => {
  it('treats full-width punctuation, spaces and the closing mark as the same sentence', () => {
    expect(normaliseSentence('城乡低保标准提高到每人每月７８０元， 惠及２万人；')).toBe(normaliseSentence('城乡低保标准提高到每人每月780元,惠及2万人。'));
  });

  it('keeps a decimal point, so 3.5万元 is not the same sentence as 35万元', () => {
    expect(normaliseSentence('投入资金3.5万元。')).not.toBe(normaliseSentence('投入资金35万元。'));
  });

  it('cuts runs after 。！？； and records where each sentence starts in its run', () => {
    const [first, second] = sentencesOfRuns(['一是加强领导。 二是完善制度；']);
    expect(first).toMatchObject({ text: '一是加强领导。', run: 0, start: 0, chars: 6 });
    expect(second).toMatchObject({ text: '二是完善制度；', run: 0, start: 8 });
  });

  // The plain forms of normaliseSentence and contentChars (before contentChars' table): the reference they must equal.
  const quoteForms: Record<string, string> = { '“': '"', '”': '"', '„': '"', '‘': "'", '’': "'", '「': '"', '」': '"', '『': '"', '』': '"', '〔': '[', '〕': ']', '【': '[', '】': ']' };
  const plainKey = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '').replace(/[“”„‘’「」『』〔〕【】]/gu, (c) => quoteForms[c] ?? c).replace(/[。.;!?]+$/u, '');
  const plainChars = (text: string) => text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;

  it('normalises and counts every sentence of the bundled bodies as the plain regular expressions do', () => {
    const pieces = listDocumentIds(repoRoot).flatMap((id) => bodyTextRuns(documentBody(repoRoot, id)).flatMap((run) => [run, ...run.split(sentenceEnd)]));
    pieces.push('', ' ', '。', '；；', 'a .', '“引号”。 ', '１２３；', '\u3000全角空格\u3000。', '孤立代理项\ud800与𠀀扩展区汉字١٢。');
    expect(pieces.length).toBeGreaterThan(1000);
    expect(pieces.filter((piece) => normaliseSentence(piece) !== plainKey(piece) || contentChars(piece) !== plainChars(piece))).toEqual([]);
  });

  it('hashes equal keys equally and different keys differently', () => {
    expect(sentenceHash('甲乙丙')).toBe(sentenceHash('甲乙丙'));
    expect(sentenceHash('甲乙丙')).not.toBe(sentenceHash('甲乙丁'));
  });
});

describe('the formula rule', () => {
  it('never calls a pair a formula, calls half of a small site one, and more than 50 documents of a large one', () => {
    expect(isFormula(2, 2)).toBe(false);
    expect(isFormula(3, 4)).toBe(true);
    expect(isFormula(3, 40)).toBe(false);
    expect(isFormula(50, 10_000)).toBe(false);
    expect(isFormula(51, 10_000)).toBe(true);
  });
});

describe('findSharedPassages', () => {
  const documents = [
    doc('a/2023-year-summary', 'hunan/chenzhou/zixing', `${formula}\n\n${filler('甲地', 4)}\n\n${copied.join('')}\n\n${filler('甲地后', 3)}`),
    doc('b/2023-year-summary', 'hunan/chenzhou/beihu', `${formula}\n\n${filler('乙地', 5)}${copied[0]}\n\n- ${copied[1]}\n\n${filler('乙地后', 2)}`),
    doc('c/2023-year-plan', 'anhui/xuancheng/xuanzhou', `${formula}\n\n${filler('丙地', 6)}`),
    doc('d/2022-year-plan', 'anhui/xuancheng/jingxian', `${formula}\n\n${filler('丁地', 6)}`),
  ];
  const index = detect(documents);

  it('finds the planted copy in both documents as one passage, across a paragraph and a list item', () => {
    const a = index.byDocument.get('a/2023-year-summary')!;
    const b = index.byDocument.get('b/2023-year-summary')!;
    expect(a.passages.map((p) => p.text)).toEqual([copied.join('')]);
    expect(b.passages.map((p) => p.text)).toEqual([copied.join('')]);
    expect(a.passages[0]!.alsoIn).toEqual([{ document: 'b/2023-year-summary', anchor: sharedSentenceAnchor(copied[0]!) }]);
    expect(b.marks.map((m) => [m.text, m.passage, m.last])).toEqual([[copied[0], 1, false], [copied[1], 1, true]]);
  });

  it('leaves out the formula every document uses, and reports it as one', () => {
    expect(index.byDocument.has('c/2023-year-plan')).toBe(false);
    expect(index.formulas).toEqual([{ text: formula, documents: 4 }]);
    for (const reuse of index.byDocument.values()) expect(reuse.marks.map((m) => m.text)).not.toContain(formula);
  });

  it('ranks the pair and counts each side’s share of letters, digits and ideographs', () => {
    expect(index.pairs).toHaveLength(1);
    const [pair] = index.pairs.slice();
    const chars = copied.join('').match(/[\p{L}\p{N}]/gu)!.length;
    expect(pair!.sharedChars).toEqual([chars, chars]);
    const share = index.shares.find((s) => s.document === 'a/2023-year-summary')!;
    expect(share).toMatchObject({ sharedChars: chars, passages: 1, sharedWith: 1 });
    expect(share.totalChars).toBeGreaterThan(chars);
    expect(index.shares.find((s) => s.document === 'd/2022-year-plan')).toMatchObject({ sharedChars: 0, passages: 0 });
  });

  it('ranks a passage by the regions it stands in, linking to it in each document', () => {
    expect(index.passages.slice()).toEqual([
      {
        text: copied.join(''),
        chars: expect.any(Number),
        regions: 2,
        occurrences: [
          { document: 'a/2023-year-summary', anchor: sharedSentenceAnchor(copied[0]!) },
          { document: 'b/2023-year-summary', anchor: sharedSentenceAnchor(copied[0]!) },
        ],
      },
    ]);
  });

  it('gives any slice of the ranked passages and pairs as slicing the whole ranking would, ties ordered by text', () => {
    // Six pairs of documents, each sharing one sentence of the same length: every passage and pair ties on its numbers.
    const texts = ['丙', '甲', '戊', '乙', '丁', '己'].map((c) => `${c}${c}地将城乡低保标准提高到每人每月七百八十元。`);
    const result = detect(texts.flatMap((text, k) => [doc(`p${k}/a`, `r${k}a`, `${text}${filler(`独${k}甲`, 1)}`), doc(`p${k}/b`, `r${k}b`, `${text}${filler(`独${k}乙`, 1)}`)]));
    const passages = result.passages.slice();
    expect(passages.map((p) => p.text)).toEqual([...texts].sort((x, y) => x.localeCompare(y)));
    expect([...result.passages.slice(0, 2), ...result.passages.slice(2, 5), ...result.passages.slice(5)]).toEqual(passages);
    const pairs = result.pairs.slice();
    expect(pairs.map((p) => p.documents.join())).toEqual(texts.map((_, k) => `p${k}/a,p${k}/b`));
    expect(result.pairs.slice(3, 4)).toEqual([pairs[3]]);
    expect(result.pairs.slice(9, 12)).toEqual([]);
    expect(result.passages.length).toBe(6);
  });

  it('claims nothing when two sentences differ only in a digit', () => {
    const result = detect([doc('x', 'r1', '全市城乡低保标准提高到每人每月780元，惠及困难群众。'), doc('y', 'r2', '全市城乡低保标准提高到每人每月790元，惠及困难群众。')]);
    expect(result.byDocument.size).toBe(0);
    expect(result.pairs.slice()).toEqual([]);
  });

  it('does not seed on a short sentence, but carries one inside a copied passage', () => {
    const short = '成效明显。';
    const result = detect([doc('x', 'r1', `${copied[0]}${short}${copied[1]}`), doc('y', 'r2', `${copied[0]}${short}${copied[1]}`), doc('z', 'r3', `${short}其他地区完全不同的内容在这里展开叙述。`)]);
    expect(result.byDocument.get('x')!.passages.map((p) => p.text)).toEqual([copied[0] + short + copied[1]]);
    expect(result.byDocument.get('z')).toBeUndefined();
  });

  it('reads a body a second time only when one of its sentences stands in another document', () => {
    const documents = [doc('x', 'r1', `${copied[0]}${filler('甲', 2)}`), doc('y', 'r2', `${filler('乙', 2)}${copied[0]}`), doc('z', 'r3', filler('丙', 3))];
    const reads = documents.map(() => 0);
    const result = findSharedPassages(documents, (d) => (reads[d]!++, documents[d]!));
    expect(reads).toEqual([2, 2, 1]);
    // What pages read is built from the texts kept, not from the bodies, which it no longer asks for.
    expect(result.byDocument.get('y')!.passages.map((p) => p.text)).toEqual([copied[0]]);
    expect(result.passages.slice().map((p) => p.occurrences.map((o) => o.document))).toEqual([['x', 'y']]);
    expect(reads).toEqual([2, 2, 1]);
  });

  it('lists past maxListedDocuments only listedWhenCut others under a passage, those holding most of it first, and still one for every sentence', () => {
    const [s1, s2, s3] = ['第一句写的是全市城乡低保标准提高到每人每月780元。', '第二句写的是新建街道综合养老服务中心5个。', '第三句写的是社区养老服务站点覆盖率达到85%。'];
    const documents = [
      doc('x', 'r0', `${s1}${s2}${s3}`),
      ...['a', 'b', 'c'].map((id, k) => doc(id, `r${k + 1}`, `${filler(id, 1)}${s1}`)),
      doc('d', 'r4', `${filler('d', 1)}${s2}${s3}`),
      doc('e', 'r5', `${filler('e', 1)}${s3}`),
      // Documents sharing nothing, so that s1 (in four) is not in half of them: not a formula.
      ...['f', 'g', 'h', 'i'].map((id, k) => doc(id, `r${k + 6}`, filler(id, 2))),
    ];
    const result = findSharedPassages(documents, (d) => documents[d]!, { ...defaultReuseRule, maxListedDocuments: 4, listedWhenCut: 2 });
    const x = result.byDocument.get('x')!;
    const [passage] = x.passages;
    // d holds two of its sentences, a one (first in the input among a, b, c, e); s1 has a, s2 and s3 have d.
    expect(passage!.alsoIn.map((link) => link.document)).toEqual(['a', 'd']);
    expect(passage!.otherDocuments).toBe(5);
    expect(x.sharedWith).toBe(5);
    // Under the cap, every other document is listed, as before.
    expect(detect(documents).byDocument.get('x')!.passages[0]!.alsoIn.map((link) => link.document)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('leaves out a shared sentence that crosses the edge of a figure’s quote, which must keep its mark', () => {
    const body = `${copied[0]}${copied[1]}`;
    const quote = '惠及困难群众2.3万人。新建街道';
    const result = detect([doc('x', 'r1', body, [quote]), doc('y', 'r2', body)]);
    expect(result.byDocument.get('x')?.marks ?? []).toEqual([]);
  });

  it('marks every sentence it reports on the rendered page, with the anchor the other page links to', () => {
    const body = `${formula}\n\n${filler('乙地', 5)}${copied[0]}\n\n- ${copied[1]}\n\n${filler('乙地后', 2)}`;
    const marks = index.byDocument.get('b/2023-year-summary')!.marks;
    const rendered = renderDocumentBody(body, [], marks);
    expect(rendered.unmarkedShared).toEqual([]);
    for (const sentence of copied) expect(rendered.html).toContain(`<mark class="shared-passage" data-shared-passage="1" id="${sharedSentenceAnchor(sentence)}">`);
    expect(rendered.html.match(/<span class="visually-hidden">/g)).toHaveLength(1);
    expect(rendered.html).not.toContain(`data-shared-passage="2"`);
  });

  it('nests the shared mark and a quote that is the whole sentence, keeping both anchors', () => {
    const rendered = renderDocumentBody(copied[0]!, [copied[0]!], [{ text: copied[0]!, passage: 1, last: true }]);
    expect(rendered.unmarkedQuotes).toEqual([]);
    expect(rendered.unmarkedShared).toEqual([]);
    expect(rendered.html).toContain('class="quote"');
    expect(rendered.html).toContain(`id="${sharedSentenceAnchor(copied[0]!)}"`);
  });
});
