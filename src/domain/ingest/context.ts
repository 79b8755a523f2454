/** The metrics, topics and regions of a project, for ingestion to work against. Node only. */
import { readContentSources } from '../content/read-content.ts';
import { validateContent } from '../content/validate-content.ts';
import { loadRegions, RegionIndex } from '../regions.ts';
import type { IngestContext } from './types.ts';

/** Reads content/metrics and content/topics under `root` (documents are not needed) and the division table. */
export function loadIngestContext(root: string): IngestContext {
  const sources = readContentSources(root);
  const regions = new RegionIndex(loadRegions());
  const { model } = validateContent({ documents: [], metrics: sources.metrics, topics: sources.topics }, regions);
  return { regions, metrics: model.metrics, topics: model.topics };
}
