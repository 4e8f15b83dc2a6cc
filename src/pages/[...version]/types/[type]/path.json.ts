import type { APIRoute } from 'astro';
import { getSite, readingPathNav, versionPaths } from '../../../../content';

/** A type's reading path for entry pages opened from it (`?path=<type>`): small, fetched once per type. */
export function getStaticPaths() {
  return versionPaths((site) => site.methodology.projectTypes.map((t) => ({ params: { type: t.id } })));
}

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite(params.version);
  return new Response(JSON.stringify(readingPathNav(site, params.type!)), { headers: { 'content-type': 'application/json' } });
};
