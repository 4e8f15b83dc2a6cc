import { renderBody, type RenderedBody } from '../markdown/renderBody';
import type { LinkTarget } from '../markdown/resolveRelativeLink';
import type { Links } from '../links';
import type { Problem } from './problems';
import type { KnowledgeTree } from './types';

export interface RenderedTree {
  entries: Map<string, RenderedBody>;
  domainIntros: Map<string, RenderedBody>;
  steps: Map<string, RenderedBody>;
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

/**
 * Renders every markdown body of the tree, then checks `#anchor`s of rewritten links against
 * the headings of their targets, which are only known once everything is rendered.
 */
export function renderTree(tree: KnowledgeTree, links: Links): RenderedTree {
  const targets = linkTargets(tree, links);
  const warnings: Problem[] = [];
  const problems: Problem[] = [];
  const render = (file: string, body: string) => {
    const out = renderBody(body, { file, targets });
    for (const reason of out.deadLinks) warnings.push({ file, expected: `${reason}; kept as plain text` });
    for (const note of out.notes) warnings.push({ file, field: 'body', expected: note });
    for (const bad of out.unsafeUrls) problems.push({ file, field: 'body', ...bad });
    return out;
  };
  const entries = new Map<string, RenderedBody>();
  for (const e of tree.entries) entries.set(e.name, render(e.file, e.body));
  const domainIntros = new Map<string, RenderedBody>();
  for (const d of tree.domainIntros) domainIntros.set(d.domain, render(d.file, d.body));
  const steps = new Map<string, RenderedBody>();
  for (const s of tree.steps) steps.set(s.name, render(s.file, s.body));

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
  return { entries, domainIntros, steps, problems, warnings };
}
