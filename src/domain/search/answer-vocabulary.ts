/**
 * The vocabulary the search page answers from (see answers.ts), built from the site's regions, metrics, topics
 * and abbreviation groups, with each word's pinyin worked out here so the browser needs no pinyin library.
 */
import { pinyin } from 'pinyin-pro';
import type { AnswerTerm, AnswerVocabulary, VocabularyWord } from './answers.ts';
import { normalise } from './normalise.ts';

export interface AnswerSources {
  regions: readonly { name: string; url: string; detail?: string }[];
  metrics: readonly { name: string; shortName: string; url: string; detail?: string }[];
  topics: readonly { name: string; url: string }[];
  /** Groups of forms that mean the same (content/search/abbreviations.yaml). */
  abbreviations: readonly (readonly string[])[];
}

/** China's 55 officially recognised minority nationalities, as autonomous areas' names write them before 族. */
const nationalities = '壮|回|藏|苗|彝|土家|蒙古|布依|侗|瑶|朝鲜|白|哈尼|哈萨克|黎|傣|畲|傈僳|仡佬|东乡|拉祜|水|佤|纳西|羌|土|仫佬|锡伯|柯尔克孜|达斡尔|景颇|毛南|撒拉|布朗|塔吉克|阿昌|普米|鄂温克|怒|京|基诺|德昂|保安|俄罗斯|裕固|乌孜别克|门巴|鄂伦春|独龙|塔塔尔|赫哲|珞巴|高山';

/**
 * Suffixes a region's name drops in speech and in queries: 资兴市 → 资兴, 广西壮族自治区 → 广西, 黔东南苗族侗族自治州
 * → 黔东南, 新疆维吾尔自治区 → 新疆. The first that leaves a stem of two characters or more is dropped (沙县 stays whole).
 */
const regionSuffixes = [new RegExp(`(?:(?:${nationalities})族|维吾尔)*自治(?:区|州|县|旗)$`, 'u'), /特别行政区$/u, /(?:地区|林区|矿区|新区)$/u, /[省市区县旗盟]$/u];

export function regionForms(name: string): string[] {
  const forms = [normalise(name)];
  for (const suffix of regionSuffixes) {
    const stem = name.replace(suffix, '');
    if (stem !== name && [...stem].length >= 2) {
      forms.push(normalise(stem));
      break;
    }
  }
  return unique(forms);
}

/** Qualifiers a metric's short name starts with that a reader often leaves out: 城市低保标准 → 低保标准. */
const metricQualifiers = /^(?:城乡|城市|农村|城镇)/u;

/**
 * A metric's forms: its name, its short name, and the short name with its abbreviation swapped for each other form
 * of the group (城市低保标准 → 城市最低生活保障标准). Only the longest form of a group the short name holds is
 * swapped, so 特困供养 is not read as 特困 + 供养.
 */
export function metricForms(name: string, shortName: string, abbreviations: readonly (readonly string[])[]): string[] {
  const forms = [name, shortName];
  for (const group of abbreviations) {
    const form = group.filter((f) => shortName.includes(f)).sort((a, b) => b.length - a.length)[0];
    if (form) for (const other of group) if (other !== form) forms.push(shortName.replace(form, other));
  }
  return unique(forms.map(normalise));
}

export function buildAnswerVocabulary(sources: AnswerSources): AnswerVocabulary {
  const terms: AnswerTerm[] = [];
  for (const region of sources.regions) terms.push({ kind: 'region', label: region.name, url: region.url, ...(region.detail ? { detail: region.detail } : {}), forms: regionForms(region.name) });
  for (const metric of sources.metrics) terms.push({ kind: 'metric', label: metric.name, url: metric.url, ...(metric.detail ? { detail: metric.detail } : {}), forms: metricForms(metric.name, metric.shortName, sources.abbreviations) });
  for (const topic of sources.topics) terms.push({ kind: 'topic', label: topic.name, url: topic.url, forms: [normalise(topic.name)] });

  const words = new Set<string>();
  for (const term of terms) for (const form of term.forms) words.add(form);
  for (const metric of sources.metrics) words.add(normalise(metric.shortName.replace(metricQualifiers, '')));
  for (const group of sources.abbreviations) for (const form of group) words.add(normalise(form));
  return { terms, words: [...words].filter((word) => [...word].length >= 2).sort().map(vocabularyWord) };
}

function vocabularyWord(word: string): VocabularyWord {
  const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' }).map((s) => s.toLowerCase());
  return { word, pinyin: syllables.join(''), initials: syllables.map((s) => s[0] ?? '').join('') };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** What a region's answer shows of its figures: the newest stated ones, a metric each. */
export interface AnswerFigure {
  metricShortName: string;
  qualifiers: readonly string[];
  /** As the document states it. */
  stated: { value: number; unit: string };
  periodKey: string;
  periodLabel: string;
  target: boolean;
}

/**
 * The line under a region's answer: where it is, then its newest figures as their documents state them,
 * `湖南省 郴州市 · 城市低保标准 690 元/人/月（2023年）`. Targets are left out: a reader asking for a place wants what is.
 */
export function regionAnswerDetail(place: string, figures: readonly AnswerFigure[], valueLabel: (value: number, unit: string) => string, maxFigures = 2): string {
  const shown: string[] = [];
  const metricsShown = new Set<string>();
  for (const figure of [...figures].filter((f) => !f.target).sort((a, b) => b.periodKey.localeCompare(a.periodKey))) {
    if (shown.length >= maxFigures) break;
    if (metricsShown.has(figure.metricShortName)) continue;
    metricsShown.add(figure.metricShortName);
    shown.push(`${[figure.metricShortName, ...figure.qualifiers].join(' ')} ${valueLabel(figure.stated.value, figure.stated.unit)}（${figure.periodLabel}）`);
  }
  return [place, ...shown].filter(Boolean).join(' · ');
}
