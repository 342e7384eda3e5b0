import type { APIRoute, GetStaticPaths } from 'astro';
import { getBanks, type ChapterBank } from '../../../content/catalog.ts';

/** One chapter's questions in the engine's shape; pages fetch only the chapters they need. */
export const getStaticPaths = (async () =>
  (await getBanks()).map((bank) => ({ params: { chapter: bank.chapter }, props: { bank } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ bank: ChapterBank }> = ({ props }) => Response.json(props.bank);
