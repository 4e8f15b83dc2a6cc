import type { APIRoute } from 'astro';
import { getSite, readingPathNav } from '../../../content';

/** A type's reading path for entry pages opened from it (`?path=<type>`): small, fetched once per type. */
export async function getStaticPaths() {
  const site = await getSite();
  return site.methodology.projectTypes.map((t) => ({ params: { type: t.id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  return new Response(JSON.stringify(readingPathNav(site, params.type!)), { headers: { 'content-type': 'application/json' } });
};
