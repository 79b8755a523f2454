/**
 * 适老化 mode: larger text and higher contrast, remembered across pages and visits (localStorage). The
 * switch is hidden until this script runs, so without JavaScript no dead control is shown.
 */
import { elderModeStorageKey as storageKey } from './elder-mode-key.ts';

function apply(on: boolean): void {
  document.documentElement.toggleAttribute('data-elder', on);
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-elder-toggle]')) {
    button.setAttribute('aria-pressed', String(on));
  }
}

function stored(): boolean {
  try {
    return localStorage.getItem(storageKey) === 'on';
  } catch {
    return false; // storage blocked (private mode): the switch still works for this page
  }
}

apply(stored());
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-elder-toggle]')) {
  button.hidden = false;
  button.addEventListener('click', () => {
    const on = !document.documentElement.hasAttribute('data-elder');
    apply(on);
    try {
      localStorage.setItem(storageKey, on ? 'on' : 'off');
    } catch {
      /* not remembered, still applied */
    }
  });
}
