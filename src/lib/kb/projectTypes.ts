import type { ProjectTypeConfig } from '../schema/projectTypeConfig';
import { typeTitle } from './titles';
import { groupByPhase, type PhaseGroup, type StepIndex } from './stepIndex';
import type { KnowledgeTree, OverlayDoc } from './types';

export interface StepInjection {
  step: string;
  entries: string[];
}

export interface StepToggle {
  step: string;
  enabled: boolean;
  conditional?: string | null;
}

export interface OverlayView {
  overlay: OverlayDoc;
  /** Knowledge injected, grouped by phase → step in pipeline order. */
  phases: PhaseGroup<StepInjection>[];
  /** Every entry the overlay injects, once, in pipeline order of first use. */
  entries: string[];
  stepOverrides: StepToggle[];
}

export interface ProjectType {
  id: string;
  /** Human name (src/lib/kb/titles.ts `typeTitle`): `ML`, `Data pipeline`. */
  title: string;
  /** The `<type>-overlay.yml`; absent when a tree ships only domain sub-overlays. */
  base?: OverlayView;
  /** Domain sub-overlays (backend-fintech), ordered by domain. */
  subOverlays: OverlayView[];
  /** Entries injected by the base and every sub-overlay, deduplicated. */
  entries: string[];
  description: string;
  config?: ProjectTypeConfig;
}

export interface MethodologyModel {
  projectTypes: ProjectType[];
  /** Overlays with no project type (multi-service): applied on top of any type. */
  crossCutting: OverlayView[];
}

function unique(names: Iterable<string>): string[] {
  return [...new Set(names)];
}

export function overlayView(overlay: OverlayDoc, steps: StepIndex): OverlayView {
  const injections: StepInjection[] = Object.entries(overlay.data['knowledge-overrides']).map(([step, o]) => ({
    step,
    entries: unique([...(o.prepend ?? []), ...(o.append ?? [])]),
  }));
  const phases = groupByPhase(injections, (i) => i.step, steps);
  const entries = unique(phases.flatMap((p) => p.items.flatMap((i) => i.entries)));
  const stepOverrides = Object.entries(overlay.data['step-overrides']).map(([step, t]) => ({
    step,
    enabled: t.enabled,
    conditional: t.conditional,
  }));
  return { overlay, phases, entries, stepOverrides };
}

export function buildMethodology(tree: KnowledgeTree, steps: StepIndex): MethodologyModel {
  const byType = new Map<string, { base?: OverlayView; subs: OverlayView[] }>();
  const crossCutting: OverlayView[] = [];
  for (const doc of tree.overlays) {
    const view = overlayView(doc, steps);
    const type = doc.data['project-type'];
    if (!type) {
      crossCutting.push(view);
      continue;
    }
    const slot = byType.get(type) ?? { subs: [] };
    if (doc.data.domain) slot.subs.push(view);
    else slot.base = view;
    byType.set(type, slot);
  }
  const configs = new Map(tree.projectTypeConfigs.map((c) => [c.data['project-type'], c.data]));
  const projectTypes = [...byType.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, { base, subs }]) => {
      subs.sort((a, b) => (a.overlay.data.domain ?? '').localeCompare(b.overlay.data.domain ?? ''));
      const views = base ? [base, ...subs] : subs;
      const config = configs.get(id);
      return {
        id,
        title: typeTitle(id, config?.title ?? base?.overlay.data.title),
        base,
        subOverlays: subs,
        entries: unique(views.flatMap((v) => v.entries)),
        description: (base ?? subs[0]).overlay.data.description.trim(),
        config,
      };
    });
  crossCutting.sort((a, b) => a.overlay.data.name.localeCompare(b.overlay.data.name));
  return { projectTypes, crossCutting };
}
