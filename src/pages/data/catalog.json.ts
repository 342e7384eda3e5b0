import type { APIRoute } from 'astro';
import { getCatalog } from '../../content/catalog.ts';

/** Chapters, sections and exam blueprints for the practice, exam and trainer pages. */
export const GET: APIRoute = async () => Response.json(await getCatalog());
