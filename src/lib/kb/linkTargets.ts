import type { Links } from '../links';
import type { LinkTarget } from '../markdown/resolveRelativeLink';
import type { KnowledgeTree } from './types';

/** Files a relative markdown link may point at, keyed by their path in the tree. */
export function linkTargets(tree: KnowledgeTree, links: Links): Map<string, LinkTarget> {
  const targets = new Map<string, LinkTarget>();
  for (const e of tree.entries) targets.set(e.file, { url: links.entry(e.name), kind: 'entry', name: e.name });
  for (const s of tree.steps) targets.set(s.file, { url: links.step(s.name), kind: 'step', name: s.name });
  for (const d of tree.domainIntros) targets.set(d.file, { url: links.domain(d.domain), kind: 'domain', name: d.domain });
  return targets;
}
