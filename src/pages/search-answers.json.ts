/** `/search-answers.json`: the places, metrics and topics the search page answers from, fetched on a search. */
import type { APIRoute } from 'astro';
import { searchAnswerVocabulary } from '../lib/search-answers.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(await searchAnswerVocabulary()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
