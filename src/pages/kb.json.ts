import type { APIRoute } from 'astro';
import { getSite } from '../content';
import { bodyHeadings } from '../lib/schema/bodyRef';
import { KbIndexSchema, stableJson } from '../lib/exports/kbIndex';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const { links } = site;
  const typesOf = new Map<string, string[]>();
  for (const [type, path] of site.readingPaths) for (const item of path.items) typesOf.set(item.name, [...(typesOf.get(item.name) ?? []), type]);
  const index = KbIndexSchema().parse({
    site: { title: 'scaffold-kb', home: links.absolute(links.home()), version: site.version },
    entries: [...site.entries]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((e) => ({
        name: e.id,
        title: e.data.title,
        description: e.data.description,
        topics: e.data.topics,
        domain: e.data.domain,
        projectTypes: (typesOf.get(e.id) ?? []).sort(),
        url: links.absolute(links.entry(e.id)),
        markdownUrl: links.absolute(links.entryMarkdown(e.id)),
        headings: bodyHeadings(e.data.body).map((h) => ({ depth: h.depth, text: h.text, id: h.slug, url: links.absolute(links.entry(e.id, h.slug)) })),
      })),
  });
  return new Response(stableJson(index), { headers: { 'content-type': 'application/json' } });
};
