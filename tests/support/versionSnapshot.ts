import { buildAliases } from '../../src/lib/kb/aliases';
import { buildSiteData } from '../../src/lib/kb/siteModel';
import { entryTitle } from '../../src/lib/kb/titles';
import { createLinks } from '../../src/lib/links';
import type { VersionSnapshot } from '../../src/lib/versions/types';
import { renderTree } from '../../src/render/renderTree';
import { loadTree } from '../../src/tree/loadTree';

/**
 * A content folder as the loader would hand it to the comparison: the same reading, rendering,
 * titles, aliases and site model as src/loaders/loadSite.ts, on one thread and without pages.
 */
export function versionSnapshot(contentDir: string, name: string, date: string | null = null): VersionSnapshot {
  const { tree } = loadTree(contentDir);
  const links = createLinks('');
  const rendered = renderTree(tree, links);
  const headings = new Map([...rendered.entries].map(([entry, body]) => [entry, body.headings]));
  const titles = new Map(
    tree.entries.map((e) => [e.name, entryTitle({ name: e.name, frontmatterTitle: (e.data as Record<string, unknown>).title, heading: rendered.entries.get(e.name)?.title })]),
  );
  const aliases = buildAliases(tree, undefined, (entry) => headings.get(entry)?.map((h) => h.slug));
  if (aliases.problems.length) throw new Error(`${contentDir}: ${aliases.problems.map((p) => `${p.file} ${p.field}: ${p.expected}`).join('; ')}`);
  return { name, date, tree, titles, headings, model: buildSiteData(tree, titles, aliases.table, links) };
}
