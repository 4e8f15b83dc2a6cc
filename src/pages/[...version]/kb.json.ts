import type { APIRoute } from 'astro';
import { getSite, versionPaths } from '../../content';
import { bodyHeadings } from '../../lib/schema/bodyRef';
import { KbIndexSchema, stableJsonChunks } from '../../lib/exports/kbIndex';
import { textStream } from '../../lib/exports/textStream';

export const getStaticPaths = () => versionPaths();

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite(params.version);
  const { links } = site;
  const typesOf = new Map<string, string[]>();
  for (const [type, path] of site.readingPaths) for (const item of path.items) typesOf.set(item.name, [...(typesOf.get(item.name) ?? []), type]);
  const schema = KbIndexSchema().shape;
  const site_ = schema.site.parse({ title: 'scaffold-kb', home: links.absolute(links.home()), version: site.version });
  // Each entry is made and checked when its turn comes: at 10,000 entries the file is 65 MB.
  const entries = function* () {
    for (const e of [...site.entries].sort((a, b) => a.id.localeCompare(b.id))) {
      yield schema.entries.element.parse({
        name: e.id,
        title: e.data.title,
        description: e.data.description,
        topics: e.data.topics,
        domain: e.data.domain,
        projectTypes: (typesOf.get(e.id) ?? []).sort(),
        url: links.absolute(links.entry(e.id)),
        markdownUrl: links.absolute(links.entryMarkdown(e.id)),
        headings: bodyHeadings(e.data.body).map((h) => ({ depth: h.depth, text: h.text, id: h.slug, url: links.absolute(links.entry(e.id, h.slug)) })),
      });
    }
  };
  return new Response(textStream(stableJsonChunks({ site: site_ }, 'entries', entries())), { headers: { 'content-type': 'application/json' } });
};
