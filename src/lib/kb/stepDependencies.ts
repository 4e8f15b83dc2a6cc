import type { Problem } from './problems';
import type { PipelineStep } from './types';

/**
 * A dependency on a step the pipeline does not define, and a cycle of dependencies, are
 * warnings: the pages still show each step, but scaffold could not run them in an order.
 */
export function stepDependencyWarnings(steps: readonly PipelineStep[]): Problem[] {
  const warnings: Problem[] = [];
  const byName = new Map(steps.map((s) => [s.name, s]));
  for (const s of steps) {
    s.data.dependencies.forEach((dep, i) => {
      if (!byName.has(dep)) warnings.push({ file: s.file, field: `dependencies.${i}`, expected: 'expected the name of a pipeline step; no step has it, so nothing can satisfy it', found: JSON.stringify(dep) });
    });
  }
  // Depth-first search; a step met again while on the current path closes a cycle.
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const visit = (name: string) => {
    state.set(name, 'open');
    path.push(name);
    for (const dep of byName.get(name)!.data.dependencies) {
      if (!byName.has(dep)) continue;
      if (state.get(dep) === 'open') cycles.push([...path.slice(path.indexOf(dep)), dep]);
      else if (!state.has(dep)) visit(dep);
    }
    path.pop();
    state.set(name, 'done');
  };
  for (const s of [...steps].sort((a, b) => a.name.localeCompare(b.name))) if (!state.has(s.name)) visit(s.name);
  for (const cycle of cycles) {
    const files = [...new Set(cycle.map((n) => byName.get(n)!.file))].sort();
    warnings.push({ file: files.join(', '), field: 'dependencies', expected: `a dependency cycle: ${cycle.join(' → ')}; scaffold cannot order these steps` });
  }
  return warnings;
}
