import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/lib/kb/loadTree';
import { buildMethodology } from '../../src/lib/kb/projectTypes';
import { indexSteps } from '../../src/lib/kb/stepIndex';

const DATA_PIPELINE = [
  'architecture', 'batch-patterns', 'conventions', 'dev-environment', 'orchestration', 'project-structure',
  'quality', 'requirements', 'schema-management', 'security', 'streaming-patterns', 'testing',
].map((s) => `data-pipeline-${s}`);

describe('the embedded knowledge base', () => {
  const { tree, warnings } = loadTree('content');
  const model = buildMethodology(tree, indexSteps(tree.steps));

  it('should load without problems or warnings', () => {
    expect(warnings).toEqual([]);
  });

  it('should hold the twelve data-pipeline entries, each with 6–10 topics', () => {
    const entries = tree.entries.filter((e) => e.domain === 'data-pipeline');
    expect(entries.map((e) => e.name).sort()).toEqual(DATA_PIPELINE);
    for (const e of entries) {
      expect(e.data.topics.length, e.name).toBeGreaterThanOrEqual(6);
      expect(e.data.topics.length, e.name).toBeLessThanOrEqual(10);
      expect(e.body, e.name).toMatch(/^## Summary$/m);
      expect(e.body, e.name).toMatch(/^## Deep Guidance$/m);
      const lines = readFileSync(join('content', e.file), 'utf8').split('\n').length;
      expect(lines, e.name).toBeGreaterThanOrEqual(150);
      expect(lines, e.name).toBeLessThanOrEqual(350);
    }
  });

  it('should inject every data-pipeline entry at some step, and define every step it names', () => {
    const dp = model.projectTypes.find((t) => t.id === 'data-pipeline')!;
    expect([...dp.entries].sort()).toEqual(DATA_PIPELINE);
    const named = [...dp.base!.phases.flatMap((p) => p.items.map((i) => i.step)), ...dp.base!.stepOverrides.map((s) => s.step)];
    for (const step of named) expect(tree.steps.some((s) => s.name === step), step).toBe(true);
    expect(dp.base!.phases.some((p) => p.phase === null)).toBe(false);
  });

  it('should carry the data-pipeline configuration reference', () => {
    const config = model.projectTypes.find((t) => t.id === 'data-pipeline')!.config!;
    expect(config['config-key']).toBe('dataPipelineConfig');
    const byName = Object.fromEntries(config.options.map((o) => [o.name, o]));
    expect(byName.processingModel.required).toBe(true);
    expect(byName.processingModel.choices.map((c) => c.value)).toEqual(['batch', 'streaming', 'hybrid']);
    expect(byName.orchestration.default).toBe('none');
    expect(byName.dataQualityStrategy.default).toBe('validation');
    expect(byName.schemaManagement.choices.map((c) => c.value)).toEqual(['none', 'schema-registry', 'contracts']);
    expect(byName.hasDataCatalog).toMatchObject({ type: 'boolean', default: false });
  });
});
