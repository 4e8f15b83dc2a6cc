import type { APIRoute } from 'astro';
import { entryMarkdown, getSite } from '../content';
import { llmsFullTxt } from '../lib/exports/llmsTxt';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const parts = [...site.entries]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((e) => ({ title: e.data.title, url: site.links.absolute(site.links.entry(e.id)), markdown: () => entryMarkdown(site, e) }));
  const encoder = new TextEncoder();
  const text = llmsFullTxt('scaffold-kb: every entry', parts);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = text.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
