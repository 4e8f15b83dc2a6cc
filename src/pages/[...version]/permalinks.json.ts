import type { APIRoute } from 'astro';
import { getSite, versionPaths } from '../../content';
import { bodyHeadings } from '../../lib/schema/bodyRef';
import { stableJson } from '../../lib/exports/kbIndex';

/**
 * The entries and aliases half of `permalinks.json`; the permalinks integration adds the list
 * of pages once the build knows it, then checks the contract against an earlier build.
 */
export const getStaticPaths = () => versionPaths();

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite(params.version);
  const strip = (url: string) => url.slice(site.links.base.length);
  const entries = Object.fromEntries(
    [...site.entries]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((e) => [e.id, { url: strip(site.links.entry(e.id)), anchors: [...bodyHeadings(e.data.body).map((h) => h.slug), ...(site.aliases.anchors.get(e.id)?.keys() ?? [])].sort() }]),
  );
  const sortObj = <T>(m: Map<string, T>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));
  return new Response(
    stableJson({
      format: 1,
      pages: [],
      entries,
      aliases: { entries: sortObj(site.aliases.entries), anchors: sortObj(new Map([...site.aliases.anchors].map(([k, v]) => [k, sortObj(v)]))) },
    }),
    { headers: { 'content-type': 'application/json' } },
  );
};
