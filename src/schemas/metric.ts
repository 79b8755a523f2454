import { z } from 'zod';
import { calendarDateSchema } from './calendar-date.ts';

/**
 * A unit a figure may be stated in, with the factor that turns it into the metric's canonical unit.
 * A 低保 standard stated per year (元/人/年) is stored as stated and shown per month with factor 1/12.
 */
export const unitConversionSchema = z.object({
  /** The unit as stored in a document's figure, e.g. `元/人/年`. */
  unit: z.string().min(1),
  /** Multiply a value in `unit` by this to get the canonical unit, e.g. `0.083333` (1/12) for 元/人/年 → 元/人/月. */
  factor: z.number().positive(),
  /** How the conversion reads on a page, e.g. `按年标准 ÷ 12 折算为月标准`. */
  label: z.string().min(1),
}).strict();

/** The classes 低保 standards are split into in some places (A/B/C 类). */
export const metricCategories = ['A', 'B', 'C'] as const;
/** Urban (城市) or rural (农村), where the metric id does not already say which. */
export const metricScopes = ['urban', 'rural'] as const;

/** Definition of a metric, one YAML file per metric in `content/metrics/<id>.yaml`. */
export const metricDefinitionSchema = z.object({
  /** Chinese name, e.g. `城市最低生活保障标准`. */
  name: z.string().min(1),
  /** Short Chinese name for charts, e.g. `城市低保标准`. */
  short_name: z.string().min(1),
  /** English name, e.g. `Urban minimum living standard (dibao)`. */
  name_en: z.string().min(1),
  /** Canonical unit, e.g. `元/人/月` or `张`. */
  unit: z.string().min(1),
  /** Other units a document may state it in, with their conversion to `unit`. */
  conversions: z.array(unitConversionSchema).default([]),
  /** `standard` (a rate such as 元/人/月, compared as-is) or `count` (a stock or flow such as beds). */
  measure: z.enum(['standard', 'count']),
  /** What counts, in Chinese. */
  counts: z.string().min(1),
  /** What does not count, in Chinese. */
  excludes: z.string().min(1),
  /** Whether figures may carry a class (A/B/C), as 低保 does in some places. */
  has_categories: z.boolean().default(false),
  /** Topic id this metric belongs to, e.g. `social-assistance`. */
  topic: z.string().min(1),
  /** Order on pages; lower first. */
  order: z.number().int().default(100),
}).strict();

export type MetricDefinitionInput = z.input<typeof metricDefinitionSchema>;
export type MetricDefinition = z.output<typeof metricDefinitionSchema>;

/**
 * A figure a document states: one value of one metric, with the exact sentence fragment that states it. Strict, like
 * every schema of content: a misspelt key (`previosu`, `categroy`) is an error, never silently left out.
 */
export const metricValueSchema = z.object({
  /** Metric id (a file in content/metrics/), e.g. `dibao-urban`. */
  metric: z.string().min(1),
  /** The value as the document states it, in `unit`; never negative, e.g. `550`. */
  value: z.number().nonnegative(),
  /** The unit as the document states it, normalised, e.g. `元/人/月`; must be the metric's unit or one of its conversions. */
  unit: z.string().min(1),
  /** Class of the standard where the place has classes: `A` | `B` | `C`. */
  category: z.enum(metricCategories).optional(),
  /** `urban` | `rural`, only where the metric id does not say it. */
  scope: z.enum(metricScopes).optional(),
  /** The value before this raise, where the document states it (由500元提高至550元 → 500). */
  previous: z.number().nonnegative().optional(),
  /** Date from which the value applies, where the document gives it, e.g. `2023-01-01`. */
  effective: calendarDateSchema.optional(),
  /** `true` when the document states a goal (新增1万张 in a plan), not a result. */
  target: z.boolean().optional(),
  /** `true` when the value is an average over the region's subdivisions (全省城市低保平均标准), not a standard that applies as such. */
  average: z.boolean().optional(),
  /** The shortest exact fragment of the body that states the figure, e.g. `A类由500元/月.人提高至550元/月.人`. */
  quote: z.string().min(2),
}).strict();

export type MetricValueInput = z.input<typeof metricValueSchema>;
export type MetricValue = z.output<typeof metricValueSchema>;
