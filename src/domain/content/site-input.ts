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
import { formatContentIssues, issuesFromZod } from './content-issue.ts';
import { listContentFiles } from './content-files.ts';
import { readValidDocument } from './document-files.ts';
import { parseYamlFile } from './frontmatter.ts';
import { definitionId } from './validate-content.ts';

interface DefinitionSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError };
}

function readDefinitions<T>(root: string, paths: readonly string[], schema: DefinitionSchema<T>): [string, T][] {
  return paths.map((path) => {
    const data = parseYamlFile(readFileSync(join(root, path), 'utf8'));
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new Error(`${path} is not a valid definition, though content validation passed before the build read it (was it edited during the build?):\n${formatContentIssues(issuesFromZod(path, parsed.error, data))}`);
    return [definitionId(path), parsed.data];
  });
}

/** What `buildSiteModel` needs, from the content folder `root` (the folder holding content/), in validation's file order. */
export function readSiteInput(root: string, regions: readonly Region[] = loadRegions()): SiteModelInput<ModelDocument> & { metrics: [string, MetricDefinition][]; topics: [string, Topic][] } {
  const files = listContentFiles(root);
  const documents = files.documents.map((path): ModelDocument => {
    const { id, data } = readValidDocument({ path, text: readFileSync(join(root, path), 'utf8') });
    return { id, data };
  });
  return { documents, regions, metrics: readDefinitions(root, files.metrics, metricDefinitionSchema), topics: readDefinitions(root, files.topics, topicSchema) };
}
