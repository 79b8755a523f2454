/** The vocabulary of /search-answers.json: the site's regions, metrics and topics for the search page's answers. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { abbreviationsPath } from '../domain/content/content-files.ts';
import { valueLabel } from '../domain/format-zh.ts';
import { periodLabel } from '../domain/periods.ts';
import { buildAnswerVocabulary, regionAnswerDetail } from '../domain/search/answer-vocabulary.ts';
import type { AnswerVocabulary } from '../domain/search/answers.ts';
import { loadAbbreviations } from '../domain/search/node.ts';
import { metricPath, regionPath } from '../domain/urls.ts';
import { contentRoot } from './content-loaders.ts';
import { siteModel } from './site-model.ts';

export async function searchAnswerVocabulary(): Promise<AnswerVocabulary> {
  const { regions, metrics, facets, figures } = await siteModel();
  const abbreviationsFile = join(contentRoot(), abbreviationsPath);
  const abbreviations = existsSync(abbreviationsFile) ? loadAbbreviations(abbreviationsFile) : [];
  return buildAnswerVocabulary({
    // A municipality's city level (上海市 under 上海市) would answer 上海 a second time under the same name.
    regions: regions.published.filter((region) => !region.parent || regions.bySlug.get(region.parent)?.name !== region.name).map((region) => {
      const place = region.parent ? regions.fullName(region.parent) : '';
      const regionFigures = (figures.byRegion.get(region.slug) ?? []).map((point) => ({
        metricShortName: metrics.get(point.metric)?.short_name ?? point.metric,
        qualifiers: point.qualifiers,
        stated: point.stated,
        periodKey: point.periodKey,
        periodLabel: periodLabel(point.period),
        target: point.target,
      }));
      const detail = regionAnswerDetail(place, regionFigures, valueLabel);
      return { name: region.name, url: regionPath(region.slug), ...(detail ? { detail } : {}) };
    }),
    metrics: [...metrics].map(([id, metric]) => {
      const regionCount = new Set((figures.byMetric.get(id) ?? []).map((point) => point.region.slug)).size;
      return { name: metric.name, shortName: metric.short_name, url: metricPath(id), ...(regionCount > 0 ? { detail: `${regionCount} 个地区的数字` } : {}) };
    }),
    // Only topics with documents have a list page.
    topics: facets.links.topic.map((topic) => ({ name: topic.label, url: topic.href })),
    abbreviations,
  });
}
