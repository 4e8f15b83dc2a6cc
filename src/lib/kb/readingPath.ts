/**
 * A project type as a reading path: every entry a project of the type gets, once, in the order
 * the pipeline first needs it, and for every step the complete knowledge it gets there.
 *
 * Pure: pages render it, `/types/<type>.json` can serialise it (readingPathExport), entry pages
 * take their sidebar and previous/next from it.
 */
import { stepBlockId } from '../slugs';
import type { ProjectType, OverlayView } from './projectTypes';
import { groupByPhase, type PhaseGroup, type StepIndex } from './stepIndex';
import type { PipelineStep, PresetDoc } from './types';

/** Where an entry of a step's knowledge comes from. */
export type Origin =
  /** Named by the step itself (`knowledge-base`): every project type gets it. */
  | 'base'
  /** Added by the type's overlay. */
  | 'type'
  /** Added by a domain sub-overlay, only when the project switches that domain on. */
  | 'domain';

export type StepStatus = 'runs' | 'conditional' | 'skipped';

export interface StepEntry {
  name: string;
  origin: Origin;
  /** The sub-overlay's domain, for origin `domain`. */
  domain?: string;
}

export interface StepKnowledge {
  step: string;
  /** Stable id of the step's block on the landing page. */
  id: string;
  definition?: PipelineStep;
  status: StepStatus;
  /** The condition in the tree's words (`if-needed`), when the step is conditional. */
  condition?: string;
  /** What decided the status: the overlay, a preset, the step's own definition. */
  statusSource: string;
  /** The complete knowledge, in the order the step gets it: prepends, its own list (after removals and replacements), appends. */
  entries: StepEntry[];
}

export interface PathItem {
  name: string;
  /** `type` when the type's overlays add it anywhere; `domain` when only a sub-overlay does; else `base`. */
  origin: Origin;
  domain?: string;
  /** The first step that needs it. */
  firstStep: string;
  /** Every step that gives it, in pipeline order. */
  steps: string[];
}

export interface ReadingPath {
  type: string;
  /** Every entry the type gets, once, in order of first need (phase order, then step order). */
  items: PathItem[];
  /** Steps with knowledge or a step override, grouped by phase in pipeline order. */
  phases: PhaseGroup<StepKnowledge>[];
}

interface Toggle {
  enabled: boolean;
  conditional?: string | null;
}

/**
 * The deepest preset stands for "what a project runs" when nothing else decides: the landing
 * shows everything a project of the type can get, and a shallower preset only drops steps.
 */
function defaultToggles(presets: readonly PresetDoc[]): { source: string; steps: Record<string, Toggle> } | undefined {
  const deepest = [...presets].sort((a, b) => b.data.default_depth - a.data.default_depth)[0];
  return deepest && { source: `${deepest.data.name} preset`, steps: deepest.data.steps };
}

/** Whether a step runs for a type, and what said so: the type's override, else the deepest preset, else the step itself. */
function statusOf(
  definition: PipelineStep | undefined,
  override: { source: string; toggle?: Toggle },
  preset: { source: string; toggle?: Toggle },
): Pick<StepKnowledge, 'status' | 'condition' | 'statusSource'> {
  const decided = override.toggle ? override : preset.toggle ? preset : undefined;
  const ownSource = definition ? 'step definition' : 'default';
  if (decided && !decided.toggle!.enabled) return { status: 'skipped', statusSource: decided.source };
  const condition = decided?.toggle!.conditional ?? definition?.data.conditional ?? undefined;
  if (!condition) return { status: 'runs', statusSource: decided?.source ?? ownSource };
  return { status: 'conditional', condition, statusSource: decided?.toggle!.conditional ? decided.source : ownSource };
}

type KnowledgeOverride = OverlayView['overlay']['data']['knowledge-overrides'][string];

/** The step's own list with the overlay's prepends, replacements, removals and appends, in that order. */
function applyOverride(base: readonly string[], override: KnowledgeOverride | undefined): StepEntry[] {
  const removed = new Set(override?.remove ?? []);
  const own = base
    .filter((n) => !removed.has(n))
    .map((n): StepEntry => (override?.replace?.[n] ? { name: override.replace[n], origin: 'type' } : { name: n, origin: 'base' }));
  const added = (names: string[] | undefined) => (names ?? []).map((n): StepEntry => ({ name: n, origin: 'type' }));
  return [...added(override?.prepend), ...own, ...added(override?.append)];
}

export function buildReadingPath(type: ProjectType, index: StepIndex, presets: readonly PresetDoc[] = []): ReadingPath {
  const defaults = defaultToggles(presets);
  const base = type.base?.overlay.data;
  const subs = type.subOverlays.map((s) => s.overlay.data);
  // Every defined step, plus steps the type's overlays name that the tree does not define.
  const named = new Set<string>(index.keys());
  for (const o of [base, ...subs]) {
    if (!o) continue;
    for (const s of Object.keys(o['knowledge-overrides'])) named.add(s);
    for (const s of Object.keys(o['step-overrides'])) named.add(s);
  }
  const blocks: StepKnowledge[] = [];
  for (const step of named) {
    const definition = index.get(step);
    const status = statusOf(
      definition,
      { source: `${type.id} overlay`, toggle: base?.['step-overrides'][step] },
      { source: defaults?.source ?? '', toggle: defaults?.steps[step] },
    );
    const entries: StepEntry[] = [];
    const push = (e: StepEntry) => {
      const seen = entries.find((x) => x.name === e.name);
      // Named by the step and added by the type as well: the type made it its own.
      if (seen && seen.origin === 'base' && e.origin === 'type') seen.origin = 'type';
      if (!seen) entries.push(e);
    };
    for (const e of applyOverride(definition?.data['knowledge-base'] ?? [], base?.['knowledge-overrides'][step])) push(e);
    // Sub-overlay knowledge is listed where the sub-overlay puts it; at a step the type skips
    // it shows in the step's block but, like the rest of that block, not in the path.
    for (const sub of subs) {
      const o = sub['knowledge-overrides'][step];
      for (const n of [...(o?.prepend ?? []), ...(o?.append ?? [])]) push({ name: n, origin: 'domain', domain: sub.domain });
    }
    const namedByType = [base, ...subs].some((o) => o && (o['step-overrides'][step] || o['knowledge-overrides'][step]));
    // A step nobody runs for this type (a game step on a web app) would be noise; one the type's
    // overlays name is shown even when skipped, so the reader learns it does not run.
    if (status.status === 'skipped' && !namedByType) continue;
    if (entries.length === 0 && !namedByType) continue;
    blocks.push({ step, id: stepBlockId(step), definition, ...status, entries });
  }
  const phases = groupByPhase(blocks, (b) => b.step, index);

  const items = new Map<string, PathItem>();
  for (const block of phases.flatMap((p) => p.items)) {
    if (block.status === 'skipped') continue;
    for (const e of block.entries) {
      const item = items.get(e.name);
      if (item) {
        item.steps.push(block.step);
        // The type's own addition anywhere outranks a base or domain-only mention.
        if (e.origin === 'type' || (e.origin === 'domain' && item.origin === 'base')) {
          item.origin = e.origin;
          item.domain = e.domain;
        }
      } else {
        items.set(e.name, { name: e.name, origin: e.origin, domain: e.domain, firstStep: block.step, steps: [block.step] });
      }
    }
  }
  for (const item of items.values()) if (item.origin !== 'domain') delete item.domain;
  return { type: type.id, items: [...items.values()], phases };
}

/** The path a reader walks with previous/next: the entries that are this type's own. */
export function ownItems(path: ReadingPath): PathItem[] {
  return path.items.filter((i) => i.origin !== 'base');
}

/**
 * Entries whose home is one project type: its overlays add them, and no other type's do.
 * Entries several types add, and base knowledge, live in their domain instead.
 */
export function entryHomes(paths: readonly ReadingPath[]): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  for (const p of paths) {
    for (const i of ownItems(p)) owners.set(i.name, (owners.get(i.name) ?? new Set()).add(p.type));
  }
  const homes = new Map<string, string>();
  for (const [name, types] of owners) if (types.size === 1) homes.set(name, [...types][0]);
  return homes;
}

/** Reading time at 220 words a minute, at least one minute. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 220));
}

export interface EntrySummary {
  title: string;
  description: string;
  url: string;
  words: number;
}

/** A plain, JSON-ready view of a reading path, for `/types/<type>.json` and other exports. */
export function readingPathExport(path: ReadingPath, summary: (name: string) => EntrySummary) {
  return {
    type: path.type,
    readingPath: path.items.map((i) => {
      const s = summary(i.name);
      return {
        name: i.name,
        title: s.title,
        description: s.description,
        url: s.url,
        readingMinutes: readingMinutes(s.words),
        origin: i.origin,
        ...(i.domain ? { domain: i.domain } : {}),
        firstStep: i.firstStep,
        steps: i.steps,
      };
    }),
    steps: path.phases.flatMap((p) =>
      p.items.map((b) => ({
        step: b.step,
        id: b.id,
        phase: p.phase,
        status: b.status,
        ...(b.condition ? { condition: b.condition } : {}),
        statusSource: b.statusSource,
        entries: b.entries.map((e) => ({ name: e.name, origin: e.origin, ...(e.domain ? { domain: e.domain } : {}) })),
      })),
    ),
  };
}

/**
 * Where a project names the domains of its sub-overlays: `domain` under the type's key in
 * `.scaffold/config.yml` (scaffold reads `project.<key>.domain`, a name or a list). The key is
 * the configuration reference's `config-key` when the tree has one, else scaffold's convention
 * `<camelCaseType>Config` (`backendConfig`, `researchConfig`).
 */
export function domainConfigKey(type: string, configKey?: string): string {
  return configKey ?? `${type.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}Config`;
}
