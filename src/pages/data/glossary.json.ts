import type { APIRoute } from 'astro';
import { getChapters } from '../../content/chapters.ts';
import { buildGlossary, toGlossaryEntry } from '../../content/glossary-data.ts';

/** Every glossary term with its pinyin, for the lookup box; fetched on first use. */
export const GET: APIRoute = async () => Response.json(buildGlossary(await getChapters()).map(toGlossaryEntry));
