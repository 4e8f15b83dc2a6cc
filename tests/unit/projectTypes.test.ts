import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/tree/loadTree';
import { buildMethodology } from '../../src/lib/kb/projectTypes';
import { buildStepPages } from '../../src/lib/kb/stepMatrix';
import { groupByPhase, indexSteps } from '../../src/lib/kb/stepIndex';
import { buildUsedBy } from '../../src/lib/kb/usedBy';
import { goodTree, tempTree, entry } from '../helpers/tempTree';

function model(root = goodTree()) {
  const { tree } = loadTree(root);
  const index = indexSteps(tree.steps);
  return { tree, index, methodology: buildMethodology(tree, index) };
}

describe('project-type model', () => {
  it('should group injected knowledge by phase then step in pipeline order', () => {
    const { methodology } = model();
    const webApp = methodology.projectTypes.find((t) => t.id === 'web-app')!;
    expect(webApp.base!.phases.map((p) => p.phase)).toEqual(['pre', 'architecture']);
    expect(webApp.base!.phases[1].items).toEqual([{ step: 'system-architecture', entries: ['beta', 'alpha'] }]);
  });

  it('should list each entry once, in order of first use', () => {
    const { methodology } = model();
    const webApp = methodology.projectTypes.find((t) => t.id === 'web-app')!;
    expect(webApp.base!.entries).toEqual(['alpha', 'beta']);
    expect(webApp.entries).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('should attach domain sub-overlays to their project type', () => {
    const { methodology } = model();
    expect(methodology.projectTypes.map((t) => t.id)).toEqual(['web-app']);
    const webApp = methodology.projectTypes[0];
    expect(webApp.subOverlays.map((s) => s.overlay.data.domain)).toEqual(['fintech']);
    expect(webApp.description).toBe('Web apps.');
  });

  it('should keep overlays without a project type as cross-cutting', () => {
    const { methodology } = model();
    expect(methodology.crossCutting.map((v) => v.overlay.data.name)).toEqual(['multi-service']);
  });

  it('should list step overrides with their state', () => {
    const { methodology } = model();
    expect(methodology.projectTypes[0].base!.stepOverrides).toEqual([{ step: 'tdd', enabled: false, conditional: undefined }]);
  });

  it('should show steps without definitions by name, in overlay order, after known phases', () => {
    const root = tempTree({
      'knowledge/core/alpha.md': entry('alpha'),
      'methodology/x-overlay.yml': 'name: x\ndescription: X.\nproject-type: x\nknowledge-overrides:\n  zeta:\n    append: [alpha]\n  beta-step:\n    append: [alpha]\n',
    });
    const { methodology } = model(root);
    expect(methodology.projectTypes[0].base!.phases).toEqual([
      { phase: null, items: [{ step: 'zeta', entries: ['alpha'] }, { step: 'beta-step', entries: ['alpha'] }] },
    ]);
  });

  it('should order phases by their first step', () => {
    const index = indexSteps([
      { name: 'b', file: '', body: '', data: { name: 'b', description: 'b', phase: 'late', order: 900, dependencies: [], outputs: [], 'knowledge-base': [] } },
      { name: 'a', file: '', body: '', data: { name: 'a', description: 'a', phase: 'early', order: 100, dependencies: [], outputs: [], 'knowledge-base': [] } },
    ]);
    expect(groupByPhase(['b', 'a'], (s) => s, index).map((g) => g.phase)).toEqual(['early', 'late']);
  });
});

describe('reverse links', () => {
  it('should say which project types and steps use an entry', () => {
    const { tree, methodology } = model(
      goodTree({ 'pipeline/pre/create-prd.md': '---\nname: create-prd\ndescription: d\nphase: pre\norder: 110\nknowledge-base: [gamma]\n---\n' }),
    );
    const used = buildUsedBy(tree, methodology);
    const gamma = used.get('gamma')!;
    expect(gamma.overlays.map((o) => [o.projectType, o.view.overlay.data.name, o.steps])).toEqual([
      ['web-app', 'web-app-fintech', ['tdd']],
      [undefined, 'multi-service', ['tdd']],
    ]);
    expect(gamma.baseSteps).toEqual(['create-prd']);
    expect(used.get('alpha')!.overlays[0].steps).toEqual(['create-prd', 'system-architecture']);
  });

  it('should build the step × type view including presets toggles', () => {
    const { tree, methodology, index } = model();
    const pages = buildStepPages(tree, methodology, index);
    expect(pages.map((p) => p.name)).toEqual(['create-prd', 'tdd', 'system-architecture']);
    const tdd = pages.find((p) => p.name === 'tdd')!;
    expect(tdd.injections.map((r) => r.label)).toEqual(['Web app · fintech', 'multi-service']);
    expect(tdd.toggles).toEqual([
      { source: 'web-app', enabled: false, conditional: undefined },
      { source: 'MVP preset', enabled: false, conditional: undefined },
    ]);
  });
});
