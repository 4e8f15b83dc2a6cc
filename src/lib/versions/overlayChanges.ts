import type { OverlayView, ProjectType, StepToggle } from '../kb/projectTypes';
import type { ProjectTypeConfig } from '../schema/projectTypeConfig';
import type { EntryRef } from './types';

export interface StepInjectionChange {
  step: string;
  /** Entries the overlay injects at the step now and did not before. */
  injected: EntryRef[];
  /** Entries it injected there before and no longer does (by their current name when renamed). */
  dropped: EntryRef[];
}

export interface StepOverrideChange {
  step: string;
  /** `enabled`/`disabled`: the override now switches the step on/off; `conditional`: only its condition changed. */
  change: 'added' | 'removed' | 'enabled' | 'disabled' | 'conditional';
  before?: StepToggle;
  after?: StepToggle;
}

/** One overlay file of a project type whose injections or step overrides changed. */
export interface OverlayChanges {
  /** File name without extension: `ml-overlay`, `backend-fintech`. */
  overlay: string;
  /** Relative to the content root: `methodology/ml-overlay.yml`. */
  file: string;
  /** For a domain sub-overlay. */
  domain?: string;
  status: 'added' | 'removed' | 'changed';
  injections: StepInjectionChange[];
  stepOverrides: StepOverrideChange[];
}

type OptionDefault = ProjectTypeConfig['options'][number]['default'];

export interface ConfigChanges {
  /** Option names of the configuration reference. */
  added: string[];
  removed: string[];
  defaults: { option: string; before: OptionDefault; after: OptionDefault }[];
}

const overlaysOf = (type: ProjectType | undefined): OverlayView[] => (type ? [...(type.base ? [type.base] : []), ...type.subOverlays] : []);

/** Step → injected entries, in pipeline order. */
const injectionsOf = (view: OverlayView | undefined) => new Map((view?.phases ?? []).flatMap((p) => p.items.map((i) => [i.step, i.entries] as const)));

function stepOverrideChange(step: string, before: StepToggle | undefined, after: StepToggle | undefined): StepOverrideChange | undefined {
  if (!before && !after) return undefined;
  if (!before) return { step, change: 'added', after };
  if (!after) return { step, change: 'removed', before };
  if (before.enabled !== after.enabled) return { step, change: after.enabled ? 'enabled' : 'disabled', before, after };
  if ((before.conditional ?? null) !== (after.conditional ?? null)) return { step, change: 'conditional', before, after };
  return undefined;
}

/** How the comparison names an entry of either version: by its newer name when it was renamed, with its title. */
export interface EntryNames {
  current: (name: string) => string;
  ref: (currentName: string) => EntryRef;
}

function compareOverlay(before: OverlayView | undefined, after: OverlayView | undefined, names: EntryNames): OverlayChanges | undefined {
  const doc = (after ?? before)!.overlay;
  const was = injectionsOf(before);
  const is = injectionsOf(after);
  const injections: StepInjectionChange[] = [];
  for (const step of new Set([...is.keys(), ...was.keys()])) {
    // An entry renamed between the versions is still the same injection.
    const old = new Set((was.get(step) ?? []).map(names.current));
    const now = new Set(is.get(step) ?? []);
    const injected = [...now].filter((n) => !old.has(n)).map(names.ref);
    const dropped = [...old].filter((n) => !now.has(n)).map(names.ref);
    if (injected.length || dropped.length) injections.push({ step, injected, dropped });
  }
  const toggles = (view: OverlayView | undefined) => new Map((view?.stepOverrides ?? []).map((t) => [t.step, t]));
  const wasToggled = toggles(before);
  const isToggled = toggles(after);
  const stepOverrides = [...new Set([...isToggled.keys(), ...wasToggled.keys()])].flatMap((step) => stepOverrideChange(step, wasToggled.get(step), isToggled.get(step)) ?? []);
  if (before && after && !injections.length && !stepOverrides.length) return undefined;
  return {
    overlay: doc.id,
    file: doc.file,
    ...(doc.data.domain && { domain: doc.data.domain }),
    status: !before ? 'added' : !after ? 'removed' : 'changed',
    injections,
    stepOverrides,
  };
}

/** How a project type's overlays changed, file by file (matched by file name). */
export function overlayChanges(older: ProjectType | undefined, newer: ProjectType | undefined, names: EntryNames): OverlayChanges[] {
  const was = new Map(overlaysOf(older).map((v) => [v.overlay.id, v]));
  const is = new Map(overlaysOf(newer).map((v) => [v.overlay.id, v]));
  return [...new Set([...is.keys(), ...was.keys()])].flatMap((id) => compareOverlay(was.get(id), is.get(id), names) ?? []);
}

/** Options of the type's configuration reference added, removed, or given another default. */
export function configChanges(older: ProjectTypeConfig | undefined, newer: ProjectTypeConfig | undefined): ConfigChanges {
  const was = new Map((older?.options ?? []).map((o) => [o.name, o]));
  const is = new Map((newer?.options ?? []).map((o) => [o.name, o]));
  const defaults: ConfigChanges['defaults'] = [];
  for (const [name, now] of is) {
    const old = was.get(name);
    if (old && JSON.stringify(old.default) !== JSON.stringify(now.default)) defaults.push({ option: name, before: old.default, after: now.default });
  }
  return {
    added: [...is.keys()].filter((n) => !was.has(n)),
    removed: [...was.keys()].filter((n) => !is.has(n)),
    defaults,
  };
}
