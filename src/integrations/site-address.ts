/**
 * Logs, at the start of every build, which address the site's absolute links carry: a local build keeps working
 * with the placeholder and says so, and a published build's log shows the address it was given.
 */
import type { AstroIntegration } from 'astro';
import { siteAddress, siteAddressLine } from '../domain/site-address.ts';

export function siteAddressLog(): AstroIntegration {
  return {
    name: 'gongkai-site-address',
    hooks: {
      'astro:build:start': () => {
        // console, not Astro's logger: the line reads the same as the config's other `gongkai:` notices.
        console.log(siteAddressLine(siteAddress(process.env)));
      },
    },
  };
}
