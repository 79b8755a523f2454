import { describe, expect, it } from 'vitest';
import { documentPageView, type DocumentPageInput } from '../../src/domain/document-page.ts';
import { quoteAnchor } from '../../src/domain/anchors.ts';
import type { Task } from '../../src/schemas/task.ts';

const summaryQuote = '新建社区养老服务站12个';
const planTask: Task & { evidence: NonNullable<Task['evidence']> } = {
  id: '2-3',
  group: '二、养老服务',
  title: '新建社区养老服务站',
  status: 'done',
  evidence: { document: 'shanghai/shanghai/chongming/2023-year-summary', quote: summaryQuote },
};

function input(overrides: Partial<DocumentPageInput> = {}, data: Partial<DocumentPageInput['data']> = {}): DocumentPageInput {
  return {
    id: 'shanghai/shanghai/chongming/2023-year-summary',
    data: { title: '崇明区民政局2023年工作总结', kind: 'summary', period: { year: 2023, half: null }, publisher: '崇明区民政局', published: '2024-01-15', region: 'shanghai/shanghai/chongming', topics: ['elderly-care'], tasks: [], ...data },
    regionChain: [
      { slug: 'shanghai', name: '上海市' },
      { slug: 'shanghai/shanghai', name: '上海市' },
      { slug: 'shanghai/shanghai/chongming', name: '崇明区' },
    ],
    regionName: '上海市 崇明区',
    topicNames: new Map([['elderly-care', { name: '养老服务' }]]),
    headings: [
      { depth: 2, text: '一、主要工作', slug: 'h-1' },
      { depth: 3, text: '（一）养老服务', slug: 'h-2' },
      { depth: 4, text: '1. 社区养老', slug: 'h-3' },
    ],
    reported: [{ list: { id: 'shanghai/shanghai/chongming/2023-year-task-list', data: { title: '2023年重点工作任务清单' } }, task: planTask }],
    figureCount: 2,
    ...overrides,
  };
}

describe('the document page view', () => {
  it('shows a municipality once in the breadcrumb (上海市 › 崇明区, not 上海市 › 上海市 › 崇明区)', () => {
    expect(documentPageView(input()).breadcrumb).toEqual([
      { href: '/documents/', label: '文件' },
      { href: '/regions/shanghai/', label: '上海市' },
      { href: '/regions/shanghai/shanghai/chongming/', label: '崇明区' },
      { label: '崇明区民政局2023年工作总结' },
    ]);
  });

  it('links the region, the year, the kind and each topic to their lists', () => {
    const view = documentPageView(input());
    expect(view.region).toEqual({ href: '/regions/shanghai/shanghai/chongming/', label: '上海市 崇明区' });
    expect(view.period).toEqual({ href: '/documents/year/2023/', label: '2023年', term: '时期' });
    expect(view.kind).toEqual({ href: '/documents/kind/summary/', label: '工作总结' });
    expect(view.topics).toEqual([{ href: '/documents/topic/elderly-care/', label: '养老服务' }]);
  });

  it('calls a notice’s year 执行年度 and shows an unknown topic by its id', () => {
    const view = documentPageView(input({}, { kind: 'notice', topics: ['not-defined'] }));
    expect(view.period.term).toBe('执行年度');
    expect(view.topics).toEqual([{ href: '/documents/topic/not-defined/', label: 'not-defined' }]);
  });

  it('describes the document with its publisher, counts and the promise of a citation', () => {
    expect(documentPageView(input()).description).toBe('崇明区民政局2023年工作总结：崇明区民政局2023年工作总结。含 2 项指标数据，附原文出处与引用格式。');
    const { publisher: _none, ...anonymous } = input().data;
    const view = documentPageView({ ...input({ figureCount: 0 }), data: anonymous });
    expect(view.description).toBe('上海市 崇明区2023年工作总结：崇明区民政局2023年工作总结。附原文出处与引用格式。');
    expect(view.govMeta).toEqual({ ColumnName: '工作总结', ArticleTitle: '崇明区民政局2023年工作总结', ContentSource: '上海市 崇明区', PubDate: '2024-01-15' });
  });

  it('lists headings down to level 3 for the contents', () => {
    expect(documentPageView(input()).toc.map((h) => h.slug)).toEqual(['h-1', 'h-2']);
  });

  it('links a reported task to its row, its status definition and the quoted words on this page', () => {
    expect(documentPageView(input()).reported).toEqual([
      {
        title: '新建社区养老服务站',
        href: '/documents/shanghai/shanghai/chongming/2023-year-task-list/#task-2-3',
        listTitle: '2023年重点工作任务清单',
        status: { href: '/tasks/#status-done', label: '已完成' },
        evidence: { href: `#${quoteAnchor(summaryQuote)}`, label: `原文：${summaryQuote}` },
      },
    ]);
  });
});
