import type { APIRoute } from 'astro';
import { getSite, versionPaths } from '../../../content';
import { ProjectTypeIndexSchema, stableJson } from '../../../lib/exports/kbIndex';
import { readingPathExport } from '../../../lib/kb/readingPath';

export function getStaticPaths() {
  return versionPaths((site) => site.methodology.projectTypes.map((t) => ({ params: { type: t.id } })));
}

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite(params.version);
  const { links } = site;
  const type = site.methodology.projectTypes.find((t) => t.id === params.type)!;
  const path = readingPathExport(site.readingPaths.get(type.id)!, (name) => {
    const e = site.entryByName.get(name)!;
    return { title: e.data.title, description: e.data.description, url: links.absolute(links.entry(name)), words: e.data.words };
  });
  const index = ProjectTypeIndexSchema().parse({
    ...path,
    title: type.title,
    description: type.description,
    url: links.absolute(links.projectType(type.id)),
  });
  return new Response(stableJson(index), { headers: { 'content-type': 'application/json' } });
};
