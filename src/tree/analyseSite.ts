import { resolve } from 'node:path';
import { createLinks } from '../lib/links';
import { buildAliases, type AliasTable } from '../lib/kb/aliases';
import { readSiteAliases } from './aliasesFile';
import { loadTree, type LoadedTree } from './loadTree';
import { withPositions } from './locate';
import { KnowledgeBaseError, type Problem } from '../lib/kb/problems';
import type { RenderedTree } from '../render/renderTree';
import type { KnowledgeTree } from '../lib/kb/types';
import type { Links } from '../lib/links';

export interface SiteInput {
  /** The content folder. */
  root: string;
  basePath: string;
  aliasesFile: string | undefined;
}

export interface SiteAnalysis extends LoadedTree {
  rendered: RenderedTree;
  aliases: AliasTable;
  /** Every warning of the tree, with lines where they have one. */
  warnings: Problem[];
}

export type TreeRenderer = (tree: KnowledgeTree, links: Links) => RenderedTree | Promise<RenderedTree>;

/**
 * Every check the build makes of a tree, in the build's order: files and schemas, references
 * between files, then the bodies (links, anchors, URLs), then aliases. The build and `npm run
 * check` both call this, so they find the same problems. A stage with problems ends it: a
 * KnowledgeBaseError with them and the warnings found so far, each with its line where known.
 */
export async function analyseSite(input: SiteInput, render: TreeRenderer): Promise<SiteAnalysis> {
  const root = resolve(input.root);
  const fail = (problems: Problem[], warnings: Problem[], at = root) => new KnowledgeBaseError(at, withPositions(root, problems), withPositions(root, warnings));
  let loaded: LoadedTree;
  try {
    loaded = loadTree(root);
  } catch (err) {
    if (err instanceof KnowledgeBaseError) throw fail(err.problems, err.warnings);
    throw err;
  }
  const rendered = await render(loaded.tree, createLinks(input.basePath));
  const warnings = [...loaded.warnings, ...rendered.warnings];
  if (rendered.problems.length) throw fail(rendered.problems, warnings);
  const site = input.aliasesFile ? readSiteAliases(input.aliasesFile) : undefined;
  if (Array.isArray(site)) throw fail(site, warnings, input.aliasesFile);
  const aliases = buildAliases(loaded.tree, site, (name) => rendered.entries.get(name)?.headings.map((h) => h.slug));
  if (aliases.problems.length) throw fail(aliases.problems, warnings);
  return { tree: loaded.tree, rendered, aliases: aliases.table, warnings: withPositions(root, warnings) };
}
