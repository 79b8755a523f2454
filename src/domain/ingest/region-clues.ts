/**
 * Where a document is from, read from the names it prints and resolved against the division table
 * (src/domain/regions.ts): the publisher ("上海市崇明区民政局" → shanghai/shanghai/chongming), the title, the
 * division code inside a 索引号 or a 网站标识码, and the places the body names most. A name two regions share
 * (朝阳区 is in 北京 and in 长春) counts only when the text also names one of their parents; otherwise the
 * region is left empty and the report says why.
 */
import type { Region } from '../../schemas/region.ts';
import { pinyin } from 'pinyin-pro';
import type { RegionIndex } from '../regions.ts';

/** Endings a division name may carry; a stem is the name without one (资兴市 → 资兴). */
const endings = /(省|市|区|县|自治区|自治州|自治县|地区|盟|旗|特别行政区|维吾尔自治区|壮族自治区|回族自治区)$/;

/** The peoples autonomous prefectures are named after (恩施土家族苗族自治州, 巴音郭楞蒙古自治州): the official list. */
const prefecturePeoples = /(土家族|苗族|侗族|布依族|彝族|哈尼族|壮族|傣族|景颇族|白族|傈僳族|藏族|羌族|回族|朝鲜族|蒙古族|蒙古|哈萨克|柯尔克孜)+自治州$/;

/**
 * The names an autonomous prefecture goes by, as its own pages write them: the place without its peoples
 * (巴音郭楞, 湘西), that place with 州 (湘西州, 昌吉州), and for a four-character place its first character with 州
 * (巴州 for 巴音郭楞, 博州 for 博尔塔拉, 克州 for 克孜勒苏). A short name another division also has (巴州区's
 * stem 巴州) is ambiguous and settled by the other clues like any shared name.
 */
function prefectureShortNames(name: string): string[] {
  const peoples = prefecturePeoples.exec(name);
  if (!peoples) return [];
  const place = name.slice(0, peoples.index);
  if (place.length < 2) return [];
  return [...new Set([place, `${place}州`, ...(place.length === 4 ? [`${place[0]}州`] : [])])];
}

interface NameTable {
  /** Regions by full name. */
  full: Map<string, Region[]>;
  /** Regions by stem (two characters or more). */
  stem: Map<string, Region[]>;
  longest: number;
}

const tables = new WeakMap<RegionIndex, NameTable>();

function nameTable(regions: RegionIndex): NameTable {
  let table = tables.get(regions);
  if (table) return table;
  const full = new Map<string, Region[]>();
  const stem = new Map<string, Region[]>();
  let longest = 0;
  for (const region of regions.all) {
    if (/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(region.name)) continue;
    full.set(region.name, [...(full.get(region.name) ?? []), region]);
    longest = Math.max(longest, region.name.length);
    const short = region.name.replace(endings, '');
    if (short !== region.name && short.length >= 2) stem.set(short, [...(stem.get(short) ?? []), region]);
  }
  // After every name is known: a prefecture's bare place name (海南 of 海南藏族自治州) that is already another
  // division's name or stem (海南省) stays that division's; its 州 forms are added either way.
  for (const region of regions.all) {
    for (const alias of prefectureShortNames(region.name)) {
      if (!alias.endsWith('州') && (stem.has(alias) || full.has(alias))) continue;
      stem.set(alias, [...(stem.get(alias) ?? []), region]);
    }
  }
  table = { full, stem, longest };
  tables.set(regions, table);
  return table;
}

/**
 * A region and its same-named child are one place, the parent: 上海市 the province and 上海市 the city level;
 * 中山市 the city and the county-level 中山市 the division table lists under it.
 */
function collapseMunicipality(candidates: Region[]): Region[] {
  if (candidates.length === 2) {
    const [a, b] = candidates as [Region, Region];
    if (a.name === b.name && (b.parent === a.slug || a.parent === b.slug)) return [b.parent === a.slug ? a : b];
  }
  return candidates;
}

function inLineage(region: Region, ancestor: Region, regions: RegionIndex): boolean {
  return regions.lineage(region.slug).some((r) => r.slug === ancestor.slug);
}

export interface NameResolution {
  region?: Region;
  /** Regions the name could be, when more than one. */
  ambiguous?: Region[];
  /** The division names read, e.g. `上海市` `崇明区`. */
  names: string[];
}

/**
 * Resolves a name such as `上海市崇明区民政局`, `沈阳市皇姑区` or `金坛`: reads division names from its start
 * (full names first, then stems) and keeps the region whose lineage holds all of them.
 */
export function regionFromName(name: string, regions: RegionIndex): NameResolution {
  const table = nameTable(regions);
  const text = name.replace(/^\s*\d{4}\s*年(度)?/, '').trim();
  const segments: Region[][] = [];
  const names: string[] = [];
  let at = 0;
  while (at < text.length) {
    let found: { length: number; regions: Region[] } | undefined;
    for (let length = Math.min(table.longest, text.length - at); length >= 2 && !found; length--) {
      const candidate = text.slice(at, at + length);
      const regionsNamed = table.full.get(candidate);
      if (regionsNamed) found = { length, regions: regionsNamed };
    }
    for (let length = Math.min(8, text.length - at); length >= 2 && !found; length--) {
      const candidate = text.slice(at, at + length);
      const regionsNamed = table.stem.get(candidate);
      if (regionsNamed) found = { length, regions: regionsNamed };
    }
    if (!found) break;
    segments.push(found.regions);
    names.push(text.slice(at, at + found.length));
    at += found.length;
  }
  const last = segments.at(-1);
  if (!last) return { names };
  let candidates = last.filter((region) => segments.slice(0, -1).every((segment) => segment.some((ancestor) => inLineage(region, ancestor, regions))));
  candidates = collapseMunicipality(candidates);
  if (candidates.length === 1) return { region: candidates[0] as Region, names };
  return candidates.length > 1 ? { ambiguous: candidates, names } : { names };
}

/** The region a 6-digit division code names, e.g. 341802 → anhui/xuancheng/xuanzhou. */
export function regionFromCode(code: string, regions: RegionIndex): Region | undefined {
  return regions.byCode.get(code);
}

/**
 * The division code inside a 索引号 that starts with a 统一社会信用代码 (11 + six-digit code + …), e.g.
 * `11341703003249426F/202308-00030` → 341703.
 */
export function indexNumberCode(indexNo: string): string | undefined {
  return /^\s*1[0-9A-Z](\d{6})[0-9A-Z]{9}[0-9A-Z]\b/.exec(indexNo)?.[1];
}

export interface Mention {
  region: Region;
  count: number;
}

/**
 * Counts the places a text names. Full names count everywhere; a stem (金坛 for 金坛区) counts when the full
 * name also appears or when it is followed by 民政 (金坛民政). Longer names win over names inside them.
 */
export function countMentions(text: string, regions: RegionIndex): { mentions: Mention[]; unresolved: { name: string; regions: Region[] }[] } {
  const table = nameTable(regions);
  const hits: { start: number; end: number; name: string; regions: Region[]; stem: boolean }[] = [];
  for (const [name, named] of table.full) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) hits.push({ start: at, end: at + name.length, name, regions: named, stem: false });
  }
  const fullNamesPresent = new Set(hits.flatMap((hit) => hit.regions.map((r) => r.slug)));
  for (const [stem, named] of table.stem) {
    for (let at = text.indexOf(stem); at >= 0; at = text.indexOf(stem, at + 1)) {
      const present = named.filter((region) => fullNamesPresent.has(region.slug));
      const followedByBureau = text.startsWith('民政', at + stem.length);
      if (present.length > 0) hits.push({ start: at, end: at + stem.length, name: stem, regions: present, stem: true });
      else if (followedByBureau) hits.push({ start: at, end: at + stem.length, name: stem, regions: named, stem: true });
    }
  }
  // Longest first; a hit inside an accepted longer hit (新区 inside 浦东新区) does not count.
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: { start: number; end: number }[] = [];
  const counts = new Map<string, Mention>();
  const ambiguousNames = new Map<string, Region[]>();
  const accepted: typeof hits = [];
  for (const hit of hits) {
    if (taken.some((span) => hit.start < span.end && hit.end > span.start)) continue;
    taken.push(hit);
    accepted.push(hit);
  }
  const mentionedSlugs = new Set(accepted.filter((hit) => hit.regions.length === 1).map((hit) => hit.regions[0]?.slug));
  for (const hit of accepted) {
    let named = collapseMunicipality(hit.regions);
    if (named.length > 1) {
      // 朝阳区: counts only for the one whose parent is also named in the text.
      const supported = named.filter((region) => regions.lineage(region.slug).slice(0, -1).some((ancestor) => mentionedSlugs.has(ancestor.slug) || text.includes(ancestor.name.replace(endings, ''))));
      if (supported.length !== 1) {
        ambiguousNames.set(hit.name, named);
        continue;
      }
      named = supported;
    }
    const region = named[0] as Region;
    const mention = counts.get(region.slug) ?? { region, count: 0 };
    mention.count += 1;
    counts.set(region.slug, mention);
  }
  const mentions = [...counts.values()].sort((a, b) => b.count - a.count || depth(b.region) - depth(a.region));
  return { mentions, unresolved: [...ambiguousNames].map(([name, named]) => ({ name, regions: named })) };
}

function depth(region: Region): number {
  return region.level === 'county' ? 3 : region.level === 'city' ? 2 : 1;
}

/**
 * Places a text names as its own: a name or stem followed by 民政 (its civil-affairs system, 海南省民政系统) or by
 * 人民 (its people, 将乐人民和全国人民一样). Each with the words read. A name two divisions share is left out.
 */
export function selfNamedPlaces(text: string, regions: RegionIndex): { region: Region; words: string }[] {
  const table = nameTable(regions);
  const found = new Map<string, { region: Region; words: string }>();
  const own = /^(?:民政|人民)/;
  for (const map of [table.full, table.stem]) {
    for (const [name, named] of map) {
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        const after = text.slice(at + name.length, at + name.length + 2);
        // 人民政府 is the government's name, not the place's people; it is read elsewhere.
        if (!own.test(after) || text.startsWith('人民政府', at + name.length)) continue;
        const candidates = collapseMunicipality(named);
        if (candidates.length !== 1) continue;
        const region = candidates[0] as Region;
        if (!found.has(region.slug)) found.set(region.slug, { region, words: `${name}${after}` });
      }
    }
  }
  return [...found.values()];
}

/**
 * The region the body is about: the most-named place, provided no place outside its lineage is named
 * nearly as often. Undefined when the text does not settle it.
 */
export function regionFromMentions(mentions: Mention[], regions: RegionIndex): { region?: Region; why: string } {
  const best = mentions[0];
  if (!best) return { why: 'the body names no place of the division table' };
  if (best.count < 2) {
    // 锦江区、青羊区、金牛区、武侯区: several places of one city, each named once, are that city's text.
    const cities = new Map<string, Mention[]>();
    for (const mention of mentions) if (mention.region.level === 'county' && mention.region.parent) cities.set(mention.region.parent, [...(cities.get(mention.region.parent) ?? []), mention]);
    const [city, within] = [...cities].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
    const region = city ? regions.bySlug.get(city) : undefined;
    const others = mentions.filter((m) => !within?.includes(m) && !(region && isWithin(m.region, region, regions)));
    if (region && within && within.length >= 3 && others.length < within.length) return { region, why: `the body names ${within.length} places of ${region.name} (${within.map((m) => m.region.name).join('、')})` };
    return { why: `the body names ${best.region.name} only once` };
  }
  const rival = mentions.find((m) => m !== best && !inLineage(m.region, best.region, regions) && !inLineage(best.region, m.region, regions) && m.count * 2 >= best.count);
  if (rival) {
    // 廊坊市 2× and 保定市 2× in a text that names 河北省: a report on the province they are both in.
    const rivals = mentions.filter((m) => m !== best && m.count * 2 >= best.count);
    const common = regions.lineage(best.region.slug).filter((ancestor) => rivals.every((m) => inLineage(m.region, ancestor, regions)));
    const named = common.reverse().find((ancestor) => mentions.some((m) => m.region.slug === ancestor.slug));
    if (named) return { region: named, why: `the body names places of ${named.name} (${[best, ...rivals].map((m) => `${m.region.name} ${m.count}×`).join(', ')}) and ${named.name} itself` };
    return { why: `the body names ${best.region.name} ${best.count}× and ${rival.region.name} ${rival.count}×; neither settles it` };
  }
  return { region: best.region, why: `the body names ${best.region.name} ${best.count}×` };
}

export function isWithin(region: Region, other: Region, regions: RegionIndex): boolean {
  return inLineage(region, other, regions) || inLineage(other, region, regions);
}

/**
 * Labels of a government host that name no place: the 民政局/民政厅 sub-sites (mzj, mzt), services and the
 * generic parts of a domain.
 */
const genericHostLabels = new Set(['www', 'gov', 'cn', 'com', 'net', 'org', 'm', 'wap', 'mzj', 'mzt', 'mz', 'mca', 'mzw', 'news', 'xxgk', 'zwgk', 'zfxxgk', 'sft', 'fgw', 'rd', 'rmzf', 'zw', 'info', 'web', 'english']);

interface HostTable {
  /** Regions by the pinyin of their name: the slug's last segment and, for polyphonic names, the other readings (jiangdu for 江都, slugged jiangdou). */
  spelled: Map<string, Region[]>;
  /** Regions by the initials of their name (xm 厦门, sh 上海, spb 沙坪坝). */
  initials: Map<string, Region[]>;
}

const hostTables = new WeakMap<RegionIndex, HostTable>();

/** The readings of a name stem: every combination of its characters' readings, capped so a long name stays cheap. */
function readings(stem: string): { spelled: string[]; initials: string[] } {
  let spelled = [''];
  let initials = [''];
  for (const character of stem) {
    const options = /[\u4e00-\u9fa5]/.test(character) ? pinyin(character, { multiple: true, toneType: 'none', type: 'array', v: true }) : [character.toLowerCase()];
    const syllables = [...new Set(options.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean))];
    if (syllables.length === 0) continue;
    spelled = spelled.flatMap((prefix) => syllables.map((s) => prefix + s)).slice(0, 16);
    initials = [...new Set(initials.flatMap((prefix) => syllables.map((s) => prefix + s[0])))].slice(0, 16);
  }
  return { spelled, initials };
}

function hostTable(regions: RegionIndex): HostTable {
  let table = hostTables.get(regions);
  if (table) return table;
  const spelled = new Map<string, Region[]>();
  const initials = new Map<string, Region[]>();
  const add = (map: Map<string, Region[]>, key: string, region: Region) => {
    const list = map.get(key) ?? [];
    if (!list.includes(region)) list.push(region);
    map.set(key, list);
  };
  for (const region of regions.all) {
    // The city-level twin of a municipality (shanghai/shanghai) is the province itself.
    if (region.level === 'city' && region.parent && regions.bySlug.get(region.parent)?.name === region.name) continue;
    const slugLabel = region.slug.split('/').at(-1) ?? '';
    add(spelled, slugLabel, region);
    const stem = region.name.replace(endings, '');
    const read = readings(stem.length >= 2 ? stem : region.name);
    for (const reading of read.spelled) add(spelled, reading, region);
    for (const reading of read.initials) if (reading.length >= 2) add(initials, reading, region);
  }
  table = { spelled, initials };
  hostTables.set(regions, table);
  return table;
}

export interface HostClue {
  /** The host label read, e.g. `chenxi` or `xjyiwu`. */
  label: string;
  /** Regions the label can name; one when it settles the place. */
  regions: Region[];
}

/**
 * Places a government site's address names. A county's or city's own site is its pinyin (www.chenxi.gov.cn →
 * 辰溪县) or its initials (mzj.xm.gov.cn → 厦门市), sometimes after its province's or city's initials
 * (xjyiwu.gov.cn → 新疆 伊吾县, www.cqspb.gov.cn → 重庆 沙坪坝区). The table is derived from the regions' names
 * and slugs, not typed by hand. Only *.gov.cn hosts count: a mirror's or a 文库's host says nothing of the
 * document's place. Labels are read from the most specific (leftmost) to the least; each clue lists the regions
 * it may name, to be settled by the other evidence when it names several.
 */
export function regionsFromHost(url: string, regions: RegionIndex): HostClue[] {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return [];
  }
  const table = hostTable(regions);
  if (!/\.gov\.cn$/.test(host)) return newsHostClues(host, table);
  const clues: HostClue[] = [];
  for (const label of host.split('.').filter((part) => !genericHostLabels.has(part) && /^[a-z]+$/.test(part))) {
    const found = new Set<Region>();
    for (const region of [...(table.spelled.get(label) ?? []), ...(table.initials.get(label) ?? [])]) found.add(region);
    // An ancestor's initials or pinyin before the region's own: xj + yiwu, cq + spb.
    for (let split = 2; split <= label.length - 2; split++) {
      const prefix = label.slice(0, split);
      const rest = label.slice(split);
      for (const region of [...(table.spelled.get(rest) ?? []), ...(table.initials.get(rest) ?? [])]) {
        const ancestors = regions.lineage(region.slug).slice(0, -1);
        if (ancestors.some((ancestor) => table.initials.get(prefix)?.includes(ancestor) || table.spelled.get(prefix)?.includes(ancestor))) found.add(region);
      }
    }
    if (found.size > 0) clues.push({ label, regions: [...found] });
  }
  return clues;
}

/**
 * A local news portal is named after its place in full pinyin and a word for news: www.dongyingnews.cn (东营),
 * zhuzhouribao.com (株洲). Only that form counts outside *.gov.cn: a mirror's or a 文库's host says nothing
 * of the document's place, and initials alone (xm, sx) name too many places.
 */
function newsHostClues(host: string, table: HostTable): HostClue[] {
  const clues: HostClue[] = [];
  for (const label of host.split('.')) {
    const named = /^([a-z]{4,})(?:news|ribao|daily|xinwen|wang|tv|online)$/.exec(label);
    const found = named?.[1] ? table.spelled.get(named[1]) : undefined;
    if (found && found.length > 0) clues.push({ label, regions: [...found] });
  }
  return clues;
}
