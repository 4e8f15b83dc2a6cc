import type { APIRoute } from 'astro';
import { entryMarkdown, getSite, type Entry } from '../../content';

export async function getStaticPaths() {
  const site = await getSite();
  return site.entries.map((entry) => ({ params: { name: entry.id }, props: { entry } }));
}

export const GET: APIRoute<{ entry: Entry }> = async ({ props }) => {
  const site = await getSite();
  return new Response(entryMarkdown(site, props.entry), { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
};
