/**
 * The inline script every page runs before anything in <body> is drawn, so a reader in 适老化 mode never sees the
 * page small first and then jump (the switch's own script, src/scripts/preferences.ts, is a deferred module).
 * `data-js` lets CSS keep the switch's place. Its CSP hash is computed once per build, not once per page.
 */
import { createHash } from 'node:crypto';
import { elderModeStorageKey } from '../scripts/elder-mode-key.ts';

export const earlyPreferencesScript = `document.documentElement.setAttribute('data-js','');try{if(localStorage.getItem(${JSON.stringify(elderModeStorageKey)})==='on')document.documentElement.setAttribute('data-elder','')}catch(e){}`;

/** For `Astro.csp.insertScriptHash`: the policy allows exactly this inline script. */
export const earlyPreferencesHash: `sha256-${string}` = `sha256-${createHash('sha256').update(earlyPreferencesScript).digest('base64')}`;
