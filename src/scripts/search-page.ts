/**
 * The /search/ page in the browser: reads the query, filters and sort from the URL, asks the static index,
 * and renders results with DOM methods (text is never parsed as HTML). When the results have settled the
 * container carries `data-exact-count`; tests and outside checks rely on it.
 */
import { createSearchClient, type SearchResponse, type SearchResult } from '../domain/search/index.ts';
import { dateLabel } from '../domain/dates.ts';
import { directAnswers, splitQuery, suggestions, type AnswerKind, type AnswerVocabulary } from '../domain/search/answers.ts';
import { documentsPath, searchAnswersPath, searchIndexFilePath, searchPath, searchUrl } from '../domain/urls.ts';

const kindNames: Record<string, string> = { plan: '工作计划', summary: '工作总结', 'task-list': '重点工作任务清单', notice: '标准通知' };
const pageSize = 20;
const filterNames = ['region', 'year', 'kind', 'topic'] as const;

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const container = document.querySelector<HTMLElement>('[data-search-results]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
const answers = document.querySelector<HTMLElement>('[data-direct-answers]');

const answerKindNames: Record<AnswerKind, string> = { region: '地区', metric: '指标', topic: '主题' };

// The vocabulary is small (the site's places, metrics and topics) and fetched once, beside the first search.
let vocabularyPromise: Promise<AnswerVocabulary | undefined> | undefined;
function vocabulary(): Promise<AnswerVocabulary | undefined> {
  vocabularyPromise ??= fetch(searchAnswersPath)
    .then((response) => (response.ok ? (response.json() as Promise<AnswerVocabulary>) : undefined))
    .catch((error: unknown) => {
      // Answers are a help beside the documents: without them the search still works.
      console.error(error);
      return undefined;
    });
  return vocabularyPromise;
}

const client = createSearchClient({
  fetchFile: async (path) => {
    const response = await fetch(searchIndexFilePath(path));
    if (!response.ok) throw new Error(`search index file ${path}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  },
});

interface SearchState {
  q: string;
  filters: Partial<Record<(typeof filterNames)[number], string>>;
  sort: 'relevance' | 'date';
}

function stateFromUrl(): SearchState {
  const params = new URLSearchParams(location.search);
  const filters: SearchState['filters'] = {};
  for (const name of filterNames) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return { q: params.get('q')?.trim() ?? '', filters, sort: params.get('sort') === 'date' ? 'date' : 'relevance' };
}

function fillForm(state: SearchState): void {
  if (!form) return;
  (form.elements.namedItem('q') as HTMLInputElement).value = state.q;
  for (const name of filterNames) (form.elements.namedItem(name) as HTMLSelectElement).value = state.filters[name] ?? '';
  (form.elements.namedItem('sort') as HTMLSelectElement).value = state.sort;
  const set = filterNames.filter((name) => state.filters[name]).length + (state.sort === 'date' ? 1 : 0);
  const count = form.querySelector<HTMLElement>('[data-filter-count]');
  if (count) count.textContent = set > 0 ? `已选 ${set} 项` : '';
  const header = document.querySelector<HTMLInputElement>('#site-search');
  if (header) header.value = state.q;
}

function urlFor(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of filterNames) if (state.filters[name]) params.set(name, state.filters[name]!);
  if (state.sort === 'date') params.set('sort', 'date');
  const query = params.toString();
  // URLSearchParams, as the browser's own form submission encodes (`+` for spaces, `%2F`), so the address
  // bar reads the same whether the form was submitted with or without JavaScript.
  return query ? `${searchPath}?${query}` : searchPath;
}

/** Text with the given [start, end) ranges wrapped in <mark>. */
function highlighted(text: string, ranges: readonly (readonly [number, number])[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    fragment.append(text.slice(at, start));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    fragment.append(mark);
    at = end;
  }
  fragment.append(text.slice(at));
  return fragment;
}

function resultItem(result: SearchResult, query: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const link = document.createElement('a');
  link.className = 'search-result__title';
  // The document page reads `hl` and scrolls to the first match, highlighted.
  link.href = `${result.url}?hl=${encodeURIComponent(result.related ? result.related.form : query)}`;
  link.dataset.resultUrl = result.url;
  link.append(highlighted(result.title, result.titleHighlights));
  item.append(link);
  if (result.related) {
    const label = document.createElement('p');
    label.className = 'search-result__related';
    label.textContent = `相关结果：含“${result.related.form}”（“${result.related.replaces}”的另一种说法）`;
    item.append(label);
  }
  const meta = document.createElement('p');
  meta.className = 'doc-list__meta';
  for (const text of [result.meta.regionName, result.meta.period ?? `${result.meta.year}年`, kindNames[result.meta.kind] ?? result.meta.kind, result.meta.date ? `发布于 ${dateLabel(result.meta.date)}` : '']) {
    if (!text) continue;
    const span = document.createElement('span');
    span.textContent = text;
    meta.append(span);
  }
  item.append(meta);
  if (result.excerpt.text) {
    const excerpt = document.createElement('p');
    excerpt.className = 'search-result__excerpt';
    excerpt.append(highlighted(result.excerpt.text, result.excerpt.highlights));
    item.append(excerpt);
  }
  return item;
}

/** The region, metric and topic pages the query names, above the documents (never counted among them). */
function renderAnswers(query: string, words: AnswerVocabulary | undefined): void {
  if (!answers) return;
  answers.replaceChildren();
  const found = words ? directAnswers(query, words) : [];
  answers.hidden = found.length === 0;
  if (found.length === 0) return;
  const heading = document.createElement('h2');
  heading.className = 'direct-answers__heading';
  heading.textContent = '相关的地区、指标和主题';
  const list = document.createElement('ul');
  list.className = 'direct-answers';
  for (const { term } of found) {
    const item = document.createElement('li');
    const kind = document.createElement('span');
    kind.className = 'direct-answers__kind';
    kind.textContent = answerKindNames[term.kind];
    const link = document.createElement('a');
    link.href = term.url;
    link.dataset.directUrl = term.url;
    link.textContent = term.label;
    item.append(kind, link);
    if (term.detail) {
      const detail = document.createElement('p');
      detail.className = 'direct-answers__detail';
      detail.textContent = term.detail;
      item.append(detail);
    }
    list.append(item);
  }
  answers.append(heading, list);
}

/** A link that runs another search, for suggestions and the parts of a split query. */
function searchLink(q: string, filters: SearchState['filters']): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = searchUrl({ q, ...filters });
  link.dataset.suggestion = q;
  link.textContent = q;
  return link;
}

/** 「资兴」「低保标准」 with each part a link. */
function quotedLinks(parts: readonly string[], filters: SearchState['filters']): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of parts) fragment.append('「', searchLink(part, filters), '」');
  return fragment;
}

/** 您是不是要找：低保标准 — each word one tap from its own search. */
function suggestionLine(meant: readonly string[], filters: SearchState['filters']): HTMLParagraphElement {
  const line = document.createElement('p');
  line.className = 'search-suggestion';
  line.append('您是不是要找：');
  meant.forEach((word, i) => line.append(...(i > 0 ? ['、'] : []), searchLink(word, filters)));
  return line;
}

/**
 * What a search with no exact result offers: the words the reader probably meant, then the documents that hold
 * every part of the query (资兴低保标准 → 资兴 + 低保标准), said plainly to be no exact match; else a way on.
 */
async function renderNoExactResult(state: SearchState, words: AnswerVocabulary | undefined, list: HTMLOListElement): Promise<void> {
  if (!container || !status) return;
  const meant = words ? suggestions(state.q, words) : [];
  if (meant.length > 0) container.insertBefore(suggestionLine(meant, state.filters), list);
  const parts = words ? splitQuery(state.q, words) : undefined;
  if (parts) {
    const filters = Object.fromEntries(Object.entries(state.filters).filter(([, v]) => v));
    const split = await client.search(parts.join(' '), { filters, sort: state.sort, limit: pageSize });
    if (split.exactCount > 0) {
      const notice = document.createElement('p');
      notice.className = 'search-suggestion';
      notice.dataset.splitQuery = parts.join(' ');
      notice.append('没有找到完全一致的结果，以下是同时包含', quotedLinks(parts, state.filters), `的文件（${split.exactCount} 份）：`);
      container.insertBefore(notice, list);
      for (const result of split.results) list.append(resultItem(result, parts[0]!));
      if (split.exactCount > split.results.length) {
        const all = document.createElement('p');
        const link = document.createElement('a');
        link.href = searchUrl({ q: parts.join(' '), ...state.filters });
        link.textContent = `查看全部 ${split.exactCount} 份`;
        all.append(link);
        container.append(all);
      }
      return;
    }
  }
  if (meant.length === 0) {
    const way = document.createElement('p');
    way.className = 'search-suggestion';
    const link = document.createElement('a');
    link.href = documentsPath;
    link.textContent = '按年份、类型、主题浏览全部文件';
    way.append('请检查用字，或换一个更短的词；也可以', link, '。');
    container.insertBefore(way, list);
  }
}

let current: { state: SearchState; offset: number; list: HTMLOListElement | null; response: SearchResponse | null } | null = null;

async function run(state: SearchState, offset = 0): Promise<void> {
  if (!container || !status) return;
  container.setAttribute('aria-busy', 'true');
  container.removeAttribute('data-exact-count');
  if (offset === 0) container.replaceChildren();
  if (offset === 0 && answers) {
    answers.replaceChildren();
    answers.hidden = true;
  }
  if (!state.q) {
    status.textContent = '请输入要搜索的词语。';
    container.setAttribute('data-exact-count', '0');
    container.removeAttribute('aria-busy');
    if (more) more.hidden = true;
    return;
  }
  status.textContent = '正在搜索…';
  try {
    const filters = Object.fromEntries(Object.entries(state.filters).filter(([, v]) => v));
    // A new query shows its exact results first and only then looks for the other forms of its abbreviations:
    // their postings are the heaviest part of many first queries (五保 → 农村五保供养), and the exact results
    // and counts do not need them. Paging asks for both at once (the files are cached by then).
    const options = { filters, sort: state.sort, limit: pageSize, offset };
    const [first, words] = await Promise.all([client.search(state.q, { ...options, related: offset > 0 }), offset === 0 ? vocabulary() : Promise.resolve(undefined)]);
    let response = first;
    if (offset === 0) renderAnswers(state.q, words);
    let list = offset === 0 ? null : (current?.list ?? null);
    if (!list) {
      list = document.createElement('ol');
      list.className = 'doc-list search-results';
      container.append(list);
    }
    for (const result of response.results) list.append(resultItem(result, state.q));
    if (response.relatedPending) {
      if (response.exactCount > 0) status.textContent = `找到 ${response.exactCount} 份含“${state.q}”的文件，正在查找相关结果…`;
      const exactShown = response.results.length;
      response = await client.search(state.q, options);
      // Exact results come first in either answer, so what the first one showed is the start of this one.
      for (const result of response.results.slice(exactShown)) list.append(resultItem(result, state.q));
    }
    current = { state, offset, list, response };
    const shown = list.children.length;
    const total = response.exactCount + response.relatedCount;
    const nothing = response.exactCount === 0 && response.relatedCount === 0;
    if (nothing && offset === 0) await renderNoExactResult(state, words, list);
    // A query in pinyin may also match Latin text somewhere; the words it spells are offered all the same.
    else if (offset === 0 && words && /^[\sa-z0-9'-]+$/i.test(state.q)) {
      const meant = suggestions(state.q, words);
      if (meant.length > 0) container.insertBefore(suggestionLine(meant, state.filters), list);
    }
    status.textContent = nothing
      ? `没有找到含“${state.q}”的文件。`
      : `找到 ${response.exactCount} 份含“${state.q}”的文件${response.relatedCount ? `，另有 ${response.relatedCount} 份相关结果（含同义的全称或简称）` : ''}。`;
    if (more) more.hidden = nothing || shown >= total;
    container.setAttribute('data-exact-count', String(response.exactCount));
  } catch (error) {
    status.textContent = '搜索暂时无法使用，请稍后再试。';
    container.setAttribute('data-exact-count', '0');
    console.error(error);
  } finally {
    container.removeAttribute('aria-busy');
  }
}

if (form && container) {
  const state = stateFromUrl();
  fillForm(state);
  void run(state);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next: SearchState = {
      q: String(data.get('q') ?? '').trim(),
      filters: Object.fromEntries(filterNames.map((name) => [name, String(data.get(name) ?? '')]).filter(([, v]) => v)),
      sort: data.get('sort') === 'date' ? 'date' : 'relevance',
    };
    history.pushState(null, '', urlFor(next));
    fillForm(next);
    void run(next);
  });
  // Filters apply as soon as they change, like the submit button (the change event bubbles to the form).
  form.addEventListener('change', (event) => {
    const name = (event.target as HTMLInputElement | HTMLSelectElement | null)?.name;
    if (name && (name === 'sort' || (filterNames as readonly string[]).includes(name))) form.requestSubmit();
  });
  addEventListener('popstate', () => {
    const next = stateFromUrl();
    fillForm(next);
    void run(next);
  });
  more?.addEventListener('click', () => {
    if (!current) return;
    void run(current.state, current.offset + pageSize);
  });
}
