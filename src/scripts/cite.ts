/**
 * One-tap citations: each `button[data-cite]` copies the citation text it names (`data-cite` is the id of a
 * `.cite-text` element on the page), with the reader's date written into its 引用日期 at the moment of copying,
 * and says so in its own live region. The citation text is on the page whether or not this runs, so without
 * JavaScript it is selected and copied by hand; the buttons stay hidden until this module can serve them.
 * Loaded only by pages that render a CiteButton.
 */
import { accessDate } from '../domain/citation.ts';

function citationOf(id: string): HTMLElement | null {
  return document.getElementById(id)?.querySelector<HTMLElement>('[data-cite-text]') ?? null;
}

/** Writes today's date into every 引用日期 gap of `root`, so the text a reader sees is the text they copy. */
function dateCitations(root: ParentNode, today: string): void {
  for (const gap of root.querySelectorAll<HTMLElement>('[data-cite-date]')) gap.textContent = today;
}

function announce(status: HTMLElement | null, message: string): void {
  if (!status) return;
  // Cleared first, so the same message said twice (a second copy) is announced again.
  status.textContent = '';
  window.setTimeout(() => {
    status.textContent = message;
  }, 50);
}

/** The fallback where the Clipboard API is refused: select the text and ask the browser to copy it. */
function copyBySelection(text: HTMLElement): boolean {
  const range = document.createRange();
  range.selectNodeContents(text);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

async function copy(button: HTMLButtonElement): Promise<void> {
  const id = button.dataset.cite ?? '';
  const text = citationOf(id);
  const status = document.querySelector<HTMLElement>(`[data-cite-status="${CSS.escape(id)}"]`);
  if (!text) return;
  const today = accessDate(new Date());
  dateCitations(text, today);
  const citation = (text.textContent ?? '').trim();
  try {
    await navigator.clipboard.writeText(citation);
    announce(status, `已复制引用（引用日期 ${today}）`);
  } catch {
    announce(status, copyBySelection(text) ? `已复制引用（引用日期 ${today}）` : '未能自动复制：引用文字已选中，请长按或按 Ctrl+C 复制');
  }
}

dateCitations(document, accessDate(new Date()));
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-cite]')) {
  button.hidden = false;
  button.addEventListener('click', () => void copy(button));
}
