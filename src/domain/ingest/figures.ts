/**
 * Finds the figures of the content model in a draft's body, each with the exact fragment that states it. One
 * general reading instead of a pattern per sentence: the body is cut into paragraphs and sentences; in each
 * sentence the amounts (number + unit: 每人每月420元, 420元/人·月, 年人均5580元, 2.5万张, 55%) and the
 * subject phrases (城市低保, 农村特困人员, 重度残疾人护理补贴, 散居孤儿, 护理型床位 …) are found; an amount
 * belongs to the nearest subject before it (a generic 保障标准 refers back to the last one named, in the
 * sentence, the paragraph or the section's heading). 由/从 X … 提高/调整 到/至/为 Y gives `previous`;
 * 从/自…起 gives `effective`; a class (A类, 一类) gives `category`; 城乡 … 分别 X、Y gives urban then rural.
 * Averages paid (月人均补差, 补助水平), money (万元) and people (人次) are never figures; a civil-affairs
 * figure no metric holds (照料护理标准, 高龄津贴, 认知障碍照护床位) is listed as not in the model.
 *
 * Rules read `readingOf(body)` (simplified characters, ASCII digits: 護理型床位500張 reads as 护理型床位500张),
 * which keeps every index, so a quote is the original slice of the body.
 */
import type { MetricDefinition, MetricValueInput } from '../../schemas/metric.ts';
import { isRealCalendarDate } from '../../schemas/calendar-date.ts';
import { amountsIn, readingOf, restatement, type Amount, type Period } from './figure-units.ts';
import type { NotInModel } from './types.ts';
import { categoryIn, scopeMarkerIn, subjectsIn, type Family, type Scope, type SubjectMention } from './figure-subjects.ts';

export interface FigureOptions {
  /** The document's kind (plan, summary, task-list, notice): a plan's goals are targets, a notice's standards are not. */
  kind?: string;
  metrics: Map<string, MetricDefinition>;
  /** Receives the civil-affairs figures no metric holds, for the report. */
  notInModel?: NotInModel[];
  /** The year the page is dated in, which 今年 / 明年1月1日起 count from; without it such dates are not read. */
  pageYear?: number;
}

/**
 * A sentence of the body: its reading, and where each of its characters is in the body. Glosses some copies
 * put after a character (城鄉(xiāng)低保) are left out of the reading, so the map is not always an offset.
 */
interface Sentence {
  reading: string;
  at: number[];
  /** The end of the paragraph before, when that paragraph stops mid-sentence (a copy broken at 散居|孤儿). */
  carry?: string;
  /** Ends at a clause break (；), not a full stop: the sentence goes on in the next one. */
  clause?: boolean;
}

/** A pinyin gloss after a Chinese character: 鄉(xiāng). */
const gloss = /(?<=[\u3400-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńň]+\)/g;

function sentenceOf(reading: string, start: number): Sentence {
  let text = '';
  const at: number[] = [];
  let from = 0;
  for (const match of [...reading.matchAll(gloss), undefined]) {
    const to = match ? (match.index ?? 0) : reading.length;
    text += reading.slice(from, to);
    for (let i = from; i < to; i++) at.push(start + i);
    from = to + (match?.[0].length ?? 0);
  }
  return { reading: text, at };
}

interface Paragraph {
  heading: boolean;
  /** Heading depth (1 for #), 0 for a paragraph. */
  level: number;
  /** The paragraph's reading, for clues that hold for the whole paragraph (残疾 for 生活补贴). */
  reading: string;
  sentences: Sentence[];
}

/** Markdown that a quote must not cross: emphasis, code, links, table pipes. */
const markup = /\*\*|__|[`|[\]]/g;

/** Paragraphs (lines, table cells) and their sentences, with offsets into the body. */
function paragraphsOf(body: string, reading: string): Paragraph[] {
  const out: Paragraph[] = [];
  let offset = 0;
  for (const line of body.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (/^\|(\s*:?-+:?\s*\|)+\s*$/.test(line)) continue;
    const lead = /^(#+\s+|-\s+|\\)?/.exec(line)?.[0].length ?? 0;
    const level = /^(#+)\s/.exec(line)?.[1]?.length ?? 0;
    const heading = level > 0;
    const read = reading.slice(lineStart, lineStart + line.length);
    // Table cells are paragraphs of their own.
    const cells: [number, number][] = [];
    let cellStart = lead;
    for (const match of read.matchAll(/\|/g)) {
      cells.push([cellStart, match.index ?? 0]);
      cellStart = (match.index ?? 0) + 1;
    }
    cells.push([cellStart, read.length]);
    for (const [from, to] of cells) {
      if (to <= from) continue;
      const sentences: Sentence[] = [];
      let start = from;
      const text = read.slice(from, to);
      const cuts = [...text.matchAll(/[。！？!?;；]|\*\*|__|`/g)].map((m) => [from + (m.index ?? 0), m[0].length] as const);
      for (const [at, length] of [...cuts, [to, 0] as const]) {
        if (at > start) sentences.push({ ...sentenceOf(read.slice(start, at), lineStart + start), ...(/[;；]/.test(read[at] ?? '') ? { clause: true } : {}) });
        start = at + length;
      }
      if (sentences.length === 0) continue;
      const before = out.at(-1);
      const tail = before?.sentences.at(-1)?.reading;
      if (tail && !before?.heading && !heading && cells.length === 1 && !/[。！？!?;；:：)）”]\s*$/.test(before.reading)) {
        (sentences[0] as Sentence).carry = tail.slice(-12);
      }
      out.push({ heading, level, reading: text, sentences });
    }
  }
  return out;
}

/** The metric ids a subject's family names, given the scope read for the amount. */
function metricIds(family: Family, scope: Scope | undefined): string[] {
  const scoped = (base: string) => (scope === 'urban' ? [`${base}-urban`] : scope === 'rural' ? [`${base}-rural`] : [`${base}-urban`, `${base}-rural`]);
  switch (family) {
    case 'dibao':
      return scoped('dibao');
    case 'tekun':
      return scoped('tekun');
    case 'disability-living':
      return ['disability-living-subsidy'];
    case 'disability-care':
      return ['disability-care-subsidy'];
    case 'orphan-institutional':
      return ['orphan-allowance-institutional'];
    case 'orphan-dispersed':
      return ['orphan-allowance-dispersed'];
    default:
      return [family];
  }
}

/** `从2023年1月起` / `自2023年1月1日起` → `2023-01-01`, where it ends in the sentence. */
function datesIn(reading: string, pageYear: number | undefined): { date: string; end: number }[] {
  const out: { date: string; end: number }[] = [];
  for (const match of reading.matchAll(/(\d{4}\s*年|今年|本年|明年|次年)\s*(\d{1,2})\s*月份?(?:\s*(\d{1,2})\s*[日号])?\s*(?:起|开始)/g)) {
    if (/\d/.test(reading[(match.index ?? 0) - 1] ?? '')) continue;
    const word = match[1] ?? '';
    const year = /\d/.test(word) ? Number.parseInt(word, 10) : pageYear === undefined ? undefined : pageYear + (/明年|次年/.test(word) ? 1 : 0);
    if (year === undefined) continue;
    const date = `${year}-${(match[2] ?? '').padStart(2, '0')}-${(match[3] ?? '1').padStart(2, '0')}`;
    if (isRealCalendarDate(date)) out.push({ date, end: (match.index ?? 0) + match[0].length });
  }
  return out;
}

/** A raise written to its new value: 提高到, 调整为, 提高至, 调标到, 增至. */
const raiseTo = /(?:提高|提升|上调|调高|调整|增加|增长|调标|提髙|提标|上升)(?:了)?\s*(?:到|至|为)|增至|提至|调至/g;
/** Between two items of one list: 、 和 及, and at most a scope of its own (380元、农村每人每年2400元). */
const listGap = /^\s*[、和及与]\s*(?:城市|城镇|农村|城乡)?\s*(?:不低于|不少于)?\s*$/;
/** A raise by an amount, not to it: 增加30元, 提高了1152元. */
const raiseBy = /(?:提高|提升|上调|调高|增加|增长|上浮|下降|减少)(?:了)?\s*$/;

interface Reading {
  amount: Amount;
  /** The previous value of a raise, paired in order in a list (由225元、245元提高到260元、290元). */
  previous?: Amount;
  /** Where the figure's phrase starts: 由/从 of its raise, else its period marker, else its number. */
  from: number;
}

/** The amounts of a sentence that are figures' values, with the previous value of a raise. */
function valuesOf(reading: string, amounts: Amount[]): Reading[] {
  const usable = amounts.filter((a) => a.kind !== 'people' && a.kind !== 'total' && !restatement(reading, amounts, a));
  const previous = new Map<Amount, Amount>();
  const isPrevious = new Set<Amount>();
  const raiseFrom = new Map<Amount, number>();
  let boundary = 0;
  for (const marker of reading.matchAll(raiseTo)) {
    const at = marker.index ?? 0;
    const end = at + marker[0].length;
    const before = usable.filter((a) => a.end <= at && a.start >= boundary);
    const origin = Math.max(reading.lastIndexOf('由', at), reading.lastIndexOf('从', at));
    const olds = origin >= boundary ? before.filter((a) => a.start > origin) : [];
    const following = reading.slice(end).search(raiseTo);
    const limit = following < 0 ? reading.length : end + following;
    // The new values: the amounts after the marker, as long as they follow one another in a list.
    const news: Amount[] = [];
    for (const amount of usable) {
      if (amount.start < end || amount.start >= limit) continue;
      const gap = reading.slice(news.at(-1)?.end ?? end, amount.markerStart ?? amount.start);
      if (news.length === 0 ? /[,;:。]/.test(gap) || gap.length > 12 : !listGap.test(gap)) break;
      news.push(amount);
    }
    for (const old of olds) isPrevious.add(old);
    news.forEach((amount, i) => {
      const old = olds.length === news.length ? olds[i] : olds.length === 1 && news.length === 1 ? olds[0] : undefined;
      if (old) previous.set(amount, old);
      if (olds.length > 0) raiseFrom.set(amount, origin);
    });
    boundary = end;
  }
  const out: Reading[] = [];
  let delta: Amount | undefined;
  for (const amount of usable) {
    if (isPrevious.has(amount)) continue;
    // 增加30元, 提高了1152元/人·年和1157元/人·年: raised by, not to.
    const listed = delta && /^\s*[、和及与]\s*$/.test(reading.slice(delta.end, amount.markerStart ?? amount.start));
    // The verb may stand before the period marker (增加每人每月30元) or after it (月人均增加47元).
    if (listed || raiseBy.test(reading.slice(0, amount.markerStart ?? amount.start)) || raiseBy.test(reading.slice(0, amount.start))) {
      delta = amount;
      continue;
    }
    delta = undefined;
    const old = previous.get(amount);
    out.push({ amount, ...(old ? { previous: old } : {}), from: raiseFrom.get(amount) ?? amount.markerStart ?? amount.start });
  }
  return out;
}

/** Words that put a sentence in the past: a plan's review of what was done is not a goal. */
const past = /已|截至|截止|目前|现有|累计|期间|(?<![为除])了|取得|同比|比上年|较上年|增幅/;
/** Words that state a goal, in a plan. */
const goal = /新增|新建|建成|提高|提升|达到|达|力争|确保|增加|增至|不低于|不少于|至|到\d{4}年/;
/** A heading of the part of a summary that sets out the next period's work. */
const planHeading = /工作(?:打算|计划|思路|安排|要点)|(?:下半年|明年|\d{4}年)(?:主要)?(?:工作)?(?:打算|计划|思路|安排|目标)|下一步(?:工作)?(?:打算|计划)?/;
/** Words that state a goal even in a summary (its plan for the next period). */
const explicitGoal = /到\d{4}年|力争|计划|目标|预计/;

/** Territory, time and aspect words read with the subject they precede: 全区养老床位总数, 继续新增, 今年又新增. */
const leadWords = /(?:全区|全市|全县|全省|全州|全盟|全旗|我区|我市|我县|本市|本区|全年|继续)(?:平均)?$|平均$|(?:今年|本年|年内)(?:又|再)?$/;

export function extractFigures(body: string, options: FigureOptions): MetricValueInput[] {
  const reading = readingOf(body);
  const figures: MetricValueInput[] = [];
  const seen = new Set<string>();
  const notInModel = options.notInModel;
  const seenOutside = new Set<string>();
  let headingSubject: SubjectMention | undefined;
  let pendingEffective: string | undefined;

  let paragraphStartCount = 0;
  /** Figures before the last 自…起执行 of a notice, which that date already settled. */
  let executedCount = 0;
  let previousParagraphCount = 0;
  // A summary's section of what it will do next (下半年工作打算, 2024年工作计划) states goals, as a plan does.
  let planSection: number | undefined;
  for (const paragraph of paragraphsOf(body, reading)) {
    if (paragraph.heading) {
      if (planSection !== undefined && paragraph.level <= planSection) planSection = undefined;
      if (planSection === undefined && planHeading.test(paragraph.reading) && !/总结|回顾|完成情况|开展情况|成效/.test(paragraph.reading)) planSection = paragraph.level;
    }
    const kind = planSection !== undefined && options.kind === 'summary' ? 'plan' : options.kind;
    let paragraphSubject: SubjectMention | undefined;
    /** The period each family's (and scope's) last standard in the paragraph was stated in, for one stated without it. */
    const paragraphPeriods = new Map<string, Period>();
    // A closing 此标准自…起执行 covers the figures of its paragraph and of the one before it.
    paragraphStartCount = previousParagraphCount;
    previousParagraphCount = figures.length;
    const context = paragraph.reading;
    // A date of effect that opens a sentence (从2024年1月1日起，城市低保…；农村低保…) holds to its full stop, across its clauses.
    let clauseEffective: string | undefined;
    let clauseClasses: ('A' | 'B' | 'C')[] | undefined;
    for (const sentence of paragraph.sentences) {
      const text = sentence.reading;
      const amounts = amountsIn(text);
      const carry = sentence.carry ?? '';
      const subjects = heldPopulations(text, subjectsIn(carry + text, context).map((s) => ({ ...s, start: s.start - carry.length, end: s.end - carry.length })).filter((s) => s.end > 0));
      const dates = datesIn(text, options.pageYear);
      const values = valuesOf(text, amounts);
      const lastModel = [...subjects].reverse().find((s) => s.role === 'model');
      let stated = 0;
      /** The value each metric (and class) took in this sentence, outside 分别 lists. */
      const sentenceValues = new Map<string, number>();
      let previousEnd = 0;

      for (const [index, value] of values.entries()) {
        const { amount } = value;
        const resolved = subjectFor(text, subjects, value, amount, paragraphSubject ?? headingSubject);
        const figureFrom = previousEnd;
        const lowerBound = Math.max(previousEnd, resolved?.inSentence ? resolved.mention.end : 0);
        previousEnd = amount.end;
        if (!resolved) continue;
        const { mention, group } = resolved;
        const quoteStart = quoteStartOf(text, value, resolved, values.slice(0, index));
        const quoteEnd = Math.max(amount.end, resolved.after ? mention.end : 0);
        const quote = quoteOf(body, sentence, Math.max(0, quoteStart), quoteEnd);
        if (mention.role === 'outside' || mention.role === 'ignored') {
          // Money without a period is reported only when it is an average or a standard (人均补助113元), not a sum.
          const reported = amount.kind === 'beds' || (amount.kind === 'money' && (amount.period !== undefined || /人均|平均|水平|标准|封顶/.test(mention.text)));
          if (mention.role === 'outside' && notInModel && reported && quote && !seenOutside.has(quote)) {
            seenOutside.add(quote);
            // The items of one list make one entry: 每人每年2292元、3820元、7640元.
            const last = notInModel.at(-1);
            if (last && quote.startsWith(last.quote)) last.quote = quote;
            else notInModel.push({ subject: mention.text, quote });
          }
          continue;
        }
        if (!quote) continue;
        const scope = scopeMarkerIn(text.slice(lowerBound, amount.markerStart ?? amount.start)) ?? mention.scope;
        // Keyed by scope too: a page states 城市 monthly and 农村 yearly as often as not.
        const periodKeys = group.map((family) => `${family}|${scope ?? ''}`);
        const unit = unitOf(amount, group, text.slice(0, amount.start), periodKeys.map((key) => paragraphPeriods.get(key)).find(Boolean));
        if (amount.kind === 'money' && amount.period) for (const key of periodKeys) paragraphPeriods.set(key, amount.period);
        if (!unit) continue;
        const slots = group.flatMap((subject) => metricIds(unit.family ?? subject, scope));
        const list = listOf(text, values, index, resolved);
        let metrics = slots;
        if (list && list.count === slots.length && slots.length > 1) metrics = [slots[list.position] as string];
        // A class is written before the subject (城市A类低保标准) or after it (城市低保A类由500元…), after the last figure.
        // A list of the same length in the next clause goes by the classes named for the first (较好、一般、困难地区分别达到…；农村低保标准分别达到…).
        if (list?.classes) clauseClasses = list.classes;
        const classes = list?.classes ?? (list && clauseClasses?.length === list.count ? clauseClasses : undefined);
        // A list that names its classes (按一类、二类、三类分别为…) gives each item its own; else the class written before the figure.
        const category = (list ? list.classes?.[list.position] : undefined) ?? categoryIn(text.slice(figureFrom, value.previous ? value.previous.start : amount.start))?.category ?? (list ? classes?.[list.position] : undefined);
        const effective = dates.filter((d) => d.end <= value.from).at(-1)?.date ?? clauseEffective ?? pendingEffective;
        // 由原平均270元/月提高到302元/月: the average was the old figure; the new one is the standard set.
        // A later item of a 分别 list is an average when the list's head says so (平均标准分别达到705元/月和6107元/年).
        const averageFrom = list && list.position > 0 && resolved.inSentence ? Math.min(lowerBound, resolved.mention.start) : lowerBound;
        const average = /平均/.test(value.previous ? text.slice(lowerBound, value.from) + text.slice(value.previous.end, amount.start) : text.slice(averageFrom, amount.start));
        const target = isTarget(kind, text, value, effective, resolved.inSentence ? mention.start : 0);
        for (const metric of metrics) {
          const definition = options.metrics.get(metric);
          if (!definition) continue;
          const units = [definition.unit, ...definition.conversions.map((c) => c.unit)];
          if (!units.includes(unit.unit)) continue;
          // Two values of one figure in one sentence, told apart by no class, scope or list (年人均1800元,加上镇村配套,
          // 年人均不低于2000元; 新增床位430张,…一期工程新增床位150张): the second is of a part, a sum or another
          // project, which the sentence does not say; it is reported for review, not published.
          const key = `${metric}|${category ?? ''}`;
          const earlier = sentenceValues.get(key);
          if (!list && !value.previous && earlier !== undefined && earlier !== amount.value) {
            if (notInModel && !seenOutside.has(quote)) {
              seenOutside.add(quote);
              notInModel.push({ subject: `${mention.text} (uncertain: a second value in the sentence)`, quote });
            }
            continue;
          }
          if (!list) sentenceValues.set(key, amount.value);
          const added = push(figures, seen, {
            metric,
            value: amount.value,
            unit: unit.unit,
            ...(category && definition.has_categories ? { category } : {}),
            ...(value.previous ? { previous: value.previous.value } : {}),
            ...(effective && definition.measure === 'standard' ? { effective } : {}),
            ...(target ? { target: true } : {}),
            ...(average ? { average: true } : {}),
            quote,
          });
          if (added) stated += 1;
        }
      }
      // 自2019年10月1日起，我市提高城乡低保和特困人员救助供养标准。 — the date of the figures that follow.
      const date = dates.at(-1);
      if (date && stated === 0 && /标准/.test(text)) pendingEffective = date.date;
      // …提高到每人每月700元，自2024年1月1日起执行 / 此标准自2024年1月1日起执行: the date of the figures before it.
      const executed = /^\s*(?:执行|实施|施行)/.test(date ? text.slice(date.end) : '') ? date : undefined;
      if (executed) {
        const sentenceFigures = figures.slice(figures.length - stated);
        // A notice's closing 新标准自…起执行 is the date of every standard it set before; elsewhere, of its paragraph and the one before.
        const earlier = stated > 0 ? sentenceFigures : figures.slice(options.kind === 'notice' ? executedCount : paragraphStartCount);
        for (const figure of earlier) {
          if (figure.effective === undefined && options.metrics.get(figure.metric)?.measure === 'standard') figure.effective = executed.date;
        }
        executedCount = figures.length;
      }
      const opening = dates.find((d) => values.length > 0 && d.end <= (values[0]?.from ?? 0));
      clauseEffective = sentence.clause ? (opening?.date ?? clauseEffective) : undefined;
      if (!sentence.clause) clauseClasses = undefined;
      if (lastModel) paragraphSubject = lastModel;
    }
    if (paragraph.heading) headingSubject = paragraphSubject;
  }
  // The standard before a raise, stated again on its own (现行标准是城市每人每月300元), is that raise's `previous`.
  return figures.filter((figure) => figure.previous !== undefined || !figures.some((other) => other.metric === figure.metric && other.previous === figure.value && other.category === figure.category));
}

interface Resolved {
  mention: SubjectMention;
  /** The subjects read together: 困难残疾人生活补贴和重度残疾人护理补贴 → both families. */
  group: Family[];
  /** Where the group starts in the sentence (when it is in the sentence). */
  groupStart: number;
  inSentence: boolean;
  /** The subject follows the amount: 新增1万张养老床位. */
  after?: boolean;
  /** The generic phrase (保障标准) the amount was read with, when it was. */
  generic?: SubjectMention;
}

/** Whether a subject can hold an amount of this kind: money for standards, 张 for beds, % for a share. */
function fits(subject: SubjectMention, amount: Amount): boolean {
  if (subject.role === 'generic' || subject.role === 'ignored') return true;
  if (amount.kind === 'percent') return subject.share === true;
  if (amount.kind === 'beds') return subject.beds === true && !subject.share;
  return !subject.beds && !subject.share;
}

/**
 * Where the breakdown an amount stands in opens, when it does: (其中:大关镇100张,吕亭镇50张) splits the figure
 * before it into parts, each of a place or a part of the programme, so no subject outside holds them.
 */
function breakdownOpening(text: string, at: number): number | undefined {
  const open = Math.max(text.lastIndexOf('(', at), text.lastIndexOf('（', at));
  if (open < 0 || /[)）]/.test(text.slice(open, at))) return undefined;
  return /^[(（]\s*(?:其中|含|包括)/.test(text.slice(open)) ? open : undefined;
}

/**
 * The subjects of a sentence without the people a programme covers (低保对象) that name no standard: they hold
 * only in the statistical form "对象, their count, 平均保障标准 X元", with their own scope. In 低保家庭中的残疾人,
 * 补贴标准… the standard is of another programme, and 低保对象家庭收入… names no standard; such a mention is
 * dropped, so the figure goes to the subject it would have had without it.
 */
function heldPopulations(text: string, subjects: SubjectMention[]): SubjectMention[] {
  return subjects.filter((s, i) => {
    if (!s.population) return true;
    const next = subjects[i + 1];
    return s.scope !== undefined && next?.role === 'generic' && populationGap.test(text.slice(s.end, next.start));
  });
}

/** Between the people a programme covers and their standard: their count, a comma, the territory, 平均. */
const populationGap = /^(?:共?有?\s*[\d.]+\s*万?\s*(?:人|户|名)(?:[\d.]+\s*万?\s*人)?)?\s*[,，]?\s*(?:全省|全市|全县|全区|全州|全盟|全旗)?(?:月|年)?(?:平均|人均)?(?:保障|救助)?$/;

function subjectFor(text: string, subjects: SubjectMention[], value: Reading, amount: Amount, carried: SubjectMention | undefined): Resolved | undefined {
  const breakdown = breakdownOpening(text, amount.start);
  if (breakdown !== undefined && !subjects.some((s) => s.start > breakdown && s.end <= amount.start)) return undefined;
  // Beds name their subject after the number as often as before it: 新增1万张养老床位, 建成护理型床位500张.
  if (amount.kind === 'beds') {
    const after = subjects.find((s) => s.start >= amount.end && /^\s*的?$/.test(text.slice(amount.end, s.start)) && s.beds);
    if (after) {
      const clauseStart = Math.max(...[',', '，', '、', ':', '：'].map((c) => text.lastIndexOf(c, amount.start)), -1) + 1;
      const added = /新增|新建/.exec(text.slice(clauseStart, amount.start));
      if (added) {
        const start = clauseStart + added.index;
        const mention: SubjectMention = after.families.includes('elderly-care-beds')
          ? { ...after, start, families: ['new-elderly-care-beds'] }
          : { ...after, start, role: 'outside', text: `新增${after.text}` };
        return { mention, group: mention.families, groupStart: start, inSentence: true, after: true };
      }
      return { mention: after, group: after.families, groupStart: after.start, inSentence: true, after: true };
    }
  }
  // A subject before the figure's phrase (its 由), or one its period marker is part of (月人均救助水平370元).
  const before = subjects.filter((s) => s.start < value.from || (s.end <= amount.start && !value.previous));
  let index = before.length - 1;
  let generic: SubjectMention | undefined;
  while (index >= 0 && before[index]?.role === 'generic') {
    generic ??= before[index];
    index -= 1;
  }
  let mention = before[index];
  // 护理型床位达到1200张，占比55%: a share written after the beds it is of.
  if (mention && amount.kind === 'percent' && mention.families.includes('nursing-beds') && !mention.share && /占比|比例|占/.test(text.slice(mention.end, amount.start))) {
    mention = { ...mention, share: true, beds: false };
  }
  if (!mention) {
    // A subject carried from an earlier sentence (or the heading) holds only a standard this sentence calls one
    // (补贴标准为每人每月410元) or a raise (由原来的280元/人月提高到400元/人月), not any sum it pays.
    if (!carried || !fits(carried, amount) || (!generic && !value.previous)) return undefined;
    return { mention: carried, group: carried.families, groupStart: generic?.start ?? 0, inSentence: false, ...(generic ? { generic } : {}) };
  }
  if (!fits(mention, amount)) return undefined;
  // 城市低保对象42.48万人,平均保障标准569元: the people name the programme only for the standard after them.
  let groupStart = mention.start;
  const group = [...mention.families];
  for (let i = index - 1; i >= 0; i--) {
    const subject = before[i] as SubjectMention;
    const gap = text.slice(subject.end, groupStart);
    if (subject.role !== 'model' || !/^(?:标准)?(?:和|与|及|以及|、)$/.test(gap)) break;
    group.unshift(...subject.families);
    groupStart = subject.start;
  }
  return { mention, group: [...new Set(group)], groupStart, inSentence: true, ...(generic ? { generic } : {}) };
}

/** The unit a figure is stored in: 元/人/月 or 元/人/年 as stated, 张, %. */
function unitOf(amount: Amount, group: Family[], before: string, stated: Period | undefined): { unit: string; family?: Family } | undefined {
  if (amount.kind === 'beds') return { unit: '张' };
  if (amount.kind === 'percent') return group.includes('nursing-beds') ? { unit: '%', family: 'nursing-bed-share' } : undefined;
  if (amount.period) return { unit: amount.period === 'month' ? '元/人/月' : '元/人/年' };
  // A standard written without its period (保障标准…达到180元) is in the period the paragraph stated the same
  // programme's standard in (分散供养年人均1800元。集中供养标准提高到2512元), else monthly, as standards are set.
  if (!/标准[^,;:。]*$/.test(before)) return undefined;
  return { unit: stated === 'year' ? '元/人/年' : '元/人/月' };
}

/**
 * Where an amount stands in a list read with one subject (分别为每人每年6708元和4096元): its position, the
 * list's length, and whether the list names classes (较好、一般、困难地区分别达到… → A, B, C).
 */
function listOf(text: string, values: Reading[], index: number, resolved: Resolved): { position: number; count: number; classes?: ('A' | 'B' | 'C')[] } | undefined {
  if (!resolved.inSentence) return undefined;
  const anchor = Math.max(0, resolved.generic && resolved.generic.start > resolved.mention.start ? resolved.generic.end : resolved.mention.end);
  const inList = values.filter((v) => v.from >= anchor && !values.some((w) => w !== v && w.previous === v.amount));
  const first = inList[0];
  if (!first) return undefined;
  const lead = text.slice(anchor, first.from);
  if (!/分别/.test(lead)) return undefined;
  // The list is the run of amounts of one kind joined by 、/和/及 (705元/月和6107元/年); it ends at a clause break
  // or at an amount of another kind (增幅分别达到4.9%和9.9% is a second list, not more items of the first).
  const members: Reading[] = [first];
  for (const v of inList.slice(1)) {
    const last = members.at(-1) as Reading;
    if (v.amount.kind !== first.amount.kind || !listGap.test(text.slice(last.amount.end, v.amount.markerStart ?? v.from))) break;
    members.push(v);
  }
  const position = members.findIndex((v) => v === values[index]);
  if (position < 0) return undefined;
  const classes = classesListed(lead);
  const named = classes && classes.length === members.length ? classes : undefined;
  return { position, count: members.length, ...(named ? { classes: named } : {}) };
}

const classLetter: Record<string, 'A' | 'B' | 'C'> = { A: 'A', B: 'B', C: 'C', a: 'A', b: 'B', c: 'C', 一: 'A', 二: 'B', 三: 'C' };

/**
 * The classes a list names before its 分别, in order: A、B、C三类 / 一类、二类、三类 / B、C类 → their letters;
 * three kinds of place (较好、一般、困难地区) are the classes A, B, C a place sets its standard by.
 */
function classesListed(lead: string): ('A' | 'B' | 'C')[] | undefined {
  const letters = /(?<![A-Za-z])([A-Ca-c]|[一二三])类?((?:、[A-Ca-c]类?|、[一二三]类){1,2})(?:\s*[两二三]?类)?/.exec(lead);
  if (letters && /类/.test(letters[0])) {
    const tokens = [letters[1] ?? '', ...(letters[2] ?? '').split('、').filter(Boolean).map((token) => token.replace('类', ''))];
    return tokens.map((token) => classLetter[token] as 'A' | 'B' | 'C');
  }
  const places = /([^、,]{1,4}、){1,2}[^、,]{1,4}地区/.exec(lead);
  if (!places) return undefined;
  return (['A', 'B', 'C'] as const).slice(0, (places[0].match(/、/g)?.length ?? 0) + 1);
}

/**
 * Where the quote starts: the phrase naming the figure when it is in the same clause (城市低保A类由500元…,
 * 全区养老床位总数达6331张), else the figure's own phrase — its class (B类由240元…), its scope (农村每人每年…),
 * its previous value, or the first item of the list whose unit it shares (每月378元和268元).
 */
function quoteStartOf(text: string, value: Reading, resolved: Resolved, earlier: Reading[]): number {
  const own = (reading: Reading) => {
    const first = reading.previous ?? reading.amount;
    return first.markerStart ?? first.start;
  };
  let start = own(value);
  // A unit written once for the list: start at the item that states it.
  if (value.amount.inherited && !value.previous) {
    const stating = [...earlier].reverse().find((r) => r.amount.end <= value.amount.start && !r.amount.inherited);
    if (stating && !/[,;:。]/.test(text.slice(stating.amount.end, value.amount.start))) start = own(stating);
  }
  const category = /(?:[A-Da-d]|[一二三四五])类\s*(?:由|从|为|是|:)?\s*(?:原来的|原|现在的|现行的?)?\s*$/.exec(text.slice(0, start));
  if (category) start = category.index;
  const scope = /(?:城市|城镇|农村)\s*$/.exec(text.slice(0, start));
  if (scope) start = scope.index;
  if (resolved.after) start = Math.min(start, resolved.mention.start);
  else {
    // The subject itself when nothing but words stand between it and the figure.
    const adjacent = (from: number) => !/[,，;:：、。]/.test(text.slice(Math.max(from, resolved.mention.end), start)) && !earlier.some((r) => r.amount.start >= from && r.amount.start < start);
    if (resolved.inSentence && resolved.groupStart >= 0 && resolved.groupStart <= start && adjacent(resolved.groupStart)) start = resolved.groupStart;
    // A subject named in an earlier sentence, referred to here as 保障标准: the clause starts at that phrase.
    // (or the standard of the people named in an earlier clause: 城市低保对象3.2万人,平均保障标准612元/人.月).
    else if (resolved.generic && (!resolved.inSentence || resolved.mention.population) && resolved.generic.start <= start && adjacent(resolved.generic.start)) start = resolved.generic.start;
  }
  const lead = leadWords.exec(text.slice(0, start));
  if (lead) start = lead.index;
  return start;
}

/** The body's text for [start, end) of a sentence, trimmed; never across Markdown marks. */
function quoteOf(body: string, sentence: Sentence, start: number, end: number): string | undefined {
  let from = start;
  for (const match of sentence.reading.slice(start, end).matchAll(markup)) from = start + (match.index ?? 0) + match[0].length;
  if (end <= from) return undefined;
  const quote = body.slice(sentence.at[from], (sentence.at[end - 1] ?? 0) + 1).trim();
  return quote.length >= 2 ? quote : undefined;
}

function isTarget(kind: string | undefined, text: string, value: Reading, effective: string | undefined, subjectStart: number): boolean {
  if (kind === 'notice' || value.previous || effective) return false;
  if (past.test(text)) return false;
  const lead = text.slice(Math.min(subjectStart, value.from), value.amount.start);
  if (kind === 'plan' || kind === 'task-list') return goal.test(lead) || explicitGoal.test(text.slice(0, value.amount.start));
  return explicitGoal.test(text.slice(0, value.amount.start));
}

/** Adds a figure unless the same one (metric, class, value, quote) is there already; whether it was added. */
function push(figures: MetricValueInput[], seen: Set<string>, figure: MetricValueInput): boolean {
  const key = `${figure.metric}|${figure.category ?? ''}|${figure.value}|${figure.quote}`;
  if (seen.has(key)) return false;
  seen.add(key);
  figures.push(figure);
  return true;
}
