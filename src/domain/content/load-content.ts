/** Reads and validates content/ in one step: the entry point for the build, `npm run check` and tests. Node only. */
import { loadRegions, RegionIndex } from '../regions.ts';
import { readContentSources } from './read-content.ts';
import { validateContent, type ValidationResult } from './validate-content.ts';

export function loadContent(root: string): ValidationResult {
  return validateContent(readContentSources(root), new RegionIndex(loadRegions()));
}
