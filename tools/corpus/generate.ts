/**
 * The benchmark's corpus: N realistic documents, as valid content files, from a seed. Pure: regions and source
 * texts come in, `{ path, text }` files come out, and the same seed always gives the same files.
 *
 * Shaped like the national site the product is meant to reach: bureaus of every level across all 31
 * provinces publish bundles in a year (a plan and its summary; a key-task list and the summary that reports on
 * it; a half-year summary), 2009–2026. Bodies are assembled from real legal texts and the bundled documents'
 * bodies; each figure's sentence is written into the body and quoted; a task list's tasks are reported on, with
 * evidence quotes, by the summary of the same bundle.
 */
import type { DocumentKind, Half } from '../../src/schemas/document.ts';
import type { Region } from '../../src/schemas/region.ts';
import { Random, hashString } from './random.ts';
import { isParagraph, type CorpusSources, type TextSource } from './text-sources.ts';

export const firstYear = 2009;
export const lastYear = 2026;
const yearCount = lastYear - firstYear + 1;

export interface CorpusOptions {
  /** How many documents. */
  docs: number;
  /** Seed of every random choice. */
  seed: number;
  /**
   * Plant copies for the shared-passage check (src/domain/reuse/): every `plantCopies`-th plan or summary
   * re-publishes a distinctive paragraph of the nearest earlier plan or summary of another region, as bureaus
   * do. Unset: no copies, and the corpus is byte for byte what it was before the option existed.
   */
  plantCopies?: number;
}

/** One document of the plan: what it is and where, before any text is made. */
export interface PlannedDocument {
  /** 0-based position in the corpus. */
  index: number;
  /** Path under content/documents without `.md`. */
  id: string;
  region: Region;
  year: number;
  half: Half | null;
  kind: DocumentKind;
  /** For a task list: the index of the summary (same bundle) that reports on its tasks. */
  reportedBy?: number;
  /** For a summary: the indexes of the task lists it reports on. */
  reportsOn: number[];
  /** A planted copy (`plantCopies`): the document whose paragraph this one re-publishes. */
  copiesFrom?: number;
  /** The documents that re-publish this one's planted paragraph. */
  copiedBy?: number[];
}

export interface CorpusPlan {
  seed: number;
  documents: PlannedDocument[];
}

export interface GeneratedFile {
  /** Path relative to the content root, e.g. `content/documents/anhui/xuancheng/xuanzhou/2023-year-plan.md`. */
  path: string;
  text: string;
}

type Bundle = readonly (readonly [DocumentKind, Half | null])[];

/** What a bureau publishes about one year, with how often (weights in percent). */
const bundles: readonly (readonly [Bundle, number])[] = [
  [[['plan', null]], 30],
  [[['plan', null], ['summary', null]], 20],
  [[['summary', 'H1']], 12],
  [[['summary', 'H1'], ['summary', null]], 8],
  [[['task-list', null], ['summary', null]], 10],
  [[['task-list', null]], 6],
  [[['plan', 'H2']], 4],
  [[['plan', null], ['summary', 'H1'], ['summary', null]], 10],
];
/** The first bundles, so even a tiny corpus has every kind and a task list with its summary. */
const openingBundles: readonly Bundle[] = [
  [['task-list', null], ['summary', null]],
  [['plan', null]],
  [['summary', 'H1']],
];

/**
 * Regions in the order bundles visit them: every province's regions spread evenly over the sequence (a
 * province with n regions recurs every 1/n of it), so a few hundred documents already reach all 31 provinces
 * and 100,000 give every region about one bundle a year.
 */
export function regionOrder(regions: readonly Region[], seed: number): Region[] {
  const random = new Random(seed, 'regions');
  const byProvince = new Map<string, Region[]>();
  for (const region of regions) {
    const province = region.slug.split('/')[0] ?? region.slug;
    const list = byProvince.get(province);
    if (list) list.push(region);
    else byProvince.set(province, [region]);
  }
  const keyed: { region: Region; key: number }[] = [];
  for (const list of byProvince.values()) {
    const offset = random.next();
    random.shuffle(list).forEach((region, k) => keyed.push({ region, key: (k + offset) / list.length }));
  }
  return keyed.sort((a, b) => a.key - b.key || a.region.code.localeCompare(b.region.code)).map((item) => item.region);
}

/** Plans the corpus: which documents, where, which year. Cheap even at 100,000 documents. */
export function planCorpus(options: CorpusOptions, regions: readonly Region[]): CorpusPlan {
  if (!Number.isInteger(options.docs) || options.docs < 1) throw new Error(`--docs must be a positive whole number, got ${options.docs}`);
  const random = new Random(options.seed, 'plan');
  const order = regionOrder(regions, options.seed);
  const documents: PlannedDocument[] = [];
  const stems = new Map<string, number>();
  for (let visit = 0; documents.length < options.docs; visit++) {
    const region = order[visit % order.length] as Region;
    const cycle = Math.floor(visit / order.length);
    // Each pass over the regions moves every region one year on, so at scale a region publishes every year.
    const year = firstYear + ((hashString(`${options.seed}/${region.slug}`) + cycle) % yearCount);
    const bundle = openingBundles[visit] ?? random.weighted(bundles);
    const members: PlannedDocument[] = [];
    for (const [kind, half] of bundle) {
      if (documents.length >= options.docs) break;
      const stem = `${year}-${half === null ? 'year' : half.toLowerCase()}-${kind}`;
      const key = `${region.slug}/${stem}`;
      const seen = (stems.get(key) ?? 0) + 1;
      stems.set(key, seen);
      const doc: PlannedDocument = { index: documents.length, id: seen === 1 ? key : `${key}-${seen}`, region, year, half, kind, reportsOn: [] };
      documents.push(doc);
      members.push(doc);
    }
    const summary = members.find((doc) => doc.kind === 'summary' && doc.half === null);
    for (const doc of members) {
      if (doc.kind === 'task-list' && summary) {
        doc.reportedBy = summary.index;
        summary.reportsOn.push(doc.index);
      }
    }
  }
  if (options.plantCopies !== undefined) plantCopies(documents, options.plantCopies);
  return { seed: options.seed, documents };
}

function plantCopies(documents: PlannedDocument[], every: number): void {
  if (!Number.isInteger(every) || every < 2) throw new Error(`--plant-copies must be a whole number of at least 2 (every n-th document), got ${every}`);
  const prose = (doc: PlannedDocument) => doc.kind !== 'task-list';
  for (let i = every - 1; i < documents.length; i += every) {
    const target = documents[i] as PlannedDocument;
    if (!prose(target)) continue;
    for (let j = i - 1; j >= 0; j--) {
      const source = documents[j] as PlannedDocument;
      if (!prose(source) || source.region.slug === target.region.slug || source.copiesFrom !== undefined) continue;
      target.copiesFrom = j;
      (source.copiedBy ??= []).push(i);
      break;
    }
  }
}

/**
 * The paragraph a planted copy re-publishes: three sentences with the source bureau's name and figures of its
 * own stream, so no other document says the same by chance.
 */
export function plantedParagraph(plan: CorpusPlan, sourceIndex: number): string[] {
  const source = plan.documents[sourceIndex];
  if (!source) throw new Error(`no document ${sourceIndex} in a plan of ${plan.documents.length}`);
  const random = new Random(plan.seed, 'plant', sourceIndex);
  const publisher = publisherOf(source.region);
  return [
    `截至${random.int(3, 11)}月底，${publisher}累计为${random.int(1000, 99999)}名困难群众办理救助事项，其中上门服务${random.int(100, 9999)}人次。`,
    `${source.region.name}新建${random.pick(['社区食堂', '养老服务站', '儿童之家', '救助服务站'])}${random.int(2, 90)}个，覆盖${random.int(10, 300)}个村（社区）。`,
    `${publisher}将${random.pick(['“一门受理、协同办理”', '“物质+服务”救助', '居家养老上门服务'])}经验总结为${random.int(3, 12)}条做法，在${periodWords(source)}全面推开。`,
  ];
}

/** Every planted copy of a plan: which document re-publishes which one's paragraph. */
export function plantedCopies(plan: CorpusPlan): { source: string; target: string; sentences: string[] }[] {
  return plan.documents.flatMap((doc) => (doc.copiesFrom === undefined ? [] : [{ source: (plan.documents[doc.copiesFrom] as PlannedDocument).id, target: doc.id, sentences: plantedParagraph(plan, doc.copiesFrom) }]));
}

// ---------------------------------------------------------------------------------------------------------
// Words of the domain

const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const sectionTitles = [
  '聚焦困难群体，兜牢兜准民生底线',
  '健全养老服务体系，积极应对人口老龄化',
  '加强基层政权建设和社区治理',
  '规范社会组织登记管理',
  '深化殡葬改革，推进移风易俗',
  '做好儿童福利和未成年人保护工作',
  '落实优抚安置政策，巩固军政军民团结',
  '提升婚姻登记服务水平',
  '推进区划地名管理和地名文化保护',
  '发展慈善事业和社会工作',
  '做好救灾救助和防灾减灾工作',
  '保障残疾人合法权益',
  '加强民政法治建设',
  '强化党建引领，锤炼过硬队伍',
  '抓好安全生产和风险防范',
];
const taskTitles = [
  '稳步提高城乡居民最低生活保障标准',
  '健全分层分类的社会救助体系',
  '完善特困人员救助供养制度',
  '推进居家和社区养老服务网络建设',
  '实施特殊困难老年人家庭适老化改造',
  '提升养老机构护理型床位占比',
  '开展老年助餐服务',
  '加强养老服务综合监管',
  '落实困难残疾人生活补贴和重度残疾人护理补贴',
  '做好孤儿和事实无人抚养儿童保障',
  '加强农村留守儿童关爱保护',
  '推进未成年人保护工作站建设',
  '健全基层群众自治组织机制',
  '推进城乡社区综合服务设施建设',
  '开展村（居）民委员会换届选举指导',
  '规范村务公开和民主管理',
  '培育发展社区社会组织',
  '开展社会组织年检和等级评估',
  '打击整治非法社会组织',
  '推进殡葬设施建设',
  '规范殡葬服务收费',
  '推行节地生态安葬',
  '提升婚姻登记规范化水平',
  '开展婚俗改革试点',
  '做好退役军人和其他优抚对象抚恤优待',
  '完成地名普查成果转化',
  '规范地名标志设置',
  '开展行政区域界线联合检查',
  '发展慈善事业，规范慈善募捐',
  '推进社会工作服务站建设',
  '做好自然灾害生活救助',
  '加强救灾物资储备',
  '开展低收入人口动态监测',
  '推进社会救助“一门受理、协同办理”',
  '开展临时救助“救急难”工作',
  '落实流浪乞讨人员救助管理',
  '推进民政服务事项“一网通办”',
  '开展民政领域安全生产专项整治',
  '加强民政政策法规宣传',
  '推进智慧民政信息平台建设',
  '完善精神障碍社区康复服务',
  '推进志愿服务记录与证明工作',
];
const taskGroups = ['全会确定的重点任务', '政府工作报告重点工作', '民生实事项目', '常规重点工作'];
const owners = ['社会救助科', '养老服务科', '儿童福利科', '基层政权建设和社区治理科', '社会组织管理科', '社会事务科', '区划地名科', '慈善事业促进和社会工作科', '办公室', '政策法规科', '救助管理站'];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const givenNames = ['建国', '文娟', '利宏', '谋瑜', '海燕', '志强', '晓明', '丽华', '国平', '春梅', '永胜', '秀英', '伟', '敏', '静', '军', '磊', '洋', '勇', '艳'];
const planTitles = ['工作计划', '工作要点', '工作安排'];
const notes = [
  '原文未列标题，标题为编者所加。',
  '删去网页末尾的下载提示和分享按钮。',
  '原网页将正文重复粘贴一次，本站只保留一份。',
  '原文表格跨页断开的单元格已并回所在行。',
];

/** Topics a figure's metric belongs to, so a document with a 低保 figure is tagged social-assistance. */
const metricTopics: Record<string, string> = {
  'dibao-urban': 'social-assistance',
  'dibao-rural': 'social-assistance',
  'tekun-urban': 'social-assistance',
  'tekun-rural': 'social-assistance',
  'disability-living-subsidy': 'disability',
  'disability-care-subsidy': 'disability',
  'elderly-care-beds': 'elderly-care',
  'nursing-beds': 'elderly-care',
  'new-elderly-care-beds': 'elderly-care',
  'nursing-bed-share': 'elderly-care',
  'orphan-allowance-institutional': 'child-welfare',
  'orphan-allowance-dispersed': 'child-welfare',
};
export const topicIds = [
  'social-assistance',
  'elderly-care',
  'child-welfare',
  'veterans',
  'community-governance',
  'social-organizations',
  'funeral-services',
  'marriage-registration',
  'place-names',
  'charity',
  'disaster-relief',
  'disability',
];

// ---------------------------------------------------------------------------------------------------------
// Figures: a sentence in the body, and the front-matter item that quotes it

interface Figure {
  metric: string;
  value: number;
  unit: string;
  category?: 'A' | 'B' | 'C';
  previous?: number;
  effective?: string;
  target?: boolean;
  /** Exact fragment written into the body. */
  quote: string;
}

/** How well a province pays (0.75–1.35), so charts compare places that differ. */
function provinceFactor(region: Region, seed: number): number {
  return 0.75 + (hashString(`${seed}/${region.slug.split('/')[0]}`) % 61) / 100;
}

/** 全区 / 全县 / 全市 / 全省: how a bureau names its own territory. */
function territoryWord(region: Region): string {
  if (region.level === 'province') return /市$/.test(region.name) ? '市' : /自治区$/.test(region.name) ? '区' : '省';
  if (region.level === 'city') return /州$/.test(region.name) ? '州' : /盟$/.test(region.name) ? '盟' : '市';
  const last = region.name.slice(-1);
  return '区县市旗'.includes(last) ? last : '县';
}

const round5 = (value: number) => Math.max(5, Math.round(value / 5) * 5);

function figuresFor(doc: PlannedDocument, random: Random, seed: number): Figure[] {
  const factor = provinceFactor(doc.region, seed);
  const years = doc.year - firstYear;
  const urban = round5(300 * factor * 1.07 ** years);
  const rural = Math.round(180 * factor * 1.09 ** years);
  const word = territoryWord(doc.region);
  const bedsBase = doc.region.level === 'county' ? 2000 : doc.region.level === 'city' ? 15000 : 150000;
  const beds = Math.round(bedsBase * (0.6 + (hashString(doc.region.slug) % 100) / 50) * 1.05 ** years);
  const figures: Figure[] = [];

  if (doc.kind === 'plan') {
    if (random.chance(0.5)) {
      const value = Math.max(10, Math.round(beds * random.int(3, 8) / 100 / 10) * 10);
      figures.push({ metric: 'new-elderly-care-beds', value, unit: '张', target: true, quote: `新增养老床位${value}张` });
    }
    if (random.chance(0.3)) {
      figures.push({ metric: 'dibao-urban', value: urban, unit: '元/人/月', target: true, quote: `城市低保标准提高到${urban}元/人/月` });
    }
    return figures;
  }
  if (doc.kind === 'task-list') {
    if (random.chance(0.4)) {
      figures.push({ metric: 'dibao-urban', value: urban, unit: '元/人/月', quote: `城市最低生活保障标准为${urban}元/月/人` });
      figures.push({ metric: 'dibao-rural', value: rural, unit: '元/人/月', quote: `农村最低生活保障标准为${rural}元/月/人` });
    }
    return figures;
  }
  // Summaries state most figures, as real ones do.
  if (random.chance(0.55)) {
    const previous = round5(urban / 1.07);
    const effective = random.chance(0.4) ? `${doc.year}-01-01` : undefined;
    if (random.chance(0.25)) {
      const classes = [['A', 1], ['B', 0.8], ['C', 0.65]] as const;
      classes.forEach(([category, share], i) => {
        const value = round5(urban * share);
        const before = round5(previous * share);
        const quote = `${i === 0 ? '城市低保' : ''}${category}类由${before}元/月.人提高至${value}元/月.人`;
        figures.push({ metric: 'dibao-urban', value, unit: '元/人/月', category, previous: before, ...(effective ? { effective } : {}), quote });
      });
    } else {
      figures.push({ metric: 'dibao-urban', value: urban, unit: '元/人/月', previous, ...(effective ? { effective } : {}), quote: `城市低保标准由${previous}元/月.人提高至${urban}元/月.人` });
    }
  }
  if (random.chance(0.45)) {
    const value = rural * 12;
    const previous = Math.round(rural / 1.09) * 12;
    figures.push({ metric: 'dibao-rural', value, unit: '元/人/年', previous, quote: `农村低保标准由${previous}元/人/年提高到${value}元/人/年` });
  }
  if (random.chance(0.3)) {
    const value = round5(urban * 1.3);
    const previous = round5(value / 1.07);
    figures.push({ metric: 'tekun-urban', value, unit: '元/人/月', previous, quote: `城市特困人员基本生活标准由${previous}元/月.人提高到${value}元/月.人` });
  }
  if (random.chance(0.3)) {
    const value = rural * 12 + 1200;
    figures.push({ metric: 'tekun-rural', value, unit: '元/人/年', quote: `农村特困人员供养标准提高到每人每年${value}元` });
  }
  if (random.chance(0.25)) {
    const value = Math.round(50 * factor * 1.06 ** years);
    figures.push({ metric: 'disability-living-subsidy', value, unit: '元/人/月', quote: `困难残疾人生活补贴标准提高到每人每月${value}元` });
  }
  if (random.chance(0.25)) {
    const value = Math.round(60 * factor * 1.06 ** years);
    figures.push({ metric: 'disability-care-subsidy', value, unit: '元/人/月', quote: `重度残疾人护理补贴标准提高到每人每月${value}元` });
  }
  if (random.chance(0.4)) {
    figures.push({ metric: 'elderly-care-beds', value: beds, unit: '张', quote: `全${word}养老床位总数达${beds}张` });
    if (random.chance(0.6)) {
      const nursing = Math.round(beds * Math.min(0.65, 0.2 + 0.03 * years));
      figures.push({ metric: 'nursing-beds', value: nursing, unit: '张', quote: `护理型床位总数达${nursing}张` });
    }
  }
  if (random.chance(0.3)) {
    const value = Math.max(10, Math.round(beds * random.int(2, 6) / 100 / 10) * 10);
    figures.push({ metric: 'new-elderly-care-beds', value, unit: '张', quote: `全年新增养老床位${value}张` });
  }
  if (random.chance(0.2)) {
    const share = Math.min(70, 25 + 3 * years);
    figures.push({ metric: 'nursing-bed-share', value: share, unit: '%', quote: `护理型床位占比达到${share}%` });
  }
  if (random.chance(0.2)) {
    const institutional = Math.round(10 * Math.round((600 * factor * 1.06 ** years) / 10));
    const dispersed = Math.round(10 * Math.round((institutional * 0.75) / 10));
    figures.push({ metric: 'orphan-allowance-institutional', value: institutional, unit: '元/人/月', quote: `机构集中养育孤儿基本生活费提高到每人每月${institutional}元` });
    figures.push({ metric: 'orphan-allowance-dispersed', value: dispersed, unit: '元/人/月', quote: `社会散居孤儿基本生活费提高到每人每月${dispersed}元` });
  }
  return figures;
}

/** The paragraph that states some figures, in a bureau's words. */
function figureParagraph(doc: PlannedDocument, figures: Figure[], random: Random): string {
  const lead =
    doc.kind === 'plan'
      ? random.pick(['年内，', '全年计划', '力争', '确保'])
      : random.pick([`截至${doc.year}年${doc.half === 'H1' ? '6月底' : '底'}，`, '今年以来，', `${doc.region.name}持续提高保障水平，`, '']);
  const parts = figures.map((figure) => (figure.effective && figure.metric.startsWith('dibao') && figure.category !== 'B' && figure.category !== 'C' ? `自${doc.year}年1月1日起，${figure.quote}` : figure.quote));
  return `${lead}${parts.join('；')}${random.pick(['。', '，保障水平稳步提高。', '，各项资金按时足额发放到位。'])}`;
}

// ---------------------------------------------------------------------------------------------------------
// Tasks of a key-task list, and the summary's report on them

interface PlannedTask {
  id: string;
  group: string;
  title: string;
  goal: string;
  leader: string;
  owner: string;
}

/** A sentence of real running text, at most about `limit` characters, cut at a full stop. */
function sentenceFrom(sources: readonly TextSource[], random: Random, limit: number): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const source = random.pick(sources);
    if (source.blocks.length === 0) continue;
    const block = random.pick(source.blocks);
    if (!isParagraph(block) || block.length < 20) continue;
    const line = block.replace(/\s+/g, '').replace(/\|/g, '｜');
    const stop = line.lastIndexOf('。', limit);
    return stop > 10 ? line.slice(0, stop + 1) : `${line.slice(0, limit).replace(/[，；、：,;:。]+$/, '')}。`;
  }
  return '按照年度目标任务推进落实。';
}

/** A task list's rows; the same for the list and for the summary reporting on it (own random stream). */
function tasksOf(doc: PlannedDocument, sources: CorpusSources, seed: number): PlannedTask[] {
  const random = new Random(seed, 'tasks', doc.index);
  const groupCount = random.int(2, 4);
  const titles = random.shuffle(taskTitles);
  const tasks: PlannedTask[] = [];
  const unit = territoryWord(doc.region);
  for (let g = 0; g < groupCount; g++) {
    const group = `${ordinals[g]}、${g === 0 ? `${unit}委` : ''}${taskGroups[g] ?? '其他重点工作'}`;
    const rows = random.int(2, 7);
    for (let r = 0; r < rows && titles.length > 0; r++) {
      const title = titles.pop() as string;
      const leaders = random.int(1, 2);
      tasks.push({
        id: `${g + 1}-${r + 1}`,
        group,
        title,
        goal: sentenceFrom(random.chance(0.5) ? sources.documents : sources.laws, random, random.int(40, 220)),
        leader: Array.from({ length: leaders }, () => `${random.pick(surnames)}${random.pick(givenNames)}`).join(' '),
        owner: random.pick(owners),
      });
    }
  }
  return tasks;
}

type ReportedStatus = 'done' | 'in-progress' | 'not-started' | 'not-mentioned';

/** What the summary says about each task (own random stream, shared by list and summary). */
function reportOf(taskList: PlannedDocument, task: PlannedTask, seed: number): { status: ReportedStatus; quote?: string } {
  const random = new Random(seed, 'report', taskList.index, task.id);
  const status = random.weighted<ReportedStatus>([['done', 50], ['in-progress', 25], ['not-started', 5], ['not-mentioned', 20]]);
  switch (status) {
    case 'done':
      return { status, quote: `“${task.title}”${random.pick(['已全面完成', '已按期完成年度目标', '各项目标均已实现'])}` };
    case 'in-progress':
      return { status, quote: `“${task.title}”${random.pick(['正在有序推进', '已完成阶段性目标，正在持续推进'])}` };
    case 'not-started':
      return { status, quote: `“${task.title}”因条件尚不具备，尚未启动` };
    default:
      return { status };
  }
}

// ---------------------------------------------------------------------------------------------------------
// The document

/** Consecutive blocks of one real text, about `chars` characters. */
function passage(sources: CorpusSources, random: Random, chars: number): string[] {
  const pool = random.chance(0.3) ? sources.documents : sources.laws;
  for (let attempt = 0; attempt < 10; attempt++) {
    const source = random.pick(pool);
    if (source.blocks.length === 0) continue;
    const out: string[] = [];
    let length = 0;
    for (let i = random.int(0, Math.max(0, source.blocks.length - 3)); i < source.blocks.length && length < chars; i++) {
      const block = source.blocks[i] as string;
      out.push(block);
      length += block.length;
    }
    if (out.some(isParagraph)) return out;
  }
  return ['按照年度目标任务，扎实推进各项民政工作。'];
}

function periodWords(doc: PlannedDocument): string {
  return `${doc.year}年${doc.half === 'H1' ? '上半年' : doc.half === 'H2' ? '下半年' : ''}`;
}

function publisherOf(region: Region): string {
  return region.level === 'province' && !/市$/.test(region.name) ? `${region.name}民政厅` : `${region.name}民政局`;
}

function dateIn(random: Random, year: number, months: readonly [number, number]): string {
  const month = random.int(months[0], months[1]);
  return `${year}-${String(month).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
}

function publicationDate(doc: PlannedDocument, random: Random): string {
  if (doc.kind === 'summary') {
    if (doc.half === 'H1') return dateIn(random, doc.year, [7, 8]);
    return doc.year < lastYear ? dateIn(random, doc.year + 1, [1, 3]) : dateIn(random, doc.year, [12, 12]);
  }
  if (doc.half === 'H2') return dateIn(random, doc.year, [7, 8]);
  return dateIn(random, doc.year, [1, 4]);
}

const q = (text: string) => JSON.stringify(text);

function frontmatter(doc: PlannedDocument, fields: {
  title: string;
  editorial: boolean;
  publisher?: string;
  published?: string;
  source: { url?: string; index_no?: string; doc_no?: string };
  topics: string[];
  note?: string;
  figures: Figure[];
  tasks: { task: PlannedTask; status: string; evidence?: { document: string; quote: string } }[];
}): string {
  const lines = ['---', `title: ${q(fields.title)}`];
  if (fields.editorial) lines.push('title_editorial: true');
  lines.push(`kind: ${doc.kind}`, `period: { year: ${doc.year}, half: ${doc.half ?? 'null'} }`);
  if (fields.publisher) lines.push(`publisher: ${q(fields.publisher)}`);
  lines.push(`region: ${doc.region.slug}`);
  if (fields.published) lines.push(`published: ${fields.published}`, `written: ${fields.published}`);
  const source = Object.entries(fields.source).filter(([, value]) => value !== undefined);
  if (source.length > 0) lines.push('source:', ...source.map(([key, value]) => `  ${key}: ${q(value as string)}`));
  lines.push(`topics: [${fields.topics.join(', ')}]`);
  if (fields.note) lines.push(`note: ${q(fields.note)}`);
  if (fields.figures.length > 0) {
    lines.push('metrics:');
    for (const figure of fields.figures) {
      lines.push(`  - metric: ${figure.metric}`, `    value: ${figure.value}`, `    unit: ${q(figure.unit)}`);
      if (figure.category) lines.push(`    category: ${figure.category}`);
      if (figure.previous !== undefined) lines.push(`    previous: ${figure.previous}`);
      if (figure.effective) lines.push(`    effective: ${figure.effective}`);
      if (figure.target) lines.push('    target: true');
      lines.push(`    quote: ${q(figure.quote)}`);
    }
  }
  if (fields.tasks.length > 0) {
    lines.push('tasks:');
    for (const { task, status, evidence } of fields.tasks) {
      lines.push(
        `  - id: ${q(task.id)}`,
        `    group: ${q(task.group)}`,
        `    title: ${q(task.title)}`,
        `    goal: ${q(task.goal)}`,
        `    leader: ${q(task.leader)}`,
        `    owner: ${q(task.owner)}`,
        `    status: ${status}`,
      );
      if (evidence) lines.push(`    evidence: { document: ${q(evidence.document)}, quote: ${q(evidence.quote)} }`);
    }
  }
  lines.push('---', '');
  return lines.join('\n');
}

/** Generates document `index` of the plan: its file path and text. */
export function generateDocument(plan: CorpusPlan, index: number, sources: CorpusSources): GeneratedFile {
  const doc = plan.documents[index];
  if (!doc) throw new Error(`no document ${index} in a plan of ${plan.documents.length}`);
  if (sources.laws.length === 0 || sources.documents.length === 0) throw new Error('the corpus needs law texts and document bodies to draw from');
  const random = new Random(plan.seed, 'doc', index);
  const region = doc.region;
  const publisher = publisherOf(region);
  const named = random.chance(0.9);
  const figures = figuresFor(doc, random, plan.seed);
  const kindTitle = doc.kind === 'plan' ? random.pick(planTitles) : doc.kind === 'summary' ? (doc.half === 'H1' && random.chance(0.3) ? '工作总结及下半年工作计划' : '工作总结') : '重点工作任务清单';
  const title = `${publisher}${periodWords(doc)}${kindTitle}`;
  const editorial = random.chance(0.25);
  const published = random.chance(0.7) ? publicationDate(doc, random) : undefined;
  const host = region.slug.split('/').at(-1) ?? 'www';
  const source = {
    ...(random.chance(0.4) ? { url: `https://www.${host}.gov.cn/mzj/${doc.year}/${hashString(doc.id).toString(36)}.html` } : {}),
    ...(random.chance(0.5) ? { index_no: `${region.code}${hashString(`${doc.id}/i`).toString(36).toUpperCase()}/${doc.year}${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 99999)).padStart(5, '0')}` } : {}),
    ...(random.chance(0.3) ? { doc_no: `${region.name.slice(0, 2)}民发〔${doc.year}〕${random.int(1, 60)}号` } : {}),
  };
  const topics = [...new Set([...figures.map((f) => metricTopics[f.metric] as string), ...random.sample(topicIds, random.int(2, 8))])];
  const note = editorial ? notes[0] : random.chance(0.1) ? random.pick(notes.slice(1)) : undefined;

  const blocks: string[] = [];
  let tasks: { task: PlannedTask; status: string; evidence?: { document: string; quote: string } }[] = [];
  const figureText = figures.length > 0 ? figureParagraph(doc, figures, random) : undefined;

  if (doc.kind === 'task-list') {
    const summary = doc.reportedBy === undefined ? undefined : plan.documents[doc.reportedBy];
    const rows = tasksOf(doc, sources, plan.seed);
    tasks = rows.map((task) => {
      if (!summary) return { task, status: 'awaiting-summary' };
      const report = reportOf(doc, task, plan.seed);
      return report.quote ? { task, status: report.status, evidence: { document: summary.id, quote: report.quote } } : { task, status: report.status };
    });
    blocks.push(`${doc.year}年${publisher}重点工作任务清单`);
    let group = '';
    for (const task of rows) {
      if (task.group !== group) {
        group = task.group;
        blocks.push(`## ${group}`);
        blocks.push(['| 序号 | 重点工作事项 | 工作目标 | 分管领导 | 责任科室 |', '| --- | --- | --- | --- | --- |'].join('\n'));
      }
      const row = `| ${task.id.split('-')[1]} | ${task.title} | ${task.goal} | ${task.leader} | ${task.owner} |`;
      blocks[blocks.length - 1] += `\n${row}`;
    }
    if (figureText) blocks.push('## 主要指标', figureText);
  } else {
    const intro = `${periodWords(doc)}，${publisher}${doc.kind === 'plan' ? '工作将' : ''}在上级党委、政府的正确领导下，坚持以人民为中心，${doc.kind === 'plan' ? '围绕以下重点开展工作' : '扎实推进各项民政工作，现将有关情况报告如下'}：`;
    blocks.push(intro);
    // A planted copy stands after the introduction in both documents (own random stream: nothing else moves).
    const planted = doc.copiesFrom ?? (doc.copiedBy ? index : undefined);
    if (planted !== undefined) blocks.push(plantedParagraph(plan, planted).join(''));
    const target = Math.min(40000, Math.max(1200, Math.round(random.logNormal(4500, 0.55))));
    const sectionCount = Math.max(2, Math.min(ordinals.length, Math.round(target / 1200)));
    const titles = random.sample(sectionTitles, sectionCount);
    const figureSection = random.int(0, titles.length - 1);
    titles.forEach((heading, s) => {
      blocks.push(`## ${ordinals[s]}、${heading}`);
      const body = passage(sources, random, target / sectionCount);
      if (s === figureSection && figureText) body.splice(random.int(0, body.length), 0, figureText);
      blocks.push(...body);
    });
    const reports = doc.reportsOn.flatMap((listIndex) => {
      const list = plan.documents[listIndex] as PlannedDocument;
      return tasksOf(list, sources, plan.seed).flatMap((task) => reportOf(list, task, plan.seed).quote ?? []);
    });
    if (reports.length > 0) {
      blocks.push(`## ${ordinals[titles.length] ?? '十三'}、重点工作任务完成情况`);
      blocks.push(`对照年初重点工作任务清单，${reports.join('；')}。`);
    }
  }

  const text = frontmatter(doc, { title, editorial, ...(named ? { publisher } : {}), ...(published ? { published } : {}), source, topics, ...(note ? { note } : {}), figures, tasks }) + '\n' + blocks.join('\n\n') + '\n';
  return { path: `content/documents/${doc.id}.md`, text };
}

/** Every document of the plan, one at a time (nothing is held but the one being made). */
export function* generateCorpus(plan: CorpusPlan, sources: CorpusSources): Generator<GeneratedFile> {
  for (let i = 0; i < plan.documents.length; i++) yield generateDocument(plan, i, sources);
}
