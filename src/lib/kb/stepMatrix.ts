import type { MethodologyModel } from './projectTypes';
import type { StepIndex } from './stepIndex';
import type { KnowledgeTree, PipelineStep } from './types';

export interface StepInjectionRow {
  /** Project type id, or the overlay name for cross-cutting overlays. */
  label: string;
  overlayName: string;
  projectType?: string;
  crossCutting: boolean;
  entries: string[];
}

export interface StepPage {
  name: string;
  step?: PipelineStep;
  /** Entries every project type gets (`knowledge-base`). */
  baseEntries: string[];
  injections: StepInjectionRow[];
  /** Overlays and presets that switch the step on or off. */
  toggles: { source: string; enabled: boolean; conditional?: string | null }[];
}

/** The step × project-type view: for each step, what each overlay adds there. */
export function buildStepPages(tree: KnowledgeTree, model: MethodologyModel, index: StepIndex): StepPage[] {
  const pages = new Map<string, StepPage>();
  const page = (name: string) => {
    let p = pages.get(name);
    if (!p) {
      const step = index.get(name);
      p = { name, step, baseEntries: step ? [...new Set(step.data['knowledge-base'])] : [], injections: [], toggles: [] };
      pages.set(name, p);
    }
    return p;
  };
  for (const s of tree.steps) page(s.name);
  const views = [
    ...model.projectTypes.flatMap((t) => (t.base ? [t.base, ...t.subOverlays] : t.subOverlays)),
    ...model.crossCutting,
  ];
  const typeTitles = new Map(model.projectTypes.map((t) => [t.id, t.title]));
  for (const v of views) {
    const type = v.overlay.data['project-type'];
    const typeName = type && (typeTitles.get(type) ?? type);
    for (const phase of v.phases) {
      for (const inj of phase.items) {
        page(inj.step).injections.push({
          label: typeName ? (v.overlay.data.domain ? `${typeName} · ${v.overlay.data.domain}` : typeName) : v.overlay.data.name,
          overlayName: v.overlay.data.name,
          projectType: type,
          crossCutting: !type,
          entries: inj.entries,
        });
      }
    }
    for (const t of v.stepOverrides) page(t.step).toggles.push({ source: v.overlay.data.name, enabled: t.enabled, conditional: t.conditional });
  }
  for (const p of tree.presets) {
    for (const [step, t] of Object.entries(p.data.steps)) page(step).toggles.push({ source: `${p.data.name} preset`, enabled: t.enabled, conditional: t.conditional });
  }
  const order = (p: StepPage) => p.step?.data.order ?? Number.MAX_SAFE_INTEGER;
  return [...pages.values()].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
}
