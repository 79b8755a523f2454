/**
 * Reads a document's kind, period, publisher, region and topics from all the evidence its page gives — the
 * title, the byline and header, the signature, the body and the page's address — recording for each where it
 * came from. Where the evidence does not settle a field, it is left out and the report says why; where two
 * pieces disagree, the report says that too. Never a guess dressed as fact.
 *
 * Every rule reads the simplified reading of the text (`toSimplified`, index for index the same length), so a
 * traditional-character mirror (靜安區, 關於調整…標準的通知) is read like the original; what is written into
 * the draft (a publisher's name) is sliced from the page as printed.
 */
import type { DocumentKind, Half } from '../../schemas/document.ts';
import type { Region } from '../../schemas/region.ts';
import type { Topic } from '../../schemas/topic.ts';
import type { RegionIndex } from '../regions.ts';
import type { DocumentMetadata } from './metadata.ts';
import { countMentions, indexNumberCode, isWithin, regionFromCode, regionFromMentions, regionFromName, regionsFromHost, selfNamedPlaces, type Mention } from './region-clues.ts';
import { toSimplified } from './script.ts';
import { columnWords, isTaskHeader } from './tables.ts';
import { progressParagraphs } from './prose-tasks.ts';
import { excerpt, normaliseDate, outlineMarker } from './text.ts';
import type { Unit } from './units.ts';

export interface Inferred<T> {
  value?: T;
  /** Where the value comes from, or why there is none. */
  from: string;
}

/** What inference looks at: the document's title (if printed), its opening paragraph, headings and body. */
export interface DocumentText {
  title?: string;
  opening?: string;
  headings: string[];
  /** Body text without Markdown marks. */
  body: string;
  keyTasks: boolean;
  metadata: DocumentMetadata;
  /** A date printed beside the title, `YYYY-MM-DD`. */
  titleDate?: string;
  /** 网站标识码 printed in the page footer, when the copy has one. */
  siteCode?: string;
  /** The address of the page the text was copied from (`--url`, or the HTML's own), e.g. `http://www.chenxi.gov.cn/…`. */
  url?: string;
  /** The HTML's `<meta name="ContentSource">`: the organ the site files the page under, e.g. `辰溪县人民政府`. */
  contentSource?: string;
}

/** What the page says from outside its text: its address and its HTML meta, as ingestion options. */
export interface InferenceOptions {
  url?: string;
  contentSource?: string;
}

/**
 * Pinyin a traditional-character mirror prints after some characters (標(biāo)準(zhǔn)): read without it, or
 * 标准 is not one word. Only the kind and period rules read this way; names are sliced from the page as printed.
 */
const pinyinResidue = /\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/g;
function readingOf(text: string): string {
  return toSimplified(text).replace(pinyinResidue, '');
}

/** The simplified reading of every text field, memoised per document. */
const readings = new WeakMap<DocumentText, DocumentText>();
function read(doc: DocumentText): DocumentText {
  let reading = readings.get(doc);
  if (!reading) {
    reading = {
      ...doc,
      ...(doc.title ? { title: readingOf(doc.title) } : {}),
      ...(doc.opening ? { opening: readingOf(doc.opening) } : {}),
      headings: doc.headings.map(readingOf),
      body: readingOf(doc.body),
      ...(doc.contentSource ? { contentSource: toSimplified(doc.contentSource) } : {}),
    };
    readings.set(doc, reading);
  }
  return reading;
}

// ——— kind ———

/**
 * A title that issues another document (关于印发《…规划》的通知) is about what it issues: the inner title is
 * what the kind and period are read from.
 */
export function issuedTitle(title: string): string {
  const issued = /印发\s*[《“"]?(.+?)[》”"]?\s*(?:等\s*\d+\s*个[^的]{0,10})?的\s*(?:通知|决定|函)/.exec(title);
  return issued?.[1] ?? title;
}

/** Kind words of a title, by the kind they name. A multi-year plan's words (规划, 十四五) and the task words win over the rest. */
const taskWords = /(清单|任务分解|分解表|目标任务|台账|民生实事|实事项目|民生工程|(?:项目|任务|工程)(?:建设)?(?:进度|进展))/;
const summaryWords = /(总结|报告|汇报|情况|述职|回顾)/;
const planWords = /(规划|计划|要点|安排|思路|打算|方案|十[一二三四五六七八九]五)/;
/** A notice of standards: 关于提高/调整…标准（补助水平）的通知, 我区提高城乡低保标准, 城乡低保保障标准(更新至2023年). */
const noticeWords = /((提高|调整|上调|提升|公布|执行)[^，。；]{0,30}(标准|补助水平)|标准(?!化))/;

/** The kind a title names: task words first, then whichever of summary and plan comes first, then a notice of standards. */
export function kindInTitle(title: string): { kind: DocumentKind; word: string } | undefined {
  const inner = issuedTitle(title);
  const task = taskWords.exec(inner);
  // 2021年工作总结及2022年工作计划: the summary comes first and stays a summary.
  if (task && !/(总结|汇报)/.test(inner)) return { kind: 'task-list', word: task[1] ?? '' };
  const summary = summaryWords.exec(inner);
  const plan = planWords.exec(inner);
  if (summary && (!plan || summary.index < plan.index)) return { kind: 'summary', word: summary[1] ?? '' };
  if (plan) return { kind: 'plan', word: plan[1] ?? '' };
  if (task) return { kind: 'task-list', word: task[1] ?? '' };
  const notice = noticeWords.exec(inner);
  if (notice) return { kind: 'notice', word: notice[1] ?? '' };
  return undefined;
}

/** A title the copy ran into the first line of text: up to the kind word(s), before 一、 or the opening's first words. */
export function fusedTitle(opening: string): string | undefined {
  const kind = '(?:工作总结|工作计划|工作要点|工作安排|工作思路|情况报告|工作报告|情况汇报)';
  const match = new RegExp(`^\\s*([^，。,；]{2,40}?${kind}(?:(?:和|及|与)[^，。,；]{0,14}?${kind})?)(?=一、|[（(]一[)）]|上半年|下半年|今年|(?:19|20)\\d{2}\\s*年|\\s)`).exec(opening);
  return match?.[1];
}

/** Past-tense markers: 了 (not 了解/为了/除了), 已, 目前, 截至/截止. A plan has almost none. */
function pastMarkers(text: string): number {
  return (text.match(/(?<![为除])了(?!解)|已|目前|截[至止]/g) ?? []).length;
}

/** The first sentences of the body: where a news report or a notice says what it announces. */
function lead(body: string, length = 160): string {
  return [...body.trim()].slice(0, length).join('');
}

/** A multi-year plan the opening names as itself: 《厦门市“十二五”民政事业发展专项规划》(以下简称《规划》), 规划期为2011-2015年. */
const selfNamedPlan = /(《[^》]{0,40}规划[^》]{0,10}》\s*[（(]?\s*以下简称|规划期[为是]?\s*(?:19|20)\d{2}\s*[-—–~至到]\s*(?:19|20)\d{2}|本规划)/;

// ——— news ———

/** A news dateline that opens the text: 本报讯, 闽南网11月27日讯, 新华社北京1月5日电, 某某日报讯(记者 …). */
const dateline = /^\s*(?:本报|本网|本台|本刊|[\u4e00-\u9fa5]{2,8}?(?:网|报|台|社|新闻))[\u4e00-\u9fa5]{0,6}?\s*(?:\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*(?:讯|电)/;
/** A reporter at work in the lead: 记者从省民政厅获悉, 记者近日了解到, 通讯员 王某 报道, 据某某日报报道. */
const reporter = /(?:记者|通讯员)[\u4e00-\u9fa5、\s]{0,12}?(?:从|在|日前|近日|昨日|今天|获悉|了解到|报道|采访|摄)|[（(]\s*(?:记者|通讯员)\s*[\u4e00-\u9fa5]{2,4}|据[^，。,]{1,14}(?:报道|消息)/;
/** A meeting or event reported as held: 全省民政工作会议召开, 1月22日,…表彰大会在…举行. */
const meetings = '(?:会议|大会|座谈会|推进会|部署会|见面会|发布会|联欢会|表彰会|年会|培训班|论坛|仪式)';
const eventHeld = new RegExp(`${meetings}[^，。,；]{0,14}?(?:召开|举行|举办|开幕|闭幕)|^(?!关于)[^，。,；]{0,20}?(?:召开|举行|举办)[^，。,；]{0,24}?${meetings}`);
const datedEventLead = /^\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:上午|下午|晚)?\s*[，,][^。]{0,80}?(?:召开|举行|举办)/m;

/**
 * A news report (新闻报道) rather than a bureau's own document: a dateline (本报讯, …网…讯), a reporter in the lead
 * (记者…获悉), or a meeting reported as held (…会议召开, "1月22日,…在…举行"). Its figures and period may be right,
 * but the site publishes what bureaus publish, so such a draft is held for a maintainer's decision.
 */
export function newsReport(original: DocumentText): { marker: string; from: string } | undefined {
  const doc = read(original);
  const opening = lead(doc.body, 200);
  const byDateline = dateline.exec(opening);
  if (byDateline) return { marker: byDateline[0].trim(), from: `the dateline "${excerpt(byDateline[0].trim(), 20)}"` };
  const byReporter = reporter.exec(opening);
  if (byReporter) return { marker: byReporter[0], from: `the lead's "${excerpt(byReporter[0], 20)}"` };
  const held = doc.title ? eventHeld.exec(doc.title) : null;
  if (held) return { marker: held[0], from: `the headline reports a meeting held: "${original.title}"` };
  // The lead's first lines (a time stamp may stand above them): "1月22日,…表彰大会在…举行".
  const dated = datedEventLead.exec(doc.body.split('\n').filter((line) => line.trim() !== '').slice(0, 4).join('\n'));
  if (dated) return { marker: dated[0], from: `the lead reports an event held: "${excerpt(dated[0], 30)}"` };
  return undefined;
}

/**
 * The outlet a news dateline names, as printed (a traditional page's 閩南網, with the pinyin some mirrors print
 * after characters left out): 某某网11月27日讯 → 某某网. 本报讯 names no outlet.
 */
function datelineOutlet(original: DocumentText): string | undefined {
  const opening = lead(original.body, 60);
  const reading = toSimplified(opening);
  // The dateline is matched on a reading without pinyin residue; the outlet is then sliced from the page as printed.
  const residue = [...reading.matchAll(pinyinResidue)];
  let bare = reading;
  for (const match of residue.reverse()) bare = bare.slice(0, match.index) + ' '.repeat(match[0].length) + bare.slice((match.index ?? 0) + match[0].length);
  const outlet = /^\s*((?!本报|本网|本台|本刊)[\u4e00-\u9fa5]{2,8}?(?:网|报|台|社))\s*(?:[\u4e00-\u9fa5]{0,6}?\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*(?:讯|电)/.exec(bare);
  if (!outlet?.[1]) return undefined;
  const start = bare.indexOf(outlet[1]);
  return opening.slice(start, start + outlet[1].length).replace(pinyinResidue, '').trim() || undefined;
}

/**
 * The clause of a text's lead that announces standards. A notice says what the standard now is (提高到每人每月600元);
 * a raise stated only as a percentage (低保标准分别提高10%和8%), with no amount in 元 after it, reports a result, as a
 * summary or a news report does.
 */
function announcedStandards(body: string): RegExpExecArray | null {
  const opening = lead(body);
  const announced = /(提高|调整|上调|提升|公布|执行的?)[^，。；]{0,30}(标准|补助水平)|标准[^，。；]{0,8}(提高|调整|上调)/.exec(opening);
  if (!announced) return null;
  const after = lead(body, 400).slice(announced.index, announced.index + 160);
  const percentage = /^[^。；]{0,40}?(?:提高|增长|上调|增加)[了]?\s*(?:\d+(?:\.\d+)?\s*[%％](?:[和、]\s*)?)+/.exec(after);
  return percentage && !/\d+(?:\.\d+)?\s*元/.test(after) ? null : announced;
}

export function inferKind(original: DocumentText): Inferred<DocumentKind> {
  const doc = read(original);
  if (doc.keyTasks) return { value: 'task-list', from: 'a key-task table (序号 | 重点工作事项 | 工作目标 | 分管领导 | 责任科室)' };
  // A news report about projects or their progress is a report, not the bureau's list of tasks.
  const news = newsReport(original);
  // A news report of a work meeting (全省民政工作会议) reviews the year and sets out the next: a summary or a plan by
  // its wording, not a notice, even where it mentions standards raised.
  const workMeeting = news && /工作(?:会议|会)/.test(`${doc.title ?? ''}${lead(doc.body, 200)}`);
  if (doc.title) {
    const named = kindInTitle(doc.title);
    if (named && !(news && named.kind === 'task-list') && !(workMeeting && named.kind === 'notice')) return { value: named.kind, from: `the title's word ${named.word}: "${original.title}"` };
  }
  // A copy that ran the title into the text: "X区民政局2022年工作总结和2023年工作要点一、2022年工作完成情况…".
  const fused = doc.title ? undefined : fusedTitle(doc.opening ?? lead(doc.body, 80));
  if (fused) {
    const named = kindInTitle(fused);
    if (named) return { value: named.kind, from: `the title run into the opening, "${fused}"` };
  }
  // A page whose text is only progress period by period (第一季度进展情况:…) reports on a task: a 民生实事 column's page.
  const progress = news ? undefined : progressParagraphs(doc.body);
  if (progress) return { value: 'task-list', from: `the text is a task's progress, period by period ("${excerpt(progress[0] ?? '', 20)}")` };
  const reportHeading = doc.headings.find((heading) => /(开展情况|完成情况|工作情况|主要工作|取得的成效|工作成效|存在问题|存在的问题|工作回顾)/.test(heading));
  if (reportHeading) return { value: 'summary', from: `the heading "${excerpt(reportHeading, 30)}"` };
  if (doc.opening && /现将.{0,24}(总结|情况|汇报|报告)/.test(doc.opening)) return { value: 'summary', from: `the opening "${excerpt(doc.opening, 30)}"` };
  if (doc.opening && /(作出|做出)如下安排|安排如下|计划如下|要点如下/.test(doc.opening)) return { value: 'plan', from: `the opening "${excerpt(doc.opening, 30)}"` };
  const opening = lead(doc.body, 800);
  const plan = selfNamedPlan.exec(opening);
  if (plan) return { value: 'plan', from: `the text names itself a plan: "${excerpt(plan[0], 30)}"` };
  if (!news && /(民生实事|实事项目)/.test(lead(doc.body, 200)) && /(进度|进展|截至|已完成|完成率|已建成)/.test(lead(doc.body, 400))) return { value: 'task-list', from: 'the opening reports on 民生实事 and their progress' };
  // A short text that states standards (补贴标准为每人每月410元) is a notice of them.
  const notice = workMeeting ? null : announcedStandards(doc.body) ?? ([...doc.body].length < 1200 ? /标准(为|是|调整为)[^。，；]{0,10}\d+\s*元/.exec(lead(doc.body)) : null);
  if (notice) return { value: 'notice', from: `the opening announces standards: "${excerpt(notice[0], 30)}"` };
  const chars = [...doc.body].length;
  if (chars < 200) return { from: 'the text is too short to tell a plan from a summary' };
  const perThousand = (pastMarkers(doc.body) * 1000) / chars;
  const counted = `${pastMarkers(doc.body)} past-tense markers (了/已/目前/截至) in ${chars} characters`;
  if (perThousand >= 2) return { value: 'summary', from: `the wording: ${counted}` };
  if (perThousand < 0.5) return { value: 'plan', from: `the wording: ${counted}` };
  return { from: `the wording does not settle it (${counted})` };
}

// ——— period ———

export interface PeriodInference {
  year: Inferred<number>;
  half: Inferred<Half | null>;
  /** Last year of a multi-year plan (十四五 → 2025). */
  endYear?: Inferred<number>;
  /** Evidence that disagrees with the year chosen, for the report. */
  conflicts: string[];
}

function validYear(year: number): boolean {
  return year >= 1949 && year <= 2100;
}

/** A four-digit year that is a year: not part of a longer number, not masked (20xx, 20**, 20*年 never match). */
const yearPattern = /(?<![\d.])((?:19|20)\d{2})(?![\d.xX*＊%])/;

/** 十一五 … 十五五: the five-year plans' periods; 十四五 is 2021–2025. */
const fiveYearPlan = /十([一二三四五六七八九])五/;
const numerals = '一二三四五六七八九';
function fiveYearPeriod(text: string): { year: number; endYear: number; word: string } | undefined {
  const match = fiveYearPlan.exec(text);
  if (!match) return undefined;
  const plan = 10 + numerals.indexOf(match[1] ?? '') + 1;
  const year = 2021 + 5 * (plan - 14);
  return { year, endYear: year + 4, word: match[0] };
}
const explicitRange = /((?:19|20)\d{2})\s*(?:年)?\s*[-—–~至到]\s*((?:19|20)\d{2})\s*年?/;
function yearRange(text: string): { year: number; endYear: number; word: string } | undefined {
  const match = explicitRange.exec(text);
  if (match) {
    const [year, endYear] = [Number(match[1]), Number(match[2])];
    if (endYear > year && endYear - year <= 15) return { year, endYear, word: match[0] };
  }
  return fiveYearPeriod(text);
}

/**
 * Events a text speaks of that date it (a 范文 site's "2022…汇报" that speaks of 党的十七大 as the latest congress is from 2007–2012): the
 * years in which a text can speak of them as the present.
 */
const eraMarkers: { pattern: RegExp; from: number; to: number; name: string }[] = [
  { pattern: /(党的)?十七大/, from: 2007, to: 2012, name: '十七大' },
  { pattern: /(党的)?十八大(?!以来)/, from: 2012, to: 2017, name: '十八大' },
  { pattern: /十九届[二三四五六]中全会/, from: 2018, to: 2022, name: '十九届…中全会' },
  { pattern: /二十届[二三四五六]中全会/, from: 2023, to: 2027, name: '二十届…中全会' },
];

function eraOf(body: string): { from: number; to: number; names: string[] } | undefined {
  const found = eraMarkers.filter((marker) => marker.pattern.test(body));
  if (found.length === 0) return undefined;
  return { from: Math.max(...found.map((m) => m.from)), to: Math.min(...found.map((m) => m.to)), names: found.map((m) => m.name) };
}

interface DatedClue {
  date: string;
  from: string;
}

/** Dates the page carries, most telling first: the header's and byline's 发布日期, 成文日期 or the signature's, the date by the title, the address's. */
function pageDates(doc: DocumentText): DatedClue[] {
  const dates: DatedClue[] = [];
  const { published, written } = doc.metadata;
  if (published) dates.push({ date: published.value, from: `${published.key} ${published.value} (line ${published.line})` });
  if (written) dates.push({ date: written.value, from: `${written.key} ${written.value} (line ${written.line})` });
  if (doc.titleDate) dates.push({ date: doc.titleDate, from: `the date beside the title, ${doc.titleDate}` });
  const url = addressDate(doc.url ?? doc.metadata.url?.value);
  if (url) dates.push(url);
  return dates;
}

/** The year the page was dated in (发布日期, 成文日期, the date by the title, the address): what 今年 and 明年 count from. */
export function pageYear(doc: DocumentText): number | undefined {
  const dated = pageDates(doc)[0];
  return dated ? Number(dated.date.slice(0, 4)) : undefined;
}

/** The date in a page's address: /2018/06-22/, /201203/t20120326_…, /art/2023/3/17/. */
export function addressDate(url: string | undefined): DatedClue | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const patterns = [/\/((?:19|20)\d{2})\/(\d{1,2})[-/](\d{1,2})(?=[/_.])/, /[/t]((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.])/, /\/((?:19|20)\d{2})(\d{2})(?=\/)/, /\/((?:19|20)\d{2})\/(\d{1,2})(?=\/)/];
  const yearOnly = /\/((?:19|20)\d{2})\//.exec(path);
  for (const pattern of patterns) {
    const match = pattern.exec(path);
    if (!match) continue;
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (month < 1 || month > 12) continue;
    const date = match[3] ? normaliseDate(`${year}-${month}-${match[3]}`) : `${year}-${String(month).padStart(2, '0')}`;
    if (date) return { date, from: `the page's address (${match[0].replace(/^[/t]/, '')} in ${path})` };
  }
  if (yearOnly) return { date: yearOnly[1] ?? '', from: `the page's address (${yearOnly[1]} in ${path})` };
  return undefined;
}

export function inferPeriod(original: DocumentText, kind: DocumentKind | undefined): PeriodInference {
  const doc = read(original);
  const conflicts: string[] = [];
  const inner = doc.title ? issuedTitle(doc.title) : undefined;
  if (kind === 'plan') {
    const range = (inner ? yearRange(inner) : undefined) ?? (inner && !/规划/.test(inner) ? undefined : bodyRange(doc.body));
    if (range) {
      const where = inner && yearRange(inner) ? `the title's ${range.word}: "${original.title}"` : `the text's ${range.word}`;
      return { year: { value: range.year, from: where }, half: { value: null, from: `a multi-year plan (${range.year}—${range.endYear}) has no half` }, endYear: { value: range.endYear, from: where }, conflicts };
    }
  }
  const year = kind === 'notice' ? noticeYear(doc, original) : inferYear(doc, original, conflicts, kind);
  const half = kind === 'notice' ? { value: null, from: 'a notice of standards covers no half' } : inferHalf(doc, kind, year.value !== undefined);
  return { year, half, conflicts };
}

function bodyRange(body: string): { year: number; endYear: number; word: string } | undefined {
  const opening = lead(body, 800);
  const named = selfNamedPlan.exec(opening);
  if (!named) return undefined;
  return yearRange(opening.slice(Math.max(0, named.index - 40), named.index + named[0].length + 60)) ?? yearRange(opening);
}

/** A year written masked, as a 范文 template writes it: 20xx年, 20**年, 20××年. */
const maskedYearPattern = /(?:19|20)(?:[\dxXｘＸ*＊×]?[xXｘＸ*＊×]|[xXｘＸ*＊×]{2}|\*)\s*年/;

/**
 * A title year a template site put on a text whose body masks its years (title 2020年…工作总结, body 20xx年): the
 * title's year is the upload's label, not the text's, unless the body itself writes that year too.
 */
function maskedBodyYear(body: string, titleYear: string): string | undefined {
  const masked = maskedYearPattern.exec(body);
  if (!masked) return undefined;
  return new RegExp(`(?<![\\d.])${titleYear}\\s*年`).test(body) ? undefined : masked[0];
}

/**
 * A title year that names a meeting (2018年全省民政工作会议, 2023年度总结表彰大会): the meeting is held early in
 * that year to review the last one and plan this one, so the year is the meeting's name, not the period a report
 * of it covers.
 */
const meetingYear = /((?:19|20)\d{2})\s*年(?:度)?[^，。,；]{0,16}?(?:工作)?(?:会议|大会|座谈会|推进会|部署会|见面会|发布会|联欢会|表彰会|年会)/;

/** 今年 as a text speaks of its own year: 今年以来, 今年上半年, 今年1-6月, 今年全市…, not 今年度 in a name. */
const thisYear = /今年(?:以来|上半年|下半年|\s*\d{1,2}\s*[-—–~至到]?\s*\d{0,2}\s*月|[,，]|[全我本][省市县区旗]|共|累计|新增|计划|将|要)/;

function inferYear(doc: DocumentText, original: DocumentText, conflicts: string[], kind: DocumentKind | undefined): Inferred<number> {
  const era = eraOf(doc.body);
  const title = doc.title ? issuedTitle(doc.title) : fusedTitle(doc.opening ?? lead(doc.body, 80));
  const meeting = title ? meetingYear.exec(title) : null;
  const titleYear = title && !(meeting && yearPattern.exec(title)?.[1] === meeting[1]) ? yearPattern.exec(title)?.[1] : undefined;
  if (meeting) conflicts.push(`the title's ${meeting[1]} names a meeting ("${excerpt(meeting[0], 24)}"), not the period the text covers; the year is read from the text`);
  // The work meeting of a year (2018年全省民政工作会议) reviews the year before and plans its own: a summary of it
  // covers the year before, when the text names that year.
  if (meeting && kind === 'summary') {
    const reviewed = Number(meeting[1]) - 1;
    if (new RegExp(`(?<![\\d.])${reviewed}\\s*年`).test(doc.body)) return { value: reviewed, from: `the title's meeting of ${meeting[1]} reviews ${reviewed}, which the text names` };
  }
  const maskedInBody = titleYear ? maskedBodyYear(doc.body, titleYear) : undefined;
  if (titleYear && maskedInBody) {
    conflicts.push(`the title says ${titleYear}, but the text masks its years (${maskedInBody}) and never writes ${titleYear}: a template site's title year; check the year`);
    return { from: `the title's year ${titleYear} is a template's label: the text masks its years (${maskedInBody}) and never writes ${titleYear}` };
  }
  if (titleYear && validYear(Number(titleYear))) {
    const year = Number(titleYear);
    if (era && (year < era.from - 1 || year > era.to + 1)) {
      const span = era.from === era.to ? `${era.from}` : `${era.from}–${era.to}`;
      conflicts.push(`the title says ${year}, but the text speaks of ${era.names.join(' and ')} (${span}): a 范文 site's title year; check the year`);
      return { from: `the title's year ${year} contradicts the text, which speaks of ${era.names.join(' and ')} (${span})` };
    }
    return { value: year, from: doc.title ? `the title "${original.title}"` : `the title run into the opening, "${title}"` };
  }
  // 2021年，… or 截至2019年6月底，…: a report that opens with the year (or the date its figures stand at).
  const openingYear = doc.opening && !meetingYear.test(doc.opening.slice(0, 30)) ? /^\s*(?:截[至止]\s*)?((?:19|20)\d{2})\s*(?:年|上半年|下半年)/.exec(doc.opening)?.[1] : undefined;
  if (openingYear && validYear(Number(openingYear))) return { value: Number(openingYear), from: `the opening "${excerpt(original.opening ?? '', 20)}"` };
  const counts = new Map<number, number>();
  for (const match of doc.body.matchAll(/(?<![\d.])((?:19|20)\d{2})\s*年(?!代)/g)) {
    const year = Number(match[1]);
    if (validYear(year)) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const [mode, modeCount] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [undefined, 0];
  const dates = pageDates(doc);
  const dated = dates[0];
  const dateYear = dated ? Number(dated.date.slice(0, 4)) : undefined;
  if (mode !== undefined && modeCount >= 2 && modeCount * 2 > total) {
    const agreement = dateYear === mode ? ` and ${dated?.from}` : dateYear !== undefined ? ` (${dated?.from} says ${dateYear})` : '';
    return { value: mode, from: `the body: ${mode}年 is named ${modeCount} of ${total} times a year is named${agreement}` };
  }
  // "十四五"开局 / 开局之年 is a five-year plan's first year, 收官 its last: a text that speaks of its year so, and
  // names no other year (or names that one), is of that year.
  const milestone = /十([一二三四五六七八九])五[”"]?(?:规划)?(?:的)?\s*(开局|收官)/.exec(lead(doc.body, 1200));
  if (milestone) {
    const plan = fiveYearPeriod(milestone[0]);
    const year = plan ? (milestone[2] === '开局' ? plan.year : plan.endYear) : undefined;
    if (year !== undefined && (counts.size === 0 || (counts.has(year) && counts.size === 1))) return { value: year, from: `the text speaks of its year as the ${milestone[2] === '开局' ? 'first' : 'last'} of the plan period: "${excerpt(milestone[0], 16)}"` };
  }
  const masked = maskedYearPattern.exec(doc.body);
  // 今年 is the year the page was written or dated in: the signature's or 成文 date first (a December report posted in
  // January still speaks of the year it was written in), then the byline's.
  const speaksOfThisYear = thisYear.exec(lead(doc.body, 600));
  const signed = doc.metadata.written?.value;
  const written = dates.find((clue) => signed !== undefined && clue.date === signed) ?? dated;
  if (speaksOfThisYear && written && !masked) {
    const year = Number(written.date.slice(0, 4));
    if (validYear(year)) return { value: year, from: `the text speaks of "${speaksOfThisYear[0]}", counted from ${written.from}` };
  }
  // A summary is published after the period it covers (a year's summary in the next January): its page's date does not name its year.
  if (dated && dateYear !== undefined && kind === 'summary') return { from: `only the page's date names a year (${dated.from}), and a summary is published after the period it covers` };
  if (dated && dateYear !== undefined && validYear(dateYear) && !masked) return { value: dateYear, from: `the page's date: ${dated.from}` };
  if (masked) return { from: `the text masks its year (${masked[0]}), and the title names none` };
  return { from: total > 0 ? `the years the body names (${[...counts.keys()].join(', ')}) do not settle it, and no date is printed` : 'neither the title, the text, a date nor the address names the year' };
}

/**
 * The year a notice's standards take effect: 从2019年7月1日起, 自2019年10月1日起; 明年1月1日起 or 今年10月起 counted
 * from the page's date; 自下文之日起 the date it was issued; else the title's year or the page's date.
 */
function noticeYear(doc: DocumentText, original: DocumentText): Inferred<number> {
  const dates = pageDates(doc);
  const effective = /(?:从|自|于|由)?\s*(?:((?:19|20)\d{2})\s*年|(今年|明年|次年|本年))\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?(?:份)?)?\s*(?:起|开始执行|开始)|(?:自|从)(?:下文|发文|印发|发布)之日起/.exec(doc.body);
  if (effective) {
    if (effective[1]) return { value: Number(effective[1]), from: `the date the standards take effect: "${excerpt(effective[0].trim(), 24)}"` };
    const dated = dates[0];
    if (dated) {
      const base = Number(dated.date.slice(0, 4));
      const year = effective[2] === '明年' || effective[2] === '次年' ? base + 1 : base;
      const words = effective[0].trim();
      return { value: year, from: `the date the standards take effect: "${excerpt(words, 24)}", counted from ${dated.from}` };
    }
    if (effective[2]) return { from: `the standards take effect "${excerpt(effective[0].trim(), 16)}", and the page prints no date to count that from` };
  }
  const titleYear = doc.title ? yearPattern.exec(issuedTitle(doc.title))?.[1] : undefined;
  const maskedInBody = titleYear ? maskedBodyYear(doc.body, titleYear) : undefined;
  if (titleYear && maskedInBody) return { from: `the title's year ${titleYear} is a template's label: the text masks its years (${maskedInBody}) and never writes ${titleYear}` };
  if (titleYear) return { value: Number(titleYear), from: `the title "${original.title}" (no date of effect is stated)` };
  const dated = dates[0];
  if (dated) return { value: Number(dated.date.slice(0, 4)), from: `the page's date, ${dated.from} (no date of effect is stated)` };
  return { from: 'the notice states no date of effect and the page no date' };
}

/** 上半年, 1-6月 (also 1—6月, 1至6月, and 16月 where a copy lost the dash). */
const firstHalf = /上半年|(?<!\d)1\s*[-—–~至到]\s*6\s*月|今年\s*1\s*6\s*月/;

function inferHalf(doc: DocumentText, kind: DocumentKind | undefined, yearKnown: boolean): Inferred<Half | null> {
  if (doc.title) {
    const inner = issuedTitle(doc.title);
    // 上半年工作总结及下半年工作计划: the first half named is the one covered.
    const h1 = inner.search(firstHalf);
    const h2 = inner.search(/下半年/);
    const half = h1 >= 0 && (h2 < 0 || h1 < h2) ? 'H1' : h2 >= 0 ? 'H2' : undefined;
    if (half) return { value: half, from: `the title "${doc.title}"` };
  }
  const opening = doc.opening?.trim() ?? '';
  const openingHalf = /^((?:19|20)\d{2}\s*年?)?\s*(上半年|下半年)/.exec(opening)?.[2];
  if (openingHalf) return { value: openingHalf === '上半年' ? 'H1' : 'H2', from: `the opening "${excerpt(opening, 20)}"` };
  // A report whose figures stand at the end of June (截至2019年6月底, 截止6月30日) covers the first half; a plan
  // looks ahead and does not open so.
  if (kind !== 'plan' && /^\s*截[至止]\s*(?:(?:19|20)\d{2}\s*年\s*)?(?:6|六)\s*月\s*(?:底|末|30\s*日)/.test(opening)) {
    return { value: 'H1', from: `the opening gives its figures as of the end of June: "${excerpt(opening, 20)}"` };
  }
  if (kind === 'summary') {
    // A mid-year report says so early: 今年1-6月, 现将上半年的工作总结如下, 今年以来 … 上半年.
    const early = lead(doc.body, 400);
    const said = firstHalf.exec(early);
    if (said && (/今年以来|现将|年初以来/.test(early) || early.indexOf(said[0]) < 200)) return { value: 'H1', from: `a mid-year report: "${excerpt(early.slice(Math.max(0, said.index - 10), said.index + 14), 30)}"` };
    // A half-year summary closes with what the bureau will do 下半年; a whole-year one looks to 明年.
    const closing = doc.headings.find((heading) => /下半年/.test(heading)) ?? doc.body.split('\n').find((line) => /^\s*下半年[，,]/.test(line));
    if (closing && /上半年/.test(doc.body)) return { value: 'H1', from: `a summary of 上半年 that closes with "${excerpt(closing.trim(), 20)}"` };
  }
  if (doc.title && yearPattern.test(doc.title)) return { value: null, from: `the title names the year and no half: "${doc.title}"` };
  if (/^(?:19|20)\d{2}\s*年(度)?[，,是]/.test(opening)) return { value: null, from: `the opening names the year and no half: "${excerpt(opening, 20)}"` };
  if (yearKnown) return { value: null, from: 'nothing names a half (上半年, 下半年, 1-6月): the whole year' };
  return { from: 'neither the title nor the opening says whether it covers the year or a half' };
}

// ——— publisher ———

/** An organ's name as bylines and signatures print it: a place, then the kind of body it is. */
const organName = /^[\u4e00-\u9fa5]{2,30}?(民政局|民政厅|人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办|财政局|委员会|办公室|办公厅|局|厅)$/;

/** The issuer above a signature's date at the end of the text: `辰溪县人民政府办公室` / `2014年3月3日`. */
function signatureIssuer(original: DocumentText): { name: string; line: string } | undefined {
  const lines = original.body.split('\n').map((line) => line.trim()).filter(Boolean);
  const dateLine = (line: string) => normaliseDate(line) !== undefined;
  for (let i = lines.length - 1; i >= Math.max(1, lines.length - 12); i--) {
    if (!dateLine(lines[i] ?? '')) continue;
    const issuer = lines[i - 1] ?? '';
    if (organName.test(toSimplified(issuer))) return { name: issuer, line: `${issuer} / ${lines[i]}` };
  }
  return undefined;
}

/** A name that names a place of the division table (a bureau of somewhere, not 办公室 or 法制办). */
function namesPlace(name: string, regions: RegionIndex): boolean {
  const resolved = regionFromName(organStem(toSimplified(name)), regions);
  return Boolean(resolved.region || resolved.ambiguous);
}

function organStem(name: string): string {
  return name.replace(/(民政局|民政厅|人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办|政府|民政|财政局|委员会)$/, '');
}

export function inferPublisher(original: DocumentText, regions: RegionIndex): Inferred<string> {
  const doc = read(original);
  const printed = doc.metadata.publisher;
  if (printed) return { value: printed.value, from: `metadata ${printed.key} (line ${printed.line})` };
  // A 发布机构 printed empty says nothing: the page's other words for who published it are read (a byline's 来源).
  const printedEmpty = doc.metadata.empty.has('publisher') ? ' (the header prints 发布机构/公开主体 empty)' : '';
  if (original.contentSource && organName.test(doc.contentSource ?? '') && namesPlace(original.contentSource, regions)) return { value: original.contentSource, from: `the page's ContentSource meta${printedEmpty}` };
  // A red-header document prints its issuer at its head and signs with it (辰溪县人民政府办公室 … / 辰溪县人民政府办公室
  // 2014年3月3日): the document names who issued it twice, and that outweighs a byline's department.
  const signature = signatureIssuer(original);
  // The head: the lines above the addressees (各乡镇人民政府…:) or the first paragraph.
  const lines = original.body.split('\n').map((line) => line.trim()).filter(Boolean);
  const opensText = lines.findIndex((line) => /[:：]$/.test(line) || [...line].length > 40);
  const head = lines.slice(0, Math.min(opensText < 0 ? lines.length : opensText, 8)).map((line) => line.replace(/文件$/, ''));
  if (signature && head.includes(signature.name)) return { value: signature.name, from: `the issuer printed at the head of the text and in the signature "${signature.line}"` };
  // Else the byline's 来源 as printed, even a department (办公室, 区府办): it is who the page says published it, so it
  // comes before a signature, which names who issued the document the page carries.
  const source = doc.metadata.source;
  const sourceName = source?.value.replace(/[（(]?\s*(https?:\/\/|www\.)[^\s)）]*[)）]?/g, '').trim();
  if (source && sourceName) return { value: sourceName, from: `the byline's ${source.key} (line ${source.line})${printedEmpty}` };
  // A news report's dateline names the outlet that published it: 某某网11月27日讯, 某某日报讯.
  const outlet = datelineOutlet(original);
  if (outlet) return { value: outlet, from: `the news dateline "${excerpt(lead(original.body, 30), 20)}"` };
  // The signature (落款) names the issuer itself.
  if (signature) return { value: signature.name, from: `the signature "${signature.line}"${printedEmpty}` };
  if (printedEmpty) return { from: 'the metadata prints 发布机构/公开主体 empty, and no byline, dateline or signature names the publisher' };
  // The issuer a title names before 关于 (重庆市沙坪坝区人民政府办公室关于印发…的通知, 江苏省民政厅关于…的报告).
  const issuer = original.title ? /^(.{2,30}?)关于/.exec(original.title)?.[1]?.trim() : undefined;
  if (issuer && organName.test(toSimplified(issuer))) return { value: issuer, from: `the issuer the title names: "${original.title}"` };
  // A bureau's own title opens with its name, then the period or the kind: 长汀县民政局2021年工作总结, 某区民政局“十四五”…规划.
  const owner = original.title ? /^(.{2,30}?(?:民政局|民政厅|民政廳))(?=\s*(?:(?:19|20)\d{2}|[“"]?十[一二三四五六七八九]五|上半年|下半年|年度|工作|重点))/.exec(original.title)?.[1]?.trim() : undefined;
  if (owner && namesPlace(owner, regions)) return { value: owner, from: `the bureau the title opens with: "${original.title}"` };
  // A letterhead (大埔縣人民政府辦公室文件) or the organ printed under the title (长汀县民政局 / 2020年11月).
  const letterhead = original.body.split('\n').slice(0, 6).map((line) => line.trim()).find((line) => [...line].length <= 30 && organName.test(toSimplified(line).replace(/文件$/, '')));
  if (letterhead) return { value: letterhead.replace(/文件$/, ''), from: `the organ printed at the head of the text: "${letterhead}"` };
  // "上半年,资兴市民政局在市委市政府…的领导下": the report names its own bureau as the subject of its opening.
  const opening = toSimplified(original.opening ?? lead(original.body, 120));
  const self = /^(?:[^，,。]{0,15}[，,])?\s*([\u4e00-\u9fa5]{2,15}?民政(?:局|厅))(?=在|以|坚持|紧紧|认真|始终|围绕|全面|按照|深入|聚焦|立足)/.exec(opening);
  if (self?.[1] && namesPlace(self[1], regions)) {
    const at = self.index + self[0].length - self[1].length;
    const asPrinted = (original.opening ?? lead(original.body, 120)).slice(at, at + self[1].length);
    return { value: asPrinted, from: `the opening sentence, where the bureau names itself: "${excerpt(original.opening ?? lead(original.body, 40), 24)}"` };
  }
  if (source) return { from: `the byline's ${source.key} "${source.value}" names no place's organ, and nothing else names the publisher` };
  return { from: 'no metadata, byline or signature names the publisher and the text does not name its bureau' };
}

// ——— region ———

export interface RegionInference extends Inferred<Region> {
  /** Clues that disagree with the chosen region, or that could not be settled, for the report. */
  conflicts: string[];
}

interface RegionClue {
  region?: Region;
  ambiguous?: Region[];
  from: string;
}

export function inferRegion(original: DocumentText, publisher: string | undefined, regions: RegionIndex): RegionInference {
  const doc = read(original);
  const clues: RegionClue[] = [];
  const notes: string[] = [];
  const named = (name: string, from: string) => {
    const resolved = regionFromName(organStem(toSimplified(name)), regions);
    if (resolved.region || resolved.ambiguous) clues.push({ ...(resolved.region ? { region: resolved.region } : {}), ...(resolved.ambiguous ? { ambiguous: resolved.ambiguous } : {}), from });
  };
  if (publisher) named(publisher, `the publisher "${publisher}"`);
  if (doc.title) {
    // The issuer before 关于 (沙坪坝区人民政府办公室关于印发…), else the place the title starts with (长汀县“十四五”…).
    const title = doc.title.replace(/^\s*(?:19|20)\d{2}\s*年?(度)?/, '');
    const issuer = /^(.*?)(关于|民政|人民政府)/.exec(title)?.[1];
    named(issuer || title, `the title "${original.title}"`);
  }
  if (original.contentSource) named(original.contentSource, `the page's ContentSource "${original.contentSource}"`);
  const source = doc.metadata.source;
  if (source && source.value !== publisher) named(source.value.replace(/[（(]?\s*(https?:\/\/|www\.)[^\s)）]*[)）]?/g, ''), `the byline's ${source.key} "${source.value}"`);
  const signature = signatureIssuer(original);
  if (signature && signature.name !== publisher) named(signature.name, `the signature "${signature.line}"`);
  const indexNo = doc.metadata.index_no?.value;
  const indexCode = indexNo ? indexNumberCode(indexNo) : undefined;
  if (indexCode) {
    const region = regionFromCode(indexCode, regions);
    if (region) clues.push({ region, from: `the division code ${indexCode} in 索引号 ${indexNo}` });
    else notes.push(`索引号 ${indexNo} carries division code ${indexCode}, which is not in the division table; ignored`);
  }
  const address = original.url ?? doc.metadata.url?.value;
  if (address) {
    for (const host of regionsFromHost(address, regions)) {
      const from = `the address's host label "${host.label}" (${new URL(address).hostname})`;
      clues.push(host.regions.length === 1 ? { region: host.regions[0] as Region, from } : { ambiguous: host.regions, from });
    }
  }
  const { mentions, unresolved } = countMentions(doc.body, regions);
  const body = regionFromMentions(mentions, regions);
  clues.push({ ...(body.region ? { region: body.region } : {}), from: body.why });
  if (!body.region) {
    const own = ownPlace(doc.body, mentions, regions);
    if (own) clues.push(own);
  }
  if (doc.siteCode) {
    const region = regionFromCode(doc.siteCode.slice(0, 6), regions);
    if (region) clues.push({ region, from: `the site's 网站标识码 ${doc.siteCode}` });
  }
  settleAmbiguous(clues, mentions, regions, doc.body);
  const ambiguousNotes = unresolved.map(({ name, regions: places }) => `${name} is the name of ${places.map((r) => r.slug).join(' and ')}; the text names none of their parents, so it is not counted`);

  const chosen = clues.find((clue) => clue.region);
  // Ambiguous place names (城区, 朝阳区) are worth a maintainer's eye only when no region could be settled.
  if (!chosen?.region) {
    notes.push(...ambiguousNotes);
    const ambiguous = clues.find((clue) => clue.ambiguous);
    const why = ambiguous
      ? `${ambiguous.from} could be ${ambiguous.ambiguous?.slice(0, 6).map((r) => r.slug).join(' or ')}${(ambiguous.ambiguous?.length ?? 0) > 6 ? ` or ${(ambiguous.ambiguous?.length ?? 0) - 6} more` : ''}, and nothing else in the text settles it`
      : [...clues.map((clue) => clue.from), ...ambiguousNotes].join('; ');
    if (ambiguous) notes.push(`${why}: set region by hand`);
    return { from: why, conflicts: notes };
  }
  const region = chosen.region;
  const conflicts = [
    ...notes,
    ...clues.filter((clue) => clue.region && clue !== chosen && !isWithin(clue.region, region, regions)).map((clue) => `${clue.from} points to ${clue.region?.slug}, not ${region.slug}`),
  ];
  // A province or city named first, a county inside it named by a later clue: the county is the place (上海 + 静安区).
  const finer = clues.find((clue) => clue.region && clue !== chosen && depth(clue.region) > depth(region) && clue.region.name !== region.name && isWithin(clue.region, region, regions) && !clue.from.startsWith('the body'));
  if (finer?.region) return { value: finer.region, from: `${finer.from}, within ${region.name} from ${chosen.from}`, conflicts };
  return { value: region, from: chosen.from, conflicts };
}

function depth(region: Region): number {
  return region.level === 'county' ? 3 : region.level === 'city' ? 2 : 1;
}

/**
 * The place a text names once, as its own (海南省民政系统, 将乐人民), when the text speaks of itself at that place's
 * level (全省 / 全县 / 我市) and names no other place of that level: a report that calls its place by name once and
 * otherwise writes 全县 is that county's.
 */
function ownPlace(body: string, mentions: Mention[], regions: RegionIndex): RegionClue | undefined {
  // 全县 / 我县 / 本县 are the text's own level; 市民政局 beside them is the office above it, so only these words count.
  const levels = ['省', '市', '县', '区'].map((suffix) => ({ suffix, words: [...new Set(body.match(new RegExp(`(?:我|全|本)${suffix}`, 'g')) ?? [])].join('、') })).filter((level) => level.words !== '');
  const level = levels.length === 1 ? levels[0] : undefined;
  if (!level) return undefined;
  const ofLevel = (region: Region) => region.name.endsWith(level.suffix) || (level.suffix === '省' && region.level === 'province');
  const own = selfNamedPlaces(body, regions).filter((place) => ofLevel(place.region));
  if (own.length !== 1) return undefined;
  const place = own[0] as { region: Region; words: string };
  const rivals = mentions.filter((m) => ofLevel(m.region) && !isWithin(m.region, place.region, regions));
  if (rivals.length > 0) return undefined;
  return { region: place.region, from: `the body names ${place.region.name} as its own ("${place.words}") and speaks of itself as ${level.words}` };
}

/**
 * The level a text gives its own place when it speaks of it without its name: 我市 / 全市 / 市民政局 (a place
 * whose name ends in 市), 我县 / 县民政局, 我区 / 区民政局, 全省 / 省民政厅. Only when one level is named and no other.
 */
function ownLevel(body: string): { suffix: string; words: string } | undefined {
  const counts = ['省', '市', '县', '区'].map((suffix) => {
    const words = body.match(new RegExp(`(?:我|全|本)${suffix}|(?<![\u4e00-\u9fa5])${suffix}(?:民政|政府|人民政府|委)|^${suffix}(?:民政|政府|人民政府|委)`, 'gm')) ?? [];
    return { suffix, words };
  });
  const named = counts.filter((count) => count.words.length > 0);
  // 全省 beside 我市 is the province the city is in: the smallest level named is the text's own.
  const own = named.at(-1);
  if (!own || named.filter((count) => count.suffix !== '省').length > 1) return undefined;
  return { suffix: own.suffix, words: [...new Set(own.words)].join('、') };
}

/**
 * Settles a name two regions share (普陀区: 上海 or 舟山; mzj.yulin.gov.cn: 玉林 or 榆林) from the other clues:
 * the candidate that another clue's region, or a place the body names, lies within or contains.
 */
function settleAmbiguous(clues: RegionClue[], mentions: Mention[], regions: RegionIndex, body: string): void {
  for (const clue of clues) {
    if (!clue.ambiguous) continue;
    const context = [...clues.filter((other) => other !== clue && other.region).map((other) => ({ region: other.region as Region, from: other.from })), ...mentions.map((m) => ({ region: m.region, from: `the body's ${m.region.name}` }))];
    const fits = clue.ambiguous.filter((candidate) => context.some((c) => isWithin(c.region, candidate, regions)));
    if (fits.length === 1) {
      const candidate = fits[0] as Region;
      const by = context.find((c) => isWithin(c.region, candidate, regions));
      clue.region = candidate;
      clue.from = `${clue.from}, which ${by?.from} settles as ${candidate.slug}`;
      delete clue.ambiguous;
    }
  }
  // The text names its own place's level (我市, 全县, 区民政局): of candidates one name shares (东营市 and 东营区), the one of that level.
  const level = ownLevel(body);
  for (const clue of clues) {
    if (!clue.ambiguous || !level) continue;
    const fits = clue.ambiguous.filter((candidate) => candidate.name.endsWith(level.suffix));
    if (fits.length === 1) {
      clue.region = fits[0] as Region;
      clue.from = `${clue.from}, which the text's ${level.words} settles as ${clue.region.slug}`;
      delete clue.ambiguous;
    }
  }
  // Host labels that name several places at once (sx + yc): prefer the one the other clues agree on, else the highest level alone.
  for (const clue of clues) {
    if (!clue.ambiguous || !clue.from.startsWith('the address')) continue;
    const top = Math.min(...clue.ambiguous.map(depth));
    const highest = clue.ambiguous.filter((candidate) => depth(candidate) === top);
    if (highest.length === 1 && top === 1) {
      clue.region = highest[0] as Region;
      clue.from = `${clue.from}, the province of that name`;
      delete clue.ambiguous;
    }
  }
}

export interface TopicInference {
  ids: string[];
  /** Per topic: sentences naming it and whether a heading does. */
  evidence: Map<string, { sentences: number; heading: boolean; keywords: string[] }>;
}

/**
 * Topics a document is about: those a heading (or a task's title) names, and those at least two of its
 * sentences name — one passing mention is not what a document is about. `text` leaves out the 分管领导 and
 * 责任科室 columns of a task list (区划地名科 is an office, not a subject).
 */
export function inferTopics(text: string, headings: string[], topics: Map<string, Topic>): TopicInference {
  const sentences = text.split(/[。；;！？!?\n]/).filter((sentence) => sentence.trim() !== '');
  const evidence: TopicInference['evidence'] = new Map();
  for (const [id, topic] of topics) {
    const names = (sentence: string) => topic.keywords.some((keyword) => sentence.includes(keyword));
    const count = sentences.filter(names).length;
    const heading = headings.some(names);
    const keywords = topic.keywords.filter((keyword) => text.includes(keyword) || headings.some((h) => h.includes(keyword)));
    if (count > 0 || heading) evidence.set(id, { sentences: count, heading, keywords });
  }
  const ids = [...evidence]
    .filter(([, e]) => e.heading || e.sentences >= topicThreshold)
    .sort((a, b) => Number(b[1].heading) - Number(a[1].heading) || b[1].sentences - a[1].sentences || a[0].localeCompare(b[0]))
    .map(([id]) => id);
  return { ids, evidence };
}

/** Sentences a topic needs when no heading names it. */
export const topicThreshold = 2;

// ——— title ———

/** Words a document's headline has: what civil-affairs documents are called, and what they are about. */
const headlineWords = /((?<!人)民政|低保|最低生活|标准|规划|计划|总结|报告|汇报|通知|通报|清单|实事|民生|要点|安排|思路|进展|情况|残疾人|特困)/;

/**
 * The headline a page prints above its text when it has no 名称/标题 header and no title line: a short line
 * before the text starts, with no sentence punctuation, that says what the document is (省民政厅牵头负责的2018年
 * 省重点民生实事工作进展顺利, 關於調整城鄉最低生活保障標準的通知). A file name's extension (`.doc`) and a date in
 * brackets after it are not part of it. Returns the title as printed.
 */
/**
 * An article page prints its headline directly above its byline (标题 / 发布时间:… 来源:… / 正文): when no line
 * reads as a headline by its words, the short line just before the byline is the title (季度目标), unless it is a
 * sentence, a date, a row of menu links or an organ's name alone.
 */
function titleAboveByline(units: Unit[], bylineLine: number): { title: string; line: number } | undefined {
  const before = units.filter((unit) => (unit.lines.at(-1)?.no ?? Infinity) < bylineLine).at(-1);
  if (!before || before.type !== 'text' || before.lines.length !== 1) return undefined;
  const printed = before.text.trim();
  const reading = toSimplified(printed);
  const length = [...reading].length;
  if (length < 2 || length > 60 || /[。；;！？!?，,:：>|]/.test(reading) || outlineMarker(reading) || normaliseDate(reading) || /^[\d\s\-/.:年月日]+$/.test(reading)) return undefined;
  if (/(欢迎|网站|门户|首页|登录|无障碍|版权)/.test(reading) || organName.test(reading) || isMenuRow(reading)) return undefined;
  return { title: printed, line: before.lines[0]?.no ?? 0 };
}

/** The words a document's title ends with: what it is. */
const titleEnding = /(思路|计划|总结|要点|安排|打算|报告|汇报|通知|方案|规划|意见|清单|办法|情况)$/;

/**
 * The whole title when a copy wrapped its last words onto the next line (民政局2020年工作总结和2021年工作 / 思路):
 * the line is a short fragment with no punctuation or digits, and only with it does the title end in what the
 * document is. Undefined when the next line is not such a tail.
 */
export function wrappedTitleEnd(title: string, next: string): string | undefined {
  const tail = next.trim();
  const reading = toSimplified(tail);
  if ([...reading].length > 8 || /[\p{P}\d０-９]/u.test(reading) || outlineMarker(reading)) return undefined;
  const whole = `${title}${tail}`;
  if (titleEnding.test(toSimplified(title.trim())) || !titleEnding.test(toSimplified(whole))) return undefined;
  return whole;
}

/** Three or more words of at most six characters, none with a digit, set apart by spaces: a row of menu links. */
function isMenuRow(text: string): boolean {
  const words = text.trim().split(/[\s\u3000]+/);
  return words.length >= 3 && words.every((word) => [...word].length <= 6 && !/[\d０-９]/.test(word));
}

export function headlineTitle(units: Unit[], bylineLine?: number): { title: string; date?: string; line: number } | undefined {
  return printedHeadline(units) ?? (bylineLine === undefined ? undefined : titleAboveByline(units, bylineLine));
}

function printedHeadline(units: Unit[]): { title: string; date?: string; line: number } | undefined {
  for (const unit of units.slice(0, 16)) {
    if (unit.type !== 'text') continue;
    const printed = unit.text.trim();
    if ([...printed].length > 80) return undefined;
    const reading = toSimplified(printed);
    const dated = /\s*[（(]\s*((?:19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?)\s*[)）]\s*$/.exec(reading);
    const extension = /\s*\.(docx?|pdf|wps|txt)\s*$/i.exec(reading);
    const end = dated?.index ?? extension?.index ?? reading.length;
    // A rule line the copy ran into the headline (———关于提高…的通知) is not part of it.
    const rule = /^[—\-－_=·\s]*/.exec(reading)?.[0].length ?? 0;
    const title = reading.slice(rule, end).trim();
    if ([...title].length < 8 || [...title].length > 60) continue;
    if (/[。；;！？!?，,:：>|]/.test(title) || outlineMarker(title) || !headlineWords.test(title)) continue;
    // The site's own name (某某市民政局欢迎您) and an organ's name alone (长汀县民政局) are not a headline.
    if (/(欢迎|网站|门户|首页|登录|无障碍|版权)/.test(title) || organName.test(title)) continue;
    // A site's menu (个人总结 工作总结 述职报告 …) is a row of short words set apart by spaces, not a headline.
    if (isMenuRow(title)) continue;
    // A task table's header run together (实事内容工作任务责任单位进展情况) is made only of column words.
    const columns = columnWords(title);
    if (columns && columns.length >= 3 && isTaskHeader(columns)) continue;
    const date = dated?.[1] ? normaliseDate(dated[1]) : undefined;
    const start = reading.indexOf(title, rule);
    return { title: printed.slice(start, start + title.length), ...(date ? { date } : {}), line: unit.lines[0]?.no ?? 0 };
  }
  return undefined;
}
