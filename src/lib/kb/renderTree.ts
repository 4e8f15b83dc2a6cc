import { renderBody, type RenderedBody } from '../markdown/renderBody';
import type { LinkTarget } from '../markdown/resolveRelativeLink';
import type { Links } from '../links';
import type { Problem } from './problems';
import { countWords } from './readingPath';
import type { KnowledgeTree } from './types';

export interface RenderedTree {
  entries: Map<string, RenderedBody>;
  domainIntros: Map<string, RenderedBody>;
  steps: Map<string, RenderedBody>;
  /** Words of each entry's markdown, for reading times: counted before a released source is gone. */
  entryWords: Map<string, number>;
  /** URLs outside the allow-list; the loader fails the build on any of these. */
  problems: Problem[];
  warnings: Problem[];
}

/** Files a relative markdown link may point at, keyed by their path in the tree. */
export function linkTargets(tree: KnowledgeTree, links: Links): Map<string, LinkTarget> {
  const targets = new Map<string, LinkTarget>();
  for (const e of tree.entries) targets.set(e.file, { url: links.entry(e.name), kind: 'entry', name: e.name });
  for (const s of tree.steps) targets.set(s.file, { url: links.step(s.name), kind: 'step', name: s.name });
  for (const d of tree.domainIntros) targets.set(d.file, { url: links.domain(d.domain), kind: 'domain', name: d.domain });
  return targets;
}

export type BodyKind = 'entries' | 'steps' | 'domains';

export interface RenderTreeOptions {
  /**
   * Receives each body's HTML as soon as it is rendered; the returned map then holds every
   * body with `html: ''`. At 10,000 entries, holding all HTML (and all markdown sources) until
   * the end was the largest part of the build's peak memory.
   */
  write?: (kind: BodyKind, name: string, html: string) => void;
  /** Drops each markdown source from the tree once rendered (the tree is not read again). */
  releaseSources?: boolean;
}

/**
 * Renders every markdown body of the tree, then checks `#anchor`s of rewritten links against
 * the headings of their targets, which are only known once everything is rendered.
 */
export function renderTree(tree: KnowledgeTree, links: Links, options: RenderTreeOptions = {}): RenderedTree {
  const targets = linkTargets(tree, links);
  const warnings: Problem[] = [];
  const problems: Problem[] = [];
  const render = (kind: BodyKind, name: string, item: { file: string; body: string }) => {
    const { file } = item;
    const out = renderBody(item.body, { file, targets });
    if (options.releaseSources) item.body = '';
    if (options.write) {
      options.write(kind, name, out.html);
      out.html = '';
    }
    for (const reason of out.deadLinks) warnings.push({ file, expected: `${reason}; kept as plain text` });
    for (const note of out.notes) warnings.push({ file, field: 'body', expected: note });
    for (const bad of out.unsafeUrls) problems.push({ file, field: 'body', ...bad });
    return out;
  };
  const entries = new Map<string, RenderedBody>();
  const entryWords = new Map<string, number>();
  for (const e of tree.entries) {
    entryWords.set(e.name, countWords(e.body));
    entries.set(e.name, render('entries', e.name, e));
  }
  const domainIntros = new Map<string, RenderedBody>();
  for (const d of tree.domainIntros) domainIntros.set(d.domain, render('domains', d.domain, d));
  const steps = new Map<string, RenderedBody>();
  for (const s of tree.steps) steps.set(s.name, render('steps', s.name, s));

  const headingsOf = (kind: LinkTarget['kind'], name: string) =>
    (kind === 'entry' ? entries : kind === 'step' ? steps : domainIntros).get(name)?.headings.map((h) => h.slug) ?? [];
  const check = (file: string, rendered: RenderedBody) => {
    for (const link of rendered.links) {
      if (link.anchor && !headingsOf(link.target.kind, link.target.name).includes(link.anchor)) {
        warnings.push({ file, expected: `links to #${link.anchor} on ${link.target.url}, which has no such heading` });
      }
    }
  };
  for (const e of tree.entries) check(e.file, entries.get(e.name)!);
  for (const s of tree.steps) check(s.file, steps.get(s.name)!);
  // Only the anchor check needed the outgoing links.
  for (const map of [entries, domainIntros, steps]) for (const r of map.values()) r.links = [];
  return { entries, domainIntros, steps, entryWords, problems, warnings };
}
