#!/usr/bin/env node
/**
 * `npm run require-site`: exits 1, saying why and how to fix it, when `GONGKAI_SITE` is not a publishable
 * address. The deploy job runs it before building, so nothing is published with the placeholder address.
 */
import { publishAddressProblem, siteAddress } from '../src/domain/site-address.ts';

const problem = publishAddressProblem(process.env);
if (problem) {
  // On GitHub Actions the same words become an annotation on the run's summary page.
  if (process.env.GITHUB_ACTIONS === 'true') console.log(`::error title=GONGKAI_SITE missing::${problem}`);
  console.error(`require-site: ${problem}`);
  process.exit(1);
}
console.log(`require-site: publishing at ${siteAddress(process.env).url}`);
