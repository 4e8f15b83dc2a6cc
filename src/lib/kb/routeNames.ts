import { isRouteSegment, ROUTE_SEGMENT_EXPECTATION } from '../links';
import type { Problem } from './problems';
import type { KnowledgeTree } from './types';

/**
 * Every name that becomes a route is checked before Astro sees it: a project type `a/b`
 * would otherwise fail deep inside Astro with "Missing parameter" and no file named, and a
 * domain folder `My Domain #1` would give links that end at the `#`.
 */
export function routeNameProblems(tree: KnowledgeTree): Problem[] {
  const problems: Problem[] = [];
  const check = (name: string, file: string, field: string | undefined, url: string) => {
    if (!isRouteSegment(name)) problems.push({ file, field, expected: `${ROUTE_SEGMENT_EXPECTATION} (it becomes the URL ${url})`, found: JSON.stringify(name) });
  };

  const domains = new Map<string, string>();
  for (const e of tree.entries) if (!domains.has(e.domain)) domains.set(e.domain, `knowledge/${e.domain}/`);
  for (const d of tree.domainIntros) if (!domains.has(d.domain)) domains.set(d.domain, `knowledge/${d.domain}/`);
  for (const [domain, folder] of domains) check(domain, folder, 'folder name', '/domains/<folder>/');

  for (const o of tree.overlays) {
    const type = o.data['project-type'];
    if (type !== undefined) check(type, o.file, 'project-type', '/types/<project-type>/');
    if (o.data.domain !== undefined) check(o.data.domain, o.file, 'domain', '/types/<project-type>/#domain-<domain>');
    else check(o.data.name, o.file, 'name', '/overlays/<name>/');
    for (const key of ['knowledge-overrides', 'step-overrides'] as const) {
      for (const step of Object.keys(o.data[key])) check(step, o.file, `${key}.${step}`, '/steps/<step>/');
    }
  }
  for (const s of tree.steps) check(s.data.phase, s.file, 'phase', '/steps/#phase-<phase>');
  for (const c of tree.projectTypeConfigs) {
    c.data.options.forEach((o, i) => check(o.name, c.file, `options.${i}.name`, '/types/<project-type>/#config-<name>'));
  }
  for (const p of tree.presets) for (const step of Object.keys(p.data.steps)) check(step, p.file, `steps.${step}`, '/steps/<step>/');
  return problems;
}

/**
 * One overlay per project type, one cross-cutting overlay per name: a second one would
 * replace the first on every page, and the knowledge only it injects would vanish.
 */
export function duplicateOverlayProblems(tree: KnowledgeTree): Problem[] {
  const problems: Problem[] = [];
  const groups = new Map<string, { field: string; value: string; files: string[] }>();
  for (const o of tree.overlays) {
    const type = o.data['project-type'];
    // Sub-overlays stack on their type by design, but one per domain: each is a section of the page.
    const [field, value] =
      type === undefined ? ['name', o.data.name] : o.data.domain === undefined ? ['project-type', type] : ['domain', `${type} + ${o.data.domain}`];
    const key = `${field}\0${value}`;
    const g = groups.get(key) ?? { field, value, files: [] };
    g.files.push(o.file);
    groups.set(key, g);
  }
  // `mvp.yml` and `mvp.yaml` would both be the preset or overlay `mvp`.
  const byId = new Map<string, string[]>();
  for (const d of [...tree.presets, ...tree.overlays]) byId.set(d.id, [...(byId.get(d.id) ?? []), d.file]);
  for (const [id, files] of byId) {
    if (files.length < 2) continue;
    for (const file of files) problems.push({ file, expected: `expected one methodology file named ${id}; also ${files.filter((f) => f !== file).join(', ')}`, found: 'two files with one name' });
  }
  for (const { field, value, files } of groups.values()) {
    if (files.length < 2) continue;
    for (const file of files) {
      const others = files.filter((f) => f !== file).join(', ');
      const what = { 'project-type': 'one overlay per project type', name: 'one cross-cutting overlay per name', domain: 'one sub-overlay per project type and domain' }[field];
      problems.push({ file, field, expected: `expected ${what}; also used by ${others}`, found: JSON.stringify(value) });
    }
  }
  return problems;
}
