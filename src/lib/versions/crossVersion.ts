import type { VersionChanges } from './changes';
import type { VersionRoutes } from './counterpart';
import type { VersionSnapshot } from './types';

/** What the version switcher of any page needs to know about every other version. */
export interface CrossVersion {
  routes: Map<string, VersionRoutes>;
  /** `<from>><to>` → entry renames from one version to the other (old name → new name). */
  entryRenames: Map<string, Map<string, string>>;
  /** `<from>><to>` → entry (its name in `from`) → heading id renames (id in `from` → id in `to`). */
  anchorRenames: Map<string, Map<string, Map<string, string>>>;
}

export function versionRoutes({ tree, model }: VersionSnapshot): VersionRoutes {
  return {
    entries: tree.entries.map((e) => e.name),
    types: model.methodology.projectTypes.map((t) => t.id),
    topics: model.topics.map((t) => t.slug),
    domains: [...new Set([...tree.entries.map((e) => e.domain), ...tree.domainIntros.map((d) => d.domain)])],
    steps: model.stepPages.map((p) => p.name),
    overlays: model.methodology.crossCutting.map((v) => v.overlay.data.name),
    presets: model.presets.length > 0,
  };
}

/** One release to the next: what was renamed, entries by name and headings by entry. */
interface Step {
  entries: Map<string, string>;
  /** Keyed by the entry's name before the step. */
  anchors: Map<string, Map<string, string>>;
}

function stepOf(changes: VersionChanges): Step {
  const anchors = new Map<string, Map<string, string>>();
  for (const e of changes.entries.changed) {
    if (e.sections.renamed.length) anchors.set(e.formerName ?? e.name, new Map(e.sections.renamed.map((r) => [r.from.id, r.to.id])));
  }
  return { entries: new Map(changes.entries.renamed.map((r) => [r.from, r.to])), anchors };
}

const invert = (map: ReadonlyMap<string, string>) => new Map([...map].map(([a, b]) => [b, a]));

function backwards(step: Step): Step {
  const entries = invert(step.entries);
  const anchors = new Map([...step.anchors].map(([name, ids]) => [step.entries.get(name) ?? name, invert(ids)]));
  return { entries, anchors };
}

/**
 * Renames between any two versions, followed release by release: `a` → `c` is `a` → `b` then
 * `b` → `c`, so only consecutive versions are compared. Moving back in time undoes each step.
 */
function along(steps: Step[]): { entries: Map<string, string>; anchors: Map<string, Map<string, string>> } {
  const names = new Set(steps.flatMap((s) => [...s.entries.keys(), ...s.anchors.keys()]));
  const entries = new Map<string, string>();
  const anchors = new Map<string, Map<string, string>>();
  for (const origin of names) {
    let name = origin;
    const ids = new Map<string, string>();
    for (const step of steps) {
      const renames = step.anchors.get(name);
      if (renames) {
        // An id renamed earlier keeps moving; an id seen here first starts here.
        for (const [from, to] of ids) ids.set(from, renames.get(to) ?? to);
        for (const [from, to] of renames) if (![...ids.values()].includes(to) && !ids.has(from)) ids.set(from, to);
      }
      name = step.entries.get(name) ?? name;
    }
    if (name !== origin) entries.set(origin, name);
    const moved = new Map([...ids].filter(([from, to]) => from !== to));
    if (moved.size) anchors.set(origin, moved);
  }
  return { entries, anchors };
}

/** `consecutive[i]` compares `snapshots[i]` with `snapshots[i + 1]` (oldest first). */
export function buildCrossVersion(snapshots: readonly VersionSnapshot[], consecutive: readonly VersionChanges[]): CrossVersion {
  const steps = consecutive.map(stepOf);
  const cross: CrossVersion = { routes: new Map(snapshots.map((s) => [s.name, versionRoutes(s)])), entryRenames: new Map(), anchorRenames: new Map() };
  for (let i = 0; i < snapshots.length; i++) {
    for (let j = 0; j < snapshots.length; j++) {
      if (i === j) continue;
      const path = i < j ? steps.slice(i, j) : steps.slice(j, i).reverse().map(backwards);
      const { entries, anchors } = along(path);
      const key = `${snapshots[i].name}>${snapshots[j].name}`;
      cross.entryRenames.set(key, entries);
      cross.anchorRenames.set(key, anchors);
    }
  }
  return cross;
}
