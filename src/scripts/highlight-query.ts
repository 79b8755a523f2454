/**
 * On a document page opened from a search result (`?hl=<query>`), marks every match of the query in the
 * body and scrolls to the first, with the same matching rules as the search (white space, case and width
 * ignored). Part of the header's script, so document pages ship no other JavaScript.
 */
import { firstMatch, highlightRanges } from '../domain/search/excerpt.ts';

const query = new URLSearchParams(location.search).get('hl')?.trim();
const body = document.querySelector<HTMLElement>('.doc-body');

if (query && body) {
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const text = nodes.map((node) => node.data).join('');
  const first = firstMatch(text, query);
  const ranges = highlightRanges(text, query);
  // Wrap ranges from the end so earlier offsets stay valid; a range may span several text nodes.
  const starts: number[] = [];
  let offset = 0;
  for (const node of nodes) {
    starts.push(offset);
    offset += node.data.length;
  }
  let firstMark: HTMLElement | null = null;
  for (const [start, end] of [...ranges].sort((a, b) => b[0] - a[0])) {
    for (let i = nodes.length - 1; i >= 0; i--) {
      const node = nodes[i]!;
      const nodeStart = starts[i]!;
      const nodeEnd = nodeStart + node.data.length;
      if (nodeEnd <= start || nodeStart >= end) continue;
      const from = Math.max(start, nodeStart) - nodeStart;
      const to = Math.min(end, nodeEnd) - nodeStart;
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      range.surroundContents(mark);
      if (first && start === first.offset) firstMark = mark;
    }
  }
  if (firstMark) {
    firstMark.setAttribute('tabindex', '-1');
    firstMark.scrollIntoView({ block: 'center' });
    firstMark.focus({ preventScroll: true });
  }
}
