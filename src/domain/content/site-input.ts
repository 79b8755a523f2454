/**
 * The site model's input read straight from the content files, for work done outside Astro's page pipeline (the
 * chart CSVs and data files, written after the pages: src/integrations/bulk-outputs.ts). It reads what the
 * content loaders hand Astro's collections (src/lib/content-loaders.ts) — every document's front matter checked
 * by its schema, the metric and topic definitions, the division table's regions — so `buildSiteModel` of it is
 * the model the pages render from. Validation has passed before it runs (Astro syncs content before the build
 * starts), so the cross-file checks are not repeated: a file that no longer reads as valid is an error naming it
 * (it changed during the build). Node only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { metricDefinitionSchema, type MetricDefinition } from '../../schemas/metric.ts';
import { topicSchema, type Topic } from '../../schemas/topic.ts';
import type { Region } from '../../schemas/region.ts';
import { loadRegions } from '../regions.ts';
import type { ModelDocument, SiteModelInput } from '../site-model.ts';
import { formatContentIssues, type ContentIssue } from './content-issue.ts';
import { listContentFiles } from './content-files.ts';
import { readValidDocument } from './document-files.ts';
import { readDefinitions } from './validate-content.ts';

/** The definitions as validation reads them; a problem here means the file changed after validation passed. */
function validatedDefinitions<T>(root: string, paths: readonly string[], schema: Parameters<typeof readDefinitions<T>>[1]): [string, T][] {
  const issues: ContentIssue[] = [];
  const definitions = readDefinitions(paths.map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') })), schema, issues);
  if (issues.length > 0) throw new Error(`${issues[0]!.file} is not a valid definition, though content validation passed before the build read it (was it edited during the build?):\n${formatContentIssues(issues)}`);
  return [...definitions];
}

/** What `buildSiteModel` needs, from the content folder `root` (the folder holding content/), in validation's file order. */
export function readSiteInput(root: string, regions: readonly Region[] = loadRegions()): SiteModelInput<ModelDocument> & { metrics: [string, MetricDefinition][]; topics: [string, Topic][] } {
  const files = listContentFiles(root);
  const documents = files.documents.map((path): ModelDocument => {
    const { id, data } = readValidDocument({ path, text: readFileSync(join(root, path), 'utf8') });
    return { id, data };
  });
  return { documents, regions, metrics: validatedDefinitions(root, files.metrics, metricDefinitionSchema), topics: validatedDefinitions(root, files.topics, topicSchema) };
}
