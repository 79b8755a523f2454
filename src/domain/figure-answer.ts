/**
 * The answer to "what is the figure, and since when?", the same wherever a figure is shown (region, metric,
 * home and document pages): the value with its unit, what its class means, from when it applies, the value
 * before the raise, whether it is a goal or a reported result, 平均 where it is an average, the sentence that
 * states it with its link, the document's 编者注, and the figure's citation. Everything in it is stated by the
 * document or its editor; a field the document does not state is absent, and pages say so instead of guessing.
 */
import type { DocumentFrontmatter, DocumentKind } from '../schemas/document.ts';
import type { MetricDefinition, MetricValue } from '../schemas/metric.ts';
import { documentPath, quoteUrl } from './urls.ts';
import { citationTemplate, type CitationTemplate } from './citation.ts';
import { classMeaning, type ClassDefinition, type DibaoClass } from './dibao-classes.ts';
import { documentPeriodLabel } from './periods.ts';
import { figureQualifiers, figureView, type FigureView } from './figures.ts';

/** What the answer needs of a document. */
export interface AnswerDocument {
  id: string;
  data: Pick<DocumentFrontmatter, 'title' | 'kind' | 'period' | 'publisher' | 'published' | 'source' | 'note'>;
}

export interface FigureAnswer {
  metric: string;
  /** `城市最低生活保障标准`. */
  metricName: string;
  /** `A类`, `农村`, `平均`, `目标`. */
  qualifiers: string[];
  /** The value as stated, and per month where it was stated per year. */
  view: FigureView;
  /** What the class means (the document's definition, or 分类施保 in general). */
  classMeaning?: { text: string; fragment?: string };
  /** `YYYY-MM-DD` from which the value applies, where stated. */
  effective?: string;
  /** The value before the raise, in the stated unit, where stated. */
  previous?: { value: number; unit: string };
  /** A goal (目标), or what the document reports or sets (结果 / 标准), in words. */
  nature: { label: '目标' | '结果' | '标准'; text: string };
  /** Said beside every average: nobody receives it as such. */
  average?: string;
  quote: string;
  /** `/documents/<id>/#q-…`: the page that highlights the sentence. */
  url: string;
  documentId: string;
  documentTitle: string;
  /** The document's period in words: `2023年上半年`, `2021—2025年（“十四五”时期）`. */
  period: string;
  /** `standard` (a rate, which applies from a date) or `count` (beds). */
  measure: MetricDefinition['measure'];
  /** The document's 编者注, which can qualify any figure in it (a year that may be wrong, a pasted copy). */
  caveat?: string;
  citation: CitationTemplate;
}

const natureOfKind: Record<DocumentKind, FigureAnswer['nature']> = {
  summary: { label: '结果', text: '工作总结报告的已有数字，不是目标' },
  plan: { label: '结果', text: '计划中陈述的已有数字，不是目标' },
  'task-list': { label: '结果', text: '任务清单中陈述的已有数字，不是目标' },
  notice: { label: '标准', text: '标准通知规定执行的标准' },
};

export const averageText = '平均数：下辖各地标准的平均，没有人按这个数领取';

export interface AnswerContext {
  /** Absolute URL of a site path, for the citation. */
  absolute: (path: string) => string;
  /** The document's class definitions (src/domain/dibao-classes.ts), where any of its figures has a class. */
  classDefinitions?: ReadonlyMap<DibaoClass, ClassDefinition>;
}

export function figureAnswer(document: AnswerDocument, figure: MetricValue, metric: Pick<MetricDefinition, 'name' | 'unit' | 'conversions' | 'measure'>, context: AnswerContext): FigureAnswer {
  const url = quoteUrl(document.id, figure.quote);
  const meaning = classMeaning(figure.category, context.classDefinitions ?? new Map());
  return {
    metric: figure.metric,
    metricName: metric.name,
    qualifiers: figureQualifiers(figure),
    view: figureView(figure, metric),
    ...(meaning ? { classMeaning: meaning } : {}),
    ...(figure.effective ? { effective: figure.effective } : {}),
    ...(figure.previous !== undefined ? { previous: { value: figure.previous, unit: figure.unit } } : {}),
    nature: figure.target ? { label: '目标', text: '文件提出的目标，不是已实现的数字' } : natureOfKind[document.data.kind],
    ...(figure.average ? { average: averageText } : {}),
    quote: figure.quote,
    url,
    documentId: document.id,
    documentTitle: document.data.title,
    period: documentPeriodLabel(document.data),
    measure: metric.measure,
    ...(document.data.note ? { caveat: document.data.note } : {}),
    citation: citationTemplate({ data: document.data, url: context.absolute(url) }),
  };
}

/** The document's own citation (its page, not one sentence). */
export function documentCitation(document: AnswerDocument, absolute: (path: string) => string): CitationTemplate {
  return citationTemplate({ data: document.data, url: absolute(documentPath(document.id)) });
}
