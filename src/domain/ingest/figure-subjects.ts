/**
 * What an amount is about: the phrases that name a metric of the content model (城市低保, 农村特困人员,
 * 重度残疾人护理补贴, 散居孤儿, 护理型床位 …), the phrases that name something no metric holds (照料护理标准,
 * 高龄津贴, 认知障碍照护床位), and the phrases that name what a metric's `excludes` leaves out (月人均补差,
 * 补助水平, 保障金). An amount belongs to the nearest such phrase before it; a generic one (保障标准, 补贴标准)
 * says "a standard of the thing named before". All patterns run over the simplified reading.
 */

export type Scope = 'urban' | 'rural' | 'both';

/** A metric family: the metric ids it maps to depend on the scope (urban/rural) or the kind (orphans). */
export type Family = 'dibao' | 'tekun' | 'disability-living' | 'disability-care' | 'orphan-institutional' | 'orphan-dispersed' | 'elderly-care-beds' | 'nursing-beds' | 'nursing-bed-share' | 'new-elderly-care-beds';

export interface SubjectMention {
  start: number;
  end: number;
  /** The phrase as read, for reports. */
  text: string;
  /**
   * `model`: names metrics (`families`); `generic`: 保障标准, 补贴标准 — refers back to the last model subject;
   * `outside`: a civil-affairs figure no metric holds (reported as not in the model); `ignored`: not a
   * civil-affairs standard at all (最低工资标准) or a count that no figure is read from.
   */
  role: 'model' | 'generic' | 'outside' | 'ignored';
  families: Family[];
  scope?: Scope;
  /** Ends with 占比/比例: a share, read with a percentage. */
  share?: boolean;
  /** Whether this is about beds (张). */
  beds?: boolean;
  /** Names the people a programme covers (低保对象): holds an amount only through a 标准 after it. */
  population?: boolean;
}

const scopeWords = String.raw`(城乡|(?:城市|城镇)(?:居民)?[、和与及](?:农村|乡村)|城市|城镇|市区|农村牧区|农村|乡村)?(?:居民)?`;

/** `{ scope }` for a scope word, `{}` without one. */
function scoped(word: string | undefined): Partial<SubjectMention> {
  const scope = scopeOf(word);
  return scope ? { scope } : {};
}

function scopeOf(word: string | undefined): Scope | undefined {
  if (!word) return undefined;
  if (word === '城乡' || (/城/.test(word) && /农|乡/.test(word))) return 'both';
  return /农|乡/.test(word) ? 'rural' : 'urban';
}

interface Rule {
  pattern: RegExp;
  make: (match: RegExpExecArray, text: string) => Omit<SubjectMention, 'start' | 'end' | 'text'> | undefined;
}

const model = (families: Family[], extra: Partial<SubjectMention> = {}) => ({ role: 'model' as const, families, ...extra });
const outside = (extra: Partial<SubjectMention> = {}) => ({ role: 'outside' as const, families: [], ...extra });
const ignored = { role: 'ignored' as const, families: [] };

/**
 * The phrases, most specific first; at one position the first rule that matches wins, and a later match may
 * not start inside an earlier one.
 */
const rules: Rule[] = [
  // What a standard's `excludes` leaves out: averages paid, top-ups, money (人均补助113元, 月人均补差, 保障金).
  { pattern: /(?:月|年)?(?:人均|平均)(?:实际)?(?:补助|补差|救助)(?:水平|标准)?|人月平均补差|(?:补助|补差|救助)水平|补差|保障金|低保金|救助金|补助资金|补发|提标补助/g, make: () => outside() },
  { pattern: /照料护理(?:标准|补贴)?|护理标准|(?:半自理|不能自理|全自理|半护理|全护理)[^,;。]{0,6}特困人员/g, make: () => outside() },
  // A national or other place's figure quoted for comparison: 全国现行平均低保标准.
  { pattern: /全国(?:现行)?(?:城乡)?(?:平)?均?(?:低保|最低生活保障)?(?:平均)?标准/g, make: () => outside() },
  { pattern: /医疗救助|封顶线/g, make: () => outside() },
  { pattern: /最低工资(?:标准)?|(?:人均)?消费支出|(?:人均)?可支配收入|审核标准/g, make: () => ignored },
  { pattern: /高龄(?:津贴|补贴)|临时救助(?:标准)?|事实无人抚养儿童|困境儿童|一次性生活补贴|物价补贴|丧葬补助|殡葬补贴|养老服务补贴|服务补贴/g, make: () => outside() },
  // Beds.
  { pattern: /(?:养老机构)?护理型床位(?:占比|比例|占养老床位(?:总数)?的?比(?:例|重)?)/g, make: () => model(['nursing-beds'], { share: true }) },
  { pattern: /新增(?:护理型床位|认知障碍照护床位)/g, make: () => outside({ beds: true }) },
  { pattern: /认知(?:障碍|症)?(?:照护|专区)?床位|家庭养老(?:照护)?床位|家庭照护床位|社会力量举办床位|(?:民办|公办)(?:养老机构)?床位|每千名?老年人(?:拥有)?(?:养老)?床位(?:数)?/g, make: () => outside({ beds: true }) },
  { pattern: /护理型(?:养老)?床位(?:总数|总量|数)?/g, make: () => model(['nursing-beds'], { beds: true }) },
  { pattern: /新增(?:养老)?床位|新建养老床位|养老床位新增/g, make: () => model(['new-elderly-care-beds'], { beds: true }) },
  { pattern: /养老(?:机构|服务)?总?床位(?:总数|总量|数)?/g, make: () => model(['elderly-care-beds'], { beds: true }) },
  { pattern: /床位(?:数)?/g, make: () => outside({ beds: true }) },
  // Orphans: 机构集中养育 / 社会散居; an orphan standard that says neither is not one the model can hold.
  // Both kinds named as a pair, as 城乡 names both scopes: 孤儿集中、分散供养标准分别为…, 机构、散居孤儿 (a 分别 list takes them in order).
  { pattern: /孤儿(?:机构|集中)(?:养育|供养)?[、和与及](?:社会)?(?:散居|分散)(?:养育|供养)?|(?:机构|集中)(?:养育|供养)?[、和与及](?:社会)?(?:散居|分散)(?:养育|供养)?孤儿/g, make: () => model(['orphan-institutional', 'orphan-dispersed']) },
  { pattern: /(?:机构集中养育|机构养育|集中养育|集中供养|福利机构|机构)孤儿/g, make: () => model(['orphan-institutional']) },
  { pattern: /(?:社会散居|散居|分散供养|分散养育)\s*孤儿/g, make: () => model(['orphan-dispersed']) },
  { pattern: /孤儿/g, make: () => outside() },
  // 两项补贴 for persons with disabilities.
  { pattern: /两项补贴/g, make: () => model(['disability-living', 'disability-care']) },
  { pattern: /(?:困难)?残疾人生活补贴|生活补贴/g, make: (_m, text) => (/残疾/.test(text) ? model(['disability-living']) : undefined) },
  { pattern: /(?:重度)?残疾人护理补贴|护理补贴/g, make: (_m, text) => (/残疾/.test(text) ? model(['disability-care']) : undefined) },
  // 特困 (五保 is its older name, rural only).
  { pattern: new RegExp(String.raw`${scopeWords}(?:特困人员|特困供养人员|特困供养|特困)`, 'g'), make: (m) => model(['tekun'], scoped(m[1])) },
  { pattern: /五保(?:供养)?/g, make: () => model(['tekun'], { scope: 'rural' }) },
  // 低保, but not the people, households or money it names (低保对象, 低保家庭, 低保金).
  {
    pattern: new RegExp(String.raw`${scopeWords}(?:[A-Da-d一二三四]类)?(?:最低生活保障|低保)(?!对象|家庭|户|资金|边缘|人员|人口|条件|范围|审批|专项|政策|制度|治理|金)`, 'g'),
    make: (m) => model(['dibao'], scoped(m[1])),
  },
  // The people a programme covers (城市低保对象, 农村低保家庭) name it for a standard stated after them
  // (城市低保对象…平均保障标准569元), never for a sum or a count: `population` holds only through a 标准.
  {
    pattern: new RegExp(String.raw`${scopeWords}(?:最低生活保障|低保)(?:对象|家庭|户|人员)`, 'g'),
    make: (m) => model(['dibao'], { ...scoped(m[1]), population: true }),
  },
  // A standard of whatever was named before: 保障标准在原基础上增加30元达到180元, 补贴标准为每人每月410元.
  { pattern: /(?:保障|补助|补贴|救助|供养|基本生活)?标准/g, make: () => ({ role: 'generic', families: [] }) },
];

/** The subject phrases of a sentence, in order, none inside another. `context` is the paragraph (for 残疾). */
export function subjectsIn(reading: string, context: string): SubjectMention[] {
  const found: SubjectMention[] = [];
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    for (const match of reading.matchAll(rule.pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (match[0].length === 0 || found.some((other) => start < other.end && other.start < end)) continue;
      const made = rule.make(match as unknown as RegExpExecArray, context);
      if (made) found.push({ start, end, text: match[0], ...made });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A scope written on its own before an amount: 城市每人每月300元、农村每人每年1930元. */
export function scopeMarkerIn(text: string): Scope | undefined {
  const matches = [...text.matchAll(/(城乡|城市|城镇|农村)/g)];
  return scopeOf(matches.at(-1)?.[1]);
}

/** A class written before an amount: A类, 一类 (→ A), 二类, 三类; 四类 and beyond are not classes of the model. */
export function categoryIn(text: string): { category?: 'A' | 'B' | 'C'; index: number } | undefined {
  const matches = [...text.matchAll(/(?<![A-Za-z])([A-Da-d]|[一二三四五])类/g)];
  const last = matches.at(-1);
  if (!last) return undefined;
  const letter = ({ 一: 'A', 二: 'B', 三: 'C' } as Record<string, string>)[last[1] ?? ''] ?? (last[1] ?? '').toUpperCase();
  return { ...(letter === 'A' || letter === 'B' || letter === 'C' ? { category: letter } : {}), index: last.index ?? 0 };
}
