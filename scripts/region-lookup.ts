#!/usr/bin/env node
/**
 * `node scripts/region-lookup.ts 辰溪 普陀`: prints every region whose name contains one of the words, with its
 * slug path and GB/T 2260 code — what a maintainer writes into `region:` when reviewing a draft.
 */
import { loadRegions } from '../src/domain/regions.ts';

const words = process.argv.slice(2);
if (words.length === 0 || words.includes('--help')) {
  console.log('usage: node scripts/region-lookup.ts NAME...   e.g. node scripts/region-lookup.ts 辰溪 普陀');
  process.exit(words.length === 0 ? 1 : 0);
}
const regions = loadRegions();
for (const word of words) {
  const found = regions.filter((region) => region.name.includes(word));
  if (found.length === 0) console.log(`${word}: no region of that name`);
  for (const region of found) console.log(`${word}: ${region.slug}  ${region.name} (${region.level}, ${region.code})`);
}
