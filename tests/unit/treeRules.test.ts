import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/lib/kb/frontmatter';
import { stepDependencyWarnings } from '../../src/lib/kb/stepDependencies';
import type { PipelineStep } from '../../src/lib/kb/types';
import { unknownOverlayKeys, unknownStepKeys } from '../../src/lib/kb/unknownKeys';
import { MAX_NESTING, renderBody } from '../../src/lib/markdown/renderBody';

const step = (name: string, dependencies: string[]): PipelineStep =>
  ({ name, file: `pipeline/p/${name}.md`, body: '', data: { name, description: 'd', phase: 'p', order: 1, dependencies, outputs: [], 'knowledge-base': [] } }) as PipelineStep;

describe('step dependencies', () => {
  it('should warn about a missing step and name each cycle once, self-dependencies included', () => {
    const warnings = stepDependencyWarnings([step('a', ['b']), step('b', ['c']), step('c', ['a', 'gone']), step('d', ['d']), step('e', ['a'])]);
    expect(warnings.map((w) => w.expected)).toEqual([
      'expected the name of a pipeline step; no step has it, so nothing can satisfy it',
      'a dependency cycle: a → b → c → a; scaffold cannot order these steps',
      'a dependency cycle: d → d; scaffold cannot order these steps',
    ]);
    expect(warnings[0]).toMatchObject({ file: 'pipeline/p/c.md', field: 'dependencies.1', found: '"gone"' });
    expect(warnings[1].file).toBe('pipeline/p/a.md, pipeline/p/b.md, pipeline/p/c.md');
  });

  it('should say nothing of a pipeline in order', () => {
    expect(stepDependencyWarnings([step('a', []), step('b', ['a']), step('c', ['a', 'b'])])).toEqual([]);
  });
});

describe('fields scaffold does not read', () => {
  it('should name each unknown field of an overlay and a step, at its path', () => {
    const overlay = { name: 'x', description: 'd', 'knowledge-overrides': { tdd: { append: [], apend: [] } }, 'step-overrides': { tdd: { enabled: true, enable: false } }, extra: 1 };
    expect(unknownOverlayKeys('o.yml', overlay).map((w) => w.field)).toEqual(['extra', 'step-overrides.tdd.enable', 'knowledge-overrides.tdd.apend']);
    expect(unknownStepKeys('s.md', { name: 'a', detect: 'x', 'argument-hint': 'y', requires: [] }).map((w) => w.field)).toEqual(['requires']);
  });
});

describe('YAML merge keys', () => {
  it('should merge `<<` mappings, keeping the fields written beside them', () => {
    expect(parseYaml('base: &b { append: [a], prepend: [x] }\nstep:\n  <<: *b\n  prepend: [y]\n', 'f.yml')).toEqual({ base: { append: ['a'], prepend: ['x'] }, step: { append: ['a'], prepend: ['y'] } });
  });
});

describe('markdown nested past the parser limit', () => {
  const options = { file: 'k/x.md', targets: new Map() };
  it('should keep the text of a deep quote and list, flattened, and say on which line it starts', () => {
    const quote = renderBody(`Intro\n\n${'>'.repeat(5000)} deepest words\n`, options);
    expect(quote.html).toContain('deepest words');
    expect(quote.tooDeep).toBe(3);
    const list = renderBody(`${Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n`, options);
    for (const i of [0, 60, 199]) expect(list.html).toContain(`item ${i}`);
    expect(list.tooDeep).toBeGreaterThan(1);
  });

  it('should leave ordinary nesting alone', () => {
    const body = renderBody(`${'>'.repeat(MAX_NESTING / 4)} fine\n`, options);
    expect(body.tooDeep).toBeUndefined();
    expect(body.html).toContain('fine');
  });
});
