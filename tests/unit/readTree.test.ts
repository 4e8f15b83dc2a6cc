import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/tree/loadTree';
import { formatProblem, KnowledgeBaseError, type Problem } from '../../src/lib/kb/problems';
import { readTree } from '../../src/tree/readTree';
import { checkTree } from '../../src/lib/kb/checkTree';
import { entry, goodTree, tempTree } from '../helpers/tempTree';

function problemsOf(root: string): Problem[] {
  try {
    loadTree(root);
  } catch (err) {
    if (err instanceof KnowledgeBaseError) return err.problems;
    throw err;
  }
  return [];
}

describe('reading a good tree', () => {
  it('should load entries, intros, steps, overlays and presets', () => {
    const { tree, warnings } = loadTree(goodTree());
    expect(tree.entries.map((e) => e.name).sort()).toEqual(['alpha', 'beta', 'gamma']);
    expect(tree.entries.find((e) => e.name === 'gamma')!.domain).toBe('ml');
    expect(tree.domainIntros).toHaveLength(1);
    expect(tree.version).toBe('1.2.3');
    expect(tree.steps).toHaveLength(3);
    expect(tree.overlays.map((o) => o.id).sort()).toEqual(['multi-service-overlay', 'web-app-fintech', 'web-app-overlay']);
    expect(tree.presets.map((p) => p.id)).toEqual(['mvp']);
    expect(warnings).toEqual([]);
  });

  it('should normalise YAML dates to YYYY-MM-DD and keep unknown fields', () => {
    const root = goodTree({ 'knowledge/core/alpha.md': entry('alpha', 'last-reviewed: 2026-01-02\ncustom-field: kept\n') });
    const alpha = loadTree(root).tree.entries.find((e) => e.name === 'alpha')!;
    expect(alpha.data['last-reviewed']).toBe('2026-01-02');
    expect((alpha.data as Record<string, unknown>)['custom-field']).toBe('kept');
  });

  it('should build a tree that has no pipeline directory', () => {
    const root = tempTree({
      'knowledge/core/alpha.md': entry('alpha'),
      'methodology/x-overlay.yml': 'name: x\ndescription: X.\nproject-type: x\nknowledge-overrides:\n  some-step:\n    append: [alpha]\n',
    });
    const { tree, warnings } = loadTree(root);
    expect(tree.hasPipeline).toBe(false);
    expect(warnings).toEqual([]);
  });
});

describe('schema rules', () => {
  it('should reject a missing description, naming file, field and what was found', () => {
    const root = goodTree({ 'knowledge/core/alpha.md': '---\nname: alpha\ntopics: [a]\n---\nBody\n' });
    const [p] = problemsOf(root);
    expect(p).toMatchObject({ file: 'knowledge/core/alpha.md', field: 'description', found: 'nothing (the field is missing)' });
    expect(p.expected).toMatch(/string/);
  });

  it('should reject an empty description', () => {
    const root = goodTree({ 'knowledge/core/alpha.md': '---\nname: alpha\ndescription: ""\ntopics: [a]\n---\n' });
    expect(problemsOf(root)).toEqual([
      expect.objectContaining({ file: 'knowledge/core/alpha.md', field: 'description', found: 'an empty string', expected: 'expected a non-empty string' }),
    ]);
  });

  it('should reject topics that are not a list', () => {
    const root = goodTree({ 'knowledge/core/alpha.md': '---\nname: alpha\ndescription: A\ntopics: just-one\n---\n' });
    const [p] = problemsOf(root);
    expect(p).toMatchObject({ field: 'topics', found: '"just-one"' });
    expect(p.expected).toContain('array');
  });

  it('should reject a name that differs from the file name', () => {
    const root = goodTree({ 'knowledge/core/alpha.md': entry('alpha-two') });
    expect(problemsOf(root)).toEqual([
      expect.objectContaining({ file: 'knowledge/core/alpha.md', field: 'name', found: '"alpha-two"', expected: 'expected "alpha" (the file name)' }),
    ]);
  });

  it('should reject a name that is not kebab-case', () => {
    const root = goodTree({ 'knowledge/core/Alpha.md': entry('Alpha') });
    expect(problemsOf(root)[0]).toMatchObject({ field: 'name', expected: expect.stringContaining('kebab-case') });
  });

  it('should reject an unknown volatility', () => {
    const root = goodTree({ 'knowledge/core/alpha.md': entry('alpha', 'volatility: sometimes\n') });
    expect(problemsOf(root)[0]).toMatchObject({ field: 'volatility', found: '"sometimes"' });
  });

  it('should report the same name in two domains on both files', () => {
    const root = goodTree({ 'knowledge/ml/alpha.md': entry('alpha') });
    const problems = problemsOf(root);
    expect(problems.map((p) => p.file).sort()).toEqual(['knowledge/core/alpha.md', 'knowledge/ml/alpha.md']);
    expect(problems[0].expected).toMatch(/unique across all domains/);
  });

  it('should report malformed YAML with file and line', () => {
    const root = goodTree({ 'knowledge/core/alpha.md': '---\nname: alpha\ndescription: A\ntopics: [a, b\n---\n' });
    const [p] = problemsOf(root);
    expect(p.file).toBe('knowledge/core/alpha.md');
    expect(p.line).toBeGreaterThanOrEqual(4);
    expect(p.expected).toBe('expected valid YAML');
  });

  it('should report malformed overlay YAML with its line', () => {
    const root = goodTree({ 'methodology/web-app-overlay.yml': 'name: web-app\ndescription: d\nproject-type: web-app\nknowledge-overrides:\n  tdd:\n  append: [alpha\n' });
    const [p] = problemsOf(root);
    expect(p).toMatchObject({ file: 'methodology/web-app-overlay.yml', expected: 'expected valid YAML' });
    expect(p.line).toBeGreaterThan(1);
  });

  it('should reject an entry file without frontmatter', () => {
    const root = goodTree({ 'knowledge/core/delta.md': '# Delta\n\nNo frontmatter.\n' });
    expect(problemsOf(root)[0]).toMatchObject({ file: 'knowledge/core/delta.md', found: 'no frontmatter' });
  });

  it('should reject an overlay naming a missing entry', () => {
    const root = goodTree({
      'methodology/web-app-overlay.yml': 'name: web-app\ndescription: d\nproject-type: web-app\nknowledge-overrides:\n  tdd:\n    append: [alpha, nowhere]\n',
    });
    expect(problemsOf(root)).toEqual([
      expect.objectContaining({ file: 'methodology/web-app-overlay.yml', field: 'knowledge-overrides.tdd.append.1', found: '"nowhere"' }),
    ]);
  });

  it('should warn once about a step named by overlays but not defined', () => {
    const root = goodTree({
      'methodology/cli-overlay.yml': 'name: cli\ndescription: d\nproject-type: cli\nknowledge-overrides:\n  ghost-step:\n    append: [alpha]\n',
      'methodology/lib-overlay.yml': 'name: lib\ndescription: d\nproject-type: lib\nknowledge-overrides:\n  ghost-step:\n    append: [beta]\n',
    });
    const { warnings } = loadTree(root);
    const ghost = warnings.filter((w) => w.field === 'ghost-step');
    expect(ghost).toHaveLength(1);
    expect(ghost[0].file).toContain('methodology/cli-overlay.yml');
    expect(ghost[0].file).toContain('methodology/lib-overlay.yml');
  });

  it('should list every problem of the tree at once', () => {
    const root = goodTree({
      'knowledge/core/alpha.md': '---\nname: alpha\ntopics: [a]\n---\n',
      'knowledge/core/beta.md': entry('wrong'),
      'methodology/web-app-overlay.yml': 'name: web-app\ndescription: d\nproject-type: web-app\nknowledge-overrides:\n  tdd:\n    append: [nowhere]\n',
    });
    let error: KnowledgeBaseError | undefined;
    try {
      loadTree(root);
    } catch (e) {
      error = e as KnowledgeBaseError;
    }
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    expect(error!.problems).toHaveLength(3);
    expect(error!.message).toContain('has 3 problems');
    expect(error!.message).toContain('knowledge/core/beta.md — **name**: expected "beta" (the file name); found "wrong"');
  });

  it('should warn about files it does not read instead of dropping them silently', () => {
    const root = goodTree({ 'knowledge/core/diagram.png': 'x', 'methodology/notes.txt': 'x' });
    const files = loadTree(root).warnings.map((w) => w.file);
    expect(files).toEqual(expect.arrayContaining(['knowledge/core/diagram.png', 'methodology/notes.txt']));
  });

  it('should reject a methodology file that is neither overlay nor preset', () => {
    const root = goodTree({ 'methodology/odd.yml': 'name: odd\ndescription: nothing here\n' });
    expect(problemsOf(root)[0]).toMatchObject({ file: 'methodology/odd.yml', found: 'fields name, description' });
  });

  it('should report an empty or non-mapping YAML file', () => {
    const root = goodTree({ 'methodology/empty.yml': '', 'project-types/list.yml': '- a\n- b\n' });
    expect(problemsOf(root)).toEqual([
      expect.objectContaining({ file: 'methodology/empty.yml', found: 'an empty file' }),
      expect.objectContaining({ file: 'project-types/list.yml', found: 'a list of 2 (["a","b"])', expected: 'expected a YAML mapping of fields' }),
    ]);
  });

  it('should format a problem on one line', () => {
    expect(formatProblem({ file: 'a.md', line: 3, field: 'topics', expected: 'expected array', found: '"x"' })).toBe(
      '- a.md:3 — **topics**: expected array; found "x"',
    );
  });

  it('should keep per-file checks separate from cross-file checks', () => {
    const read = readTree(goodTree({ 'knowledge/ml/alpha.md': entry('alpha') }));
    expect(read.problems).toEqual([]);
    expect(checkTree(read.tree).problems).toHaveLength(2);
  });
});
