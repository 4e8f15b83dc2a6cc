import type { APIRoute } from 'astro';
import { entryMarkdown, getSite, type Entry, versionPaths } from '../../../content';

export function getStaticPaths() {
  return versionPaths((site) => site.entries.map((entry) => ({ params: { name: entry.id }, props: { entry } })));
}

export const GET: APIRoute<{ entry: Entry }> = async ({ params, props }) => {
  const site = await getSite(params.version);
  return new Response(entryMarkdown(site, props.entry), { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
};
