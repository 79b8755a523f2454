/**
 * Bad raw pages made from the real fixture pages (the 60 corpus pages, the seeds, the variants, the invented
 * pages), as they arrive from a maintainer's copy: saved in another encoding, bytes damaged in transit, lines
 * lost, doubled, wrapped or run together, odd characters and Markdown marks pasted in, two pages in one file,
 * a saved web page with damaged bytes. Each mutation says what it did and whether the bytes it made are damaged
 * (then the decoder must refuse them, or mark them with --allow-damaged).
 */
import iconv from 'iconv-lite';
import { Choices } from './content-mutations.ts';

export const pageMutationKinds = ['encodings', 'damaged bytes', 'lines', 'characters', 'structure', 'saved pages'] as const;
export type PageMutationKind = (typeof pageMutationKinds)[number];

export interface PageInput {
  /** Fixture name, e.g. `ingest/pages/009.txt`. */
  name: string;
  /** The fixture's text, decoded (every fixture decodes). */
  text: string;
}

export interface PageCase {
  kind: PageMutationKind;
  what: string;
  /** The file name the bytes are saved under (its extension decides text or HTML). */
  fileName: string;
  bytes: Uint8Array;
  /**
   * The text the bytes hold, when the mutation knows it exactly (a re-encoding): a decoder that reads them must
   * read exactly this. Undefined for damaged bytes and for HTML (the article is extracted).
   */
  text?: string;
  /** Bytes were damaged: invalid sequences may be in them (or may decode to other valid characters). */
  damaged: boolean;
}

const encodings: Record<string, (text: string) => Uint8Array> = {
  'UTF-8': (text) => Buffer.from(text, 'utf8'),
  'UTF-8 with BOM': (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
  GB18030: (text) => iconv.encode(text, 'gb18030'),
  'UTF-16LE with BOM': (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]),
  'UTF-16BE with BOM': (text) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]),
  'UTF-16LE without BOM': (text) => iconv.encode(text, 'utf-16le'),
};

/** Text that GB18030 and UTF-16 can hold exactly (every Unicode character; the fixtures have no lone surrogates). */
function encode(text: string, choose: Choices): { name: string; bytes: Uint8Array } {
  const name = choose.pick(Object.keys(encodings));
  return { name, bytes: encodings[name]!(text) };
}

const lineEnds: Record<string, (text: string) => string> = {
  LF: (text) => text,
  CRLF: (text) => text.replace(/\r?\n/g, '\r\n'),
  CR: (text) => text.replace(/\r?\n/g, '\r'),
};

type PageMutator = (page: PageInput, choose: Choices) => Omit<PageCase, 'kind'> | undefined;

const lines = (text: string) => text.split(/\r\n|\r|\n/);
const txt = (page: PageInput) => page.name.replace(/^.*\//, '');

const encodingMutators: PageMutator[] = [
  (page, choose) => {
    const ends = choose.pick(Object.keys(lineEnds));
    const text = lineEnds[ends]!(page.text);
    const { name, bytes } = encode(text, choose);
    return { what: `${page.name} saved as ${name}, ${ends} line ends`, fileName: txt(page), bytes, text, damaged: false };
  },
];

const damageMutators: PageMutator[] = [
  // A byte lost, flipped, replaced or inserted; a run of bytes lost; the file cut off mid-character.
  (page, choose) => {
    const { name, bytes } = encode(page.text, choose);
    const raw = Buffer.from(bytes);
    const count = 1 + choose.int(3);
    let damaged: Buffer = raw;
    const done: string[] = [];
    for (let k = 0; k < count; k += 1) {
      const at = choose.int(damaged.length);
      const change = choose.int(5);
      if (change === 0) {
        damaged = Buffer.concat([damaged.subarray(0, at), damaged.subarray(at + 1)]);
        done.push(`byte ${at} lost`);
      } else if (change === 1) {
        const copy = Buffer.from(damaged);
        copy[at] = (copy[at] ?? 0) ^ (1 << choose.int(8));
        damaged = copy;
        done.push(`byte ${at} flipped`);
      } else if (change === 2) {
        const byte = choose.pick([0x80, 0x81, 0xa0, 0xc3, 0xe5, 0xfe, 0xff]);
        damaged = Buffer.concat([damaged.subarray(0, at), Buffer.from([byte]), damaged.subarray(at)]);
        done.push(`0x${byte.toString(16)} inserted at ${at}`);
      } else if (change === 3) {
        const length = 1 + choose.int(7);
        damaged = Buffer.concat([damaged.subarray(0, at), damaged.subarray(at + length)]);
        done.push(`${length} bytes lost at ${at}`);
      } else {
        damaged = damaged.subarray(0, Math.max(1, at));
        done.push(`cut at byte ${at}`);
      }
    }
    return { what: `${page.name} as ${name}, ${done.join(', ')}`, fileName: txt(page), bytes: damaged, damaged: true };
  },
];

const lineMutators: PageMutator[] = [
  // A line lost, doubled, moved; the page's lines shuffled in a block.
  (page, choose) => {
    const all = lines(page.text);
    const at = choose.int(all.length);
    const change = choose.int(4);
    const next = [...all];
    let what: string;
    if (change === 0) {
      next.splice(at, 1);
      what = `line ${at + 1} deleted`;
    } else if (change === 1) {
      next.splice(at, 0, all[at] ?? '');
      what = `line ${at + 1} doubled`;
    } else if (change === 2) {
      const to = choose.int(all.length);
      const [line] = next.splice(at, 1);
      next.splice(to, 0, line ?? '');
      what = `line ${at + 1} moved to ${to + 1}`;
    } else {
      const length = 2 + choose.int(6);
      const block = next.splice(at, length);
      next.splice(at, 0, ...block.reverse());
      what = `lines ${at + 1}–${at + length} reversed`;
    }
    const text = next.join('\n');
    return { what: `${page.name}: ${what}`, fileName: txt(page), bytes: Buffer.from(text, 'utf8'), text, damaged: false };
  },
  // Hard-wrapped at a width, or every line break lost, or blank lines doubled.
  (page, choose) => {
    const change = choose.int(3);
    let text: string;
    let what: string;
    if (change === 0) {
      const width = 8 + choose.int(40);
      text = lines(page.text).flatMap((line) => ([...line].length <= width ? [line] : [...line].join('').match(new RegExp(`.{1,${width}}`, 'gu')) ?? [line])).join('\n');
      what = `hard-wrapped at ${width} characters`;
    } else if (change === 1) {
      text = lines(page.text).join('');
      what = 'every line break lost';
    } else {
      text = lines(page.text).join('\n\n\n');
      what = 'blank lines between every line';
    }
    return { what: `${page.name}: ${what}`, fileName: txt(page), bytes: Buffer.from(text, 'utf8'), text, damaged: false };
  },
];

/** Characters pasted in from elsewhere: Markdown marks, HTML, odd spaces, emoji, look-alike digits, table pipes. */
const pasted = [
  '资金*专项*使用', '[](){}', 'a_b_c', '**加粗**', '# 不是标题', '- 不是列表', '1. 不是编号', '> 引用', '`代码`', '<script>alert(1)</script>', '&nbsp;&amp;',
  '|序号|事项|', '| --- | --- |', '\u3000\u3000全面落实', '\u00a0\u00a0', '\u200b', '\u2028', '\ufeff', '😀👍', '１２３４５６７８９０元', '①②③', '㈠㈡', '城市低保标准由500元提高至550元', '第1页共9页', '发布日期：2023-13-45', '来源：', 'http://example.gov.cn/a?b=1&c=2', '\t\t制表符', '……——', '"\'`',
];

const characterMutators: PageMutator[] = [
  (page, choose) => {
    const all = lines(page.text);
    const at = choose.int(all.length + 1);
    const count = 1 + choose.int(3);
    const inserted = Array.from({ length: count }, () => choose.pick(pasted));
    const inline = choose.int(2) === 0 && at < all.length;
    const next = [...all];
    if (inline) {
      const line = [...(all[at] ?? '')];
      const pos = choose.int(line.length + 1);
      next[at] = [...line.slice(0, pos), inserted.join(''), ...line.slice(pos)].join('');
    } else next.splice(at, 0, ...inserted);
    const text = next.join('\n');
    return { what: `${page.name}: ${JSON.stringify(inserted)} ${inline ? 'inside' : 'before'} line ${at + 1}`, fileName: txt(page), bytes: Buffer.from(text, 'utf8'), text, damaged: false };
  },
];

const structureMutators: PageMutator[] = [
  // Two copies in one file (a page pasted twice), two pages in one file, a page cut in half.
  (page, choose) => {
    const change = choose.int(3);
    let text: string;
    let what: string;
    if (change === 0) {
      text = `${page.text}\n\n${page.text}`;
      what = 'pasted twice';
    } else if (change === 1) {
      const all = lines(page.text);
      text = all.slice(0, 1 + choose.int(all.length)).join('\n');
      what = 'cut after a line';
    } else {
      const all = lines(page.text);
      const half = Math.floor(all.length / 2);
      text = [...all.slice(half), ...all.slice(0, half)].join('\n');
      what = 'second half first';
    }
    return { what: `${page.name}: ${what}`, fileName: txt(page), bytes: Buffer.from(text, 'utf8'), text, damaged: false };
  },
];

/** The saved-page mutator needs HTML fixtures; given by the suite. */
export interface SavedPage {
  name: string;
  bytes: Uint8Array;
}

export function savedPageMutator(pages: readonly SavedPage[]): PageMutator {
  return (_page, choose) => {
    const saved = choose.pick(pages);
    const raw = Buffer.from(saved.bytes);
    const change = choose.int(3);
    if (change === 0) return { what: `${saved.name} as saved`, fileName: saved.name.replace(/^.*\//, ''), bytes: raw, damaged: false };
    const count = 1 + choose.int(3);
    let damaged: Buffer = raw;
    const done: string[] = [];
    for (let k = 0; k < count; k += 1) {
      const at = choose.int(damaged.length);
      if (change === 1) {
        const copy = Buffer.from(damaged);
        copy[at] = choose.pick([0x80, 0xff, 0x81, 0xfe, 0xa0]);
        damaged = copy;
        done.push(`byte ${at} → 0x${copy[at]?.toString(16)}`);
      } else {
        damaged = Buffer.concat([damaged.subarray(0, at), damaged.subarray(at + 1)]);
        done.push(`byte ${at} lost`);
      }
    }
    return { what: `${saved.name}: ${done.join(', ')}`, fileName: saved.name.replace(/^.*\//, ''), bytes: damaged, damaged: true };
  };
}

const mutators: Record<Exclude<PageMutationKind, 'saved pages'>, PageMutator[]> = {
  encodings: encodingMutators,
  'damaged bytes': damageMutators,
  lines: lineMutators,
  characters: characterMutators,
  structure: structureMutators,
};

export function mutatePage(kind: PageMutationKind, page: PageInput, choose: Choices, saved: PageMutator): PageCase | undefined {
  const mutator = kind === 'saved pages' ? saved : choose.pick(mutators[kind]);
  const made = mutator(page, choose);
  return made && { kind, ...made };
}
