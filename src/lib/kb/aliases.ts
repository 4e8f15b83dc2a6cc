import { SiteAliasesSchema, type SiteAliases } from '../schema/siteAliases';
import { CHROME_IDS } from '../slugs';
import { isProblem, parseYaml } from './frontmatter';
import { describeValue, type Problem } from './problems';
import type { KnowledgeTree } from './types';
import { zodProblems } from './zodProblems';

/**
 * Former names and heading ids that must keep landing where they used to. Entry aliases come
 * from frontmatter `aliases` and `anchor-aliases`, or from a site-level file for trees the team
 * does not own; both end up here, checked once.
 */
export interface AliasTable {
  /** Former entry name → current entry name. */
  entries: Map<string, string>;
  /** Current entry name → former heading id → current heading id. */
  anchors: Map<string, Map<string, string>>;
}

export interface SiteAliasesFile {
  /** As the author gave it, for error messages. */
  file: string;
  data: SiteAliases;
}

/** Parses the text of `KB_ALIASES`; every problem names the file. */
export function parseSiteAliases(text: string, shownAs: string): SiteAliasesFile | Problem[] {
  const parsed = parseYaml(text, shownAs);
  if (isProblem(parsed)) return [parsed];
  const result = SiteAliasesSchema().safeParse(parsed ?? {});
  if (!result.success) return zodProblems(shownAs, result.error, parsed);
  return { file: shownAs, data: result.data };
}

/**
 * Merges and checks aliases. Anchor targets are checked against `headingsOf`, which the caller
 * knows only after rendering; a former id must not be one the page still uses.
 */
export function buildAliases(
  tree: KnowledgeTree,
  site: SiteAliasesFile | undefined,
  headingsOf: (entry: string) => readonly string[] | undefined,
): { table: AliasTable; problems: Problem[] } {
  const problems: Problem[] = [];
  const table: AliasTable = { entries: new Map(), anchors: new Map() };
  const names = new Map(tree.entries.map((e) => [e.name, e.file]));
  const claimedBy = new Map<string, string>();

  const add = (entry: string, file: string, fieldPrefix: string, aliases: readonly string[] = [], anchors: Record<string, string> = {}) => {
    aliases.forEach((alias, i) => {
      const field = `${fieldPrefix}aliases.${i}`;
      if (names.has(alias)) {
        problems.push({ file, field, expected: 'expected a former name that no current entry uses', found: `"${alias}", the entry in ${names.get(alias)}` });
      } else if (claimedBy.has(alias) && claimedBy.get(alias) !== entry) {
        problems.push({ file, field, expected: `expected each former name to belong to one entry; "${alias}" is already an alias of ${claimedBy.get(alias)}`, found: `"${alias}"` });
      } else {
        claimedBy.set(alias, entry);
        table.entries.set(alias, entry);
      }
    });
    const headings = headingsOf(entry) ?? [];
    for (const [from, to] of Object.entries(anchors)) {
      const field = `${fieldPrefix}anchor-aliases.${from}`;
      if (!headings.includes(to)) {
        problems.push({ file, field, expected: `expected a heading id of ${entry} (${clipList(headings)})`, found: describeValue(to) });
      } else if (headings.includes(from)) {
        problems.push({ file, field, expected: 'expected a former heading id that the entry no longer uses', found: `"${from}", still a heading of ${entry}` });
      } else if ((CHROME_IDS as readonly string[]).includes(from) || FOOTNOTE_ID.test(from)) {
        problems.push({ file, field, expected: 'expected a former heading id that the page does not use for something else (its contents, footnotes, search)', found: `"${from}", an id every entry page has` });
      } else {
        const map = table.anchors.get(entry) ?? new Map<string, string>();
        map.set(from, to);
        table.anchors.set(entry, map);
      }
    }
  };

  for (const e of tree.entries) add(e.name, e.file, '', e.data.aliases, e.data['anchor-aliases']);
  for (const [entry, spec] of Object.entries(site?.data.entries ?? {})) {
    if (!names.has(entry)) {
      problems.push({ file: site!.file, field: `entries.${entry}`, expected: 'expected the name of a knowledge entry', found: `"${entry}"` });
      continue;
    }
    add(entry, site!.file, `entries.${entry}.`, spec.aliases, spec['anchor-aliases']);
  }
  return { table, problems };
}

/** Former ids that must stand at each current heading: current id → former ids. */
export function formerIdsByHeading(table: AliasTable, entry: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [from, to] of table.anchors.get(entry) ?? []) out.set(to, [...(out.get(to) ?? []), from]);
  return out;
}

/** Footnote ids (`fn1`, `fnref2`, `fnref2:1`), which any body with footnotes uses. */
const FOOTNOTE_ID = /^fn(ref)?\d+(:\d+)?$/;

function clipList(ids: readonly string[]): string {
  return ids.length > 6 ? `${ids.slice(0, 6).join(', ')}, …` : ids.join(', ') || 'none';
}
