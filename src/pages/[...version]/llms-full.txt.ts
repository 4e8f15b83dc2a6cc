import type { APIRoute } from 'astro';
import { entryMarkdown, getSite, versionPaths } from '../../content';
import { llmsFullTxt } from '../../lib/exports/llmsTxt';
import { textStream } from '../../lib/exports/textStream';

export const getStaticPaths = () => versionPaths();

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite(params.version);
  const parts = [...site.entries]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((e) => ({ title: e.data.title, url: site.links.absolute(site.links.entry(e.id)), markdown: () => entryMarkdown(site, e) }));
  return new Response(textStream(llmsFullTxt('scaffold-kb: every entry', parts)), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
