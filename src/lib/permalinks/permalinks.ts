import { z } from 'astro/zod';

/**
 * `permalinks.json`: the published-URL contract of one build. Paths are relative to the base
 * path, so builds served under different prefixes compare equal.
 */
export const PermalinksSchema = () =>
  z.strictObject({
    format: z.literal(1),
    /** Every published page, e.g. `/kb/ml-architecture/`, sorted. */
    pages: z.array(z.string()),
    /** Per entry: its page and the heading ids a link may end in. */
    entries: z.record(z.string(), z.strictObject({ url: z.string(), anchors: z.array(z.string()) })),
    aliases: z.strictObject({
      entries: z.record(z.string(), z.string()),
      anchors: z.record(z.string(), z.record(z.string(), z.string())),
    }),
  });

export type Permalinks = z.output<ReturnType<typeof PermalinksSchema>>;

export interface BrokenLink {
  /** `/kb/old-name/` for a page, `entry#anchor` for a section, as a wiki would have linked it. */
  id: string;
  kind: 'page' | 'anchor';
}

/** Build pathnames (`kb/x/`, `index.html`-free) → `/kb/x/`; the base path is not part of them. */
export function normalizePagePath(pathname: string): string {
  const p = `/${pathname.replace(/^\/+/, '')}`;
  return p.endsWith('/') || /\.[a-z0-9]+$/i.test(p) ? p : `${p}/`;
}

/**
 * What a reader who kept a link from `before` would now miss in `after`: pages that are gone
 * (an alias page counts as present) and headings that are gone with no anchor alias.
 */
export function comparePermalinks(before: Permalinks, after: Permalinks): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const pages = new Set(after.pages);
  for (const page of before.pages) if (!pages.has(page)) broken.push({ id: page, kind: 'page' });
  for (const [name, old] of Object.entries(before.entries)) {
    const current = after.entries[name] ? name : after.aliases.entries[name];
    // A vanished entry is already reported as a page; its anchors would only repeat it.
    if (!current || !after.entries[current]) continue;
    const anchors = new Set(after.entries[current].anchors);
    const moved = after.aliases.anchors[current] ?? {};
    for (const a of old.anchors) if (!anchors.has(a) && !moved[a]) broken.push({ id: `${name}#${a}`, kind: 'anchor' });
  }
  return broken;
}

export function describeBroken(broken: BrokenLink[], previousFile: string): string {
  const pages = broken.filter((b) => b.kind === 'page');
  const anchors = broken.filter((b) => b.kind === 'anchor');
  const lines = [`${broken.length} published link(s) from ${previousFile} no longer resolve:`];
  for (const b of pages) lines.push(`- page ${b.id}: gone; add its old name to the new entry's \`aliases\``);
  for (const b of anchors) lines.push(`- ${b.id}: heading gone; map it in the entry's \`anchor-aliases\``);
  lines.push('Aliases can also live in a site-level file named by KB_ALIASES, for trees you do not edit.');
  return lines.join('\n');
}
