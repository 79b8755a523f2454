/** `/tasks/status.csv`: exactly the rows of the task-status table on /tasks/. */
import type { APIRoute } from 'astro';
import { taskOverview } from '../../lib/figures.ts';
import { chartCsv } from '../../charts/chart-model.ts';

export const GET: APIRoute = async () => new Response(chartCsv((await taskOverview()).chart), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
