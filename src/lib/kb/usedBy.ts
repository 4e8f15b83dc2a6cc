import type { MethodologyModel, OverlayView } from './projectTypes';
import type { KnowledgeTree } from './types';

export interface OverlayUse {
  view: OverlayView;
  /** The project type the overlay belongs to; undefined for cross-cutting overlays. */
  projectType?: string;
  steps: string[];
}

export interface EntryUse {
  overlays: OverlayUse[];
  /** Pipeline steps whose `knowledge-base` names the entry: every project type gets it there. */
  baseSteps: string[];
}

/** Reverse index: which overlays inject an entry (at which steps) and which steps name it. */
export function buildUsedBy(tree: KnowledgeTree, model: MethodologyModel): Map<string, EntryUse> {
  const uses = new Map<string, EntryUse>(tree.entries.map((e) => [e.name, { overlays: [], baseSteps: [] }]));
  const views: OverlayUse[] = [];
  for (const t of model.projectTypes) {
    for (const v of t.base ? [t.base, ...t.subOverlays] : t.subOverlays) views.push({ view: v, projectType: t.id, steps: [] });
  }
  for (const v of model.crossCutting) views.push({ view: v, steps: [] });
  for (const { view, projectType } of views) {
    const stepsByEntry = new Map<string, string[]>();
    for (const phase of view.phases) {
      for (const inj of phase.items) {
        for (const name of inj.entries) stepsByEntry.set(name, [...(stepsByEntry.get(name) ?? []), inj.step]);
      }
    }
    for (const [name, steps] of stepsByEntry) uses.get(name)?.overlays.push({ view, projectType, steps });
  }
  for (const step of [...tree.steps].sort((a, b) => a.data.order - b.data.order)) {
    for (const name of new Set(step.data['knowledge-base'])) uses.get(name)?.baseSteps.push(step.name);
  }
  return uses;
}
