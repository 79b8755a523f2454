#!/usr/bin/env node
/** `npm run check`: validates every file of content/ without building, and reports every error found. */
import { formatContentIssues } from '../src/domain/content/content-issue.ts';
import { loadContent } from '../src/domain/content/load-content.ts';

const root = process.argv[2] ?? process.cwd();
const started = performance.now();
const { model, issues } = loadContent(root);
if (issues.length > 0) {
  console.error(formatContentIssues(issues));
  process.exit(1);
}
const figures = model.documents.reduce((sum, doc) => sum + doc.data.metrics.length, 0);
const tasks = model.documents.reduce((sum, doc) => sum + doc.data.tasks.length, 0);
console.log(
  `content OK: ${model.documents.length} documents, ${figures} figures, ${tasks} tasks, ${model.metrics.size} metrics, ${model.topics.size} topics (${Math.round(performance.now() - started)} ms)`,
);
