import type { Problem } from './problems';
import { duplicateOverlayProblems, routeNameProblems } from './routeNames';
import { topicCollisions } from './topics';
import { outputNameProblems } from './outputNames';
import { stepDependencyWarnings } from './stepDependencies';
import type { KnowledgeTree } from './types';

export interface CheckResult {
  problems: Problem[];
  warnings: Problem[];
}

/** Rules that span files: unique names and every reference between files. */
export function checkTree(tree: KnowledgeTree, rejectedEntries: ReadonlySet<string> = new Set()): CheckResult {
  const problems: Problem[] = [...routeNameProblems(tree), ...duplicateOverlayProblems(tree), ...outputNameProblems(tree)];
  const warnings: Problem[] = [...topicCollisions(tree.entries)];

  const entryFiles = new Map<string, string[]>();
  for (const e of tree.entries) entryFiles.set(e.name, [...(entryFiles.get(e.name) ?? []), e.file]);
  for (const [name, files] of entryFiles) {
    if (files.length < 2) continue;
    for (const file of files) {
      const others = files.filter((f) => f !== file).join(', ');
      problems.push({ file, field: 'name', expected: `expected a name unique across all domains; also used by ${others}`, found: JSON.stringify(name) });
    }
  }

  const stepFiles = new Map<string, string[]>();
  for (const s of tree.steps) stepFiles.set(s.name, [...(stepFiles.get(s.name) ?? []), s.file]);
  for (const [name, files] of stepFiles) {
    if (files.length < 2) continue;
    for (const file of files) {
      problems.push({ file, field: 'name', expected: `expected a step name used once; also used by ${files.filter((f) => f !== file).join(', ')}`, found: JSON.stringify(name) });
    }
  }

  // An overlay naming a missing entry would inject nothing: upstream treats it as broken.
  for (const o of tree.overlays) {
    for (const [step, override] of Object.entries(o.data['knowledge-overrides'])) {
      for (const key of ['append', 'prepend'] as const) {
        (override[key] ?? []).forEach((name, i) => {
          if (!entryFiles.has(name) && !rejectedEntries.has(name)) {
            problems.push({ file: o.file, field: `knowledge-overrides.${step}.${key}.${i}`, expected: 'expected the name of a knowledge entry', found: JSON.stringify(name) });
          }
        });
      }
    }
  }

  // A step without a definition still shows by name, so it is a warning, listed once.
  if (tree.hasPipeline) {
    const missing = new Map<string, Set<string>>();
    const note = (step: string, file: string) => {
      if (stepFiles.has(step)) return;
      missing.set(step, (missing.get(step) ?? new Set()).add(file));
    };
    for (const o of tree.overlays) {
      for (const step of Object.keys(o.data['knowledge-overrides'])) note(step, o.file);
      for (const step of Object.keys(o.data['step-overrides'])) note(step, o.file);
    }
    for (const p of tree.presets) for (const step of Object.keys(p.data.steps)) note(step, p.file);
    warnings.push(...stepDependencyWarnings(tree.steps));
    for (const [step, files] of missing) {
      warnings.push({ file: [...files].join(', '), field: step, expected: 'names a step with no pipeline/<phase>/<step>.md; shown by name only' });
    }
    for (const s of tree.steps) {
      s.data['knowledge-base'].forEach((name, i) => {
        if (!entryFiles.has(name) && !rejectedEntries.has(name)) {
          warnings.push({ file: s.file, field: `knowledge-base.${i}`, expected: 'expected the name of a knowledge entry; not linked', found: JSON.stringify(name) });
        }
      });
    }
  }

  const types = new Set(tree.overlays.map((o) => o.data['project-type']).filter(Boolean));
  for (const c of tree.projectTypeConfigs) {
    if (!types.has(c.data['project-type'])) {
      problems.push({ file: c.file, field: 'project-type', expected: `expected a project type that has an overlay (${[...types].join(', ') || 'none'})`, found: JSON.stringify(c.data['project-type']) });
    }
    c.data.options.forEach((o, i) => {
      o.choices.forEach((choice, j) => {
        (choice.entries ?? []).forEach((name, k) => {
          if (!entryFiles.has(name) && !rejectedEntries.has(name)) {
            problems.push({ file: c.file, field: `options.${i}.choices.${j}.entries.${k}`, expected: 'expected the name of a knowledge entry', found: JSON.stringify(name) });
          }
        });
      });
    });
  }

  return { problems, warnings };
}
