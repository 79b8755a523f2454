/**
 * What the home page (`/`) shows: the counts, the newest figure of each metric (src/domain/headline-figures.ts)
 * with how many regions state it, the newest documents, the provinces with their document counts and the
 * metrics. Pure: src/lib/home-page.ts adds the figures' answers, src/pages/index.astro renders.
 */
import { headlineFigures, type HeadlineFigure } from './headline-figures.ts';
import { numberLabel } from './format-zh.ts';
import { regionsReporting } from './metric-coverage.ts';
import type { MetricPoint } from './metric-series.ts';
import { periodLabel } from './periods.ts';
import type { ModelDocument, SiteModel } from './site-model.ts';
import { metricPath, regionPath } from './urls.ts';

/** How many of the newest documents the home page lists; the document list has the rest. */
export const homeLatestCount = 8;

export interface HomeHeadlineFigure {
  point: MetricPoint;
  /** e.g. `A类 `: the figure's qualifiers and a space, or nothing. */
  qualifiers: string;
  value: string;
  unit: string;
  /** The id of the figure's citation block, `headline-<line>-<figure>-cite`. */
  citeId: string;
  /** What the cite button names: metric, qualifiers, value and unit. */
  citeLabel: string;
}

export interface HomeHeadline {
  line: HeadlineFigure;
  metricName: string;
  metricHref: string;
  /** How many regions state this metric: each line is one place's figure, never a national one. */
  regionCount: number;
  /** The region's full name, e.g. `安徽省 宣城市 宣州区`. */
  regionName: string;
  period: string;
  figures: HomeHeadlineFigure[];
}

export interface HomePageView<D extends ModelDocument = ModelDocument> {
  documentCount: number;
  figureCount: number;
  taskCount: number;
  headlines: HomeHeadline[];
  latest: readonly D[];
  provinces: { name: string; href: string; documentCount: number }[];
  metrics: { name: string; href: string; unit: string }[];
}

export function homePageView<D extends ModelDocument>(model: SiteModel<D>): HomePageView<D> {
  const { documents, metrics, regions } = model;
  const reporting = regionsReporting(model.figures.points);
  const headlines = headlineFigures(model.figures.points, metrics).map((line, n): HomeHeadline => {
    const metricName = metrics.get(line.metric)?.short_name ?? line.metric;
    return {
      line,
      metricName,
      metricHref: metricPath(line.metric),
      regionCount: reporting.get(line.metric) ?? 1,
      regionName: regions.fullName(line.region.slug),
      period: periodLabel(line.period),
      figures: line.points.map((point, i) => ({
        point,
        qualifiers: point.qualifiers.length > 0 ? `${point.qualifiers.join(' ')} ` : '',
        value: numberLabel(point.stated.value),
        unit: point.stated.unit,
        citeId: `headline-${n + 1}-${i + 1}-cite`,
        citeLabel: `${metricName} ${point.qualifiers.join(' ')} ${numberLabel(point.stated.value)} ${point.stated.unit}`,
      })),
    };
  });
  return {
    documentCount: documents.length,
    figureCount: documents.reduce((n, d) => n + d.data.metrics.length, 0),
    taskCount: documents.reduce((n, d) => n + d.data.tasks.length, 0),
    headlines,
    latest: documents.slice(0, homeLatestCount),
    provinces: regions.published
      .filter((region) => region.level === 'province')
      .map((region) => ({ name: region.name, href: regionPath(region.slug), documentCount: model.documentsWithin.get(region.slug)?.length ?? 0 })),
    metrics: [...metrics].map(([id, metric]) => ({ name: metric.name, href: metricPath(id), unit: metric.unit })),
  };
}
