import type { PipelineStep } from './types';

export interface StepRef {
  name: string;
  /** Undefined when the tree has no definition for the step. */
  step?: PipelineStep;
}

export interface PhaseGroup<T> {
  /** Phase id, or null for steps without a definition. */
  phase: string | null;
  items: T[];
}

export type StepIndex = ReadonlyMap<string, PipelineStep>;

export function indexSteps(steps: readonly PipelineStep[]): StepIndex {
  return new Map(steps.map((s) => [s.name, s]));
}

/**
 * Groups step-keyed items by phase in pipeline order: phases ordered by their first step,
 * steps by `order`. Steps with no definition keep the order they were given, in a last group.
 */
export function groupByPhase<T>(items: readonly T[], stepName: (item: T) => string, index: StepIndex): PhaseGroup<T>[] {
  const known = items.filter((i) => index.has(stepName(i)));
  const unknown = items.filter((i) => !index.has(stepName(i)));
  known.sort((a, b) => index.get(stepName(a))!.data.order - index.get(stepName(b))!.data.order);
  const groups: PhaseGroup<T>[] = [];
  const byPhase = new Map<string, PhaseGroup<T>>();
  for (const item of known) {
    const phase = index.get(stepName(item))!.data.phase;
    let group = byPhase.get(phase);
    if (!group) {
      group = { phase, items: [] };
      byPhase.set(phase, group);
      groups.push(group);
    }
    group.items.push(item);
  }
  if (unknown.length) groups.push({ phase: null, items: unknown });
  return groups;
}

export function phaseLabel(phase: string | null): string {
  if (phase === null) return 'Other steps';
  return phase.charAt(0).toUpperCase() + phase.slice(1).replace(/-/g, ' ');
}
