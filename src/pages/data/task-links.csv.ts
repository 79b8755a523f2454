/** `/data/task-links.csv`: one row per confirmed link between a task and the earlier task it continues (docs/data.md). */
import type { APIRoute } from 'astro';
import { openDataContext } from '../../lib/figures.ts';
import { taskLinks } from '../../lib/task-history.ts';
import { taskLinksCsv } from '../../domain/task-history.ts';

export const GET: APIRoute = async () =>
  new Response(taskLinksCsv(await taskLinks(), await openDataContext()), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
