import type { APIRoute } from 'astro';
import { getSite, versionPaths } from '../../content';
import { llmsTxt, type LlmsSection } from '../../lib/exports/llmsTxt';

export const getStaticPaths = () => versionPaths();

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite(params.version);
  const { links } = site;
  const link = (name: string) => {
    const e = site.entryByName.get(name)!;
    return { title: e.data.title, url: links.absolute(links.entry(name)), description: e.data.description };
  };
  // Each type's entries in reading order: the order its pipeline first needs them.
  const sections: LlmsSection[] = site.methodology.projectTypes.map((t) => ({
    heading: `${t.id} projects`,
    intro: t.description,
    links: site.readingPaths.get(t.id)!.items.filter((i) => site.entryByName.has(i.name)).map((i) => link(i.name)),
  }));
  const typed = new Set([...site.readingPaths.values()].flatMap((p) => p.items.map((i) => i.name)));
  const rest = site.entries.filter((e) => !typed.has(e.id)).map((e) => link(e.id));
  // llmstxt.org: a section named "Optional" holds what a reader with little context can skip.
  if (rest.length) sections.push({ heading: 'Optional', intro: 'Entries no project type reads: shared and cross-cutting guidance.', links: rest });
  const body = llmsTxt(
    'scaffold-kb',
    `Guidance from a scaffold knowledge base (${site.entries.length} entries) for AI-scaffolded projects, by project type.`,
    `Each link is an entry page; the same entry as markdown is at the same URL with .md instead of the trailing slash. Everything in one file: ${links.absolute(links.llmsFullTxt())}`,
    sections,
  );
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
