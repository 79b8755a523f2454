/**
 * Where a document is from, read from the names it prints and resolved against the division table
 * (src/domain/regions.ts): the publisher ("上海市崇明区民政局" → shanghai/shanghai/chongming), the title, the
 * division code inside a 索引号 or a 网站标识码, and the places the body names most. A name two regions share
 * (朝阳区 is in 北京 and in 长春) counts only when the text also names one of their parents; otherwise the
 * region is left empty and the report says why.
 */
import type { Region } from '../../schemas/region.ts';
import type { RegionIndex } from '../regions.ts';

/** Endings a division name may carry; a stem is the name without one (资兴市 → 资兴). */
const endings = /(省|市|区|县|自治区|自治州|自治县|地区|盟|旗|特别行政区|维吾尔自治区|壮族自治区|回族自治区)$/;

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
  table = { full, stem, longest };
  tables.set(regions, table);
  return table;
}

/** Same-named province and municipality (上海市 the province and 上海市 the city level): one place. */
function collapseMunicipality(candidates: Region[]): Region[] {
  if (candidates.length === 2) {
    const [a, b] = candidates as [Region, Region];
    if (a.name === b.name && (b.parent === a.slug || a.parent === b.slug)) return [a.level === 'province' ? a : b];
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
 * The region the body is about: the most-named place, provided no place outside its lineage is named
 * nearly as often. Undefined when the text does not settle it.
 */
export function regionFromMentions(mentions: Mention[], regions: RegionIndex): { region?: Region; why: string } {
  const best = mentions[0];
  if (!best) return { why: 'the body names no place of the division table' };
  if (best.count < 2) return { why: `the body names ${best.region.name} only once` };
  const rival = mentions.find((m) => m !== best && !inLineage(m.region, best.region, regions) && !inLineage(best.region, m.region, regions) && m.count * 2 >= best.count);
  if (rival) return { why: `the body names ${best.region.name} ${best.count}× and ${rival.region.name} ${rival.count}×; neither settles it` };
  return { region: best.region, why: `the body names ${best.region.name} ${best.count}×` };
}

export function isWithin(region: Region, other: Region, regions: RegionIndex): boolean {
  return inLineage(region, other, regions) || inLineage(other, region, regions);
}
