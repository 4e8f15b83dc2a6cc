import { describe, expect, it } from 'vitest';
import { analyseSite } from '../../src/tree/analyseSite';
import { KnowledgeBaseError, type Problem } from '../../src/lib/kb/problems';
import { renderTree } from '../../src/render/renderTree';
import { githubReport, jsonReport, textReport } from '../../src/lib/kb/problemReport';
import { entry, goodTree, step } from '../helpers/tempTree';

/** What the build's checks find in a tree: problems (when they stop it) and warnings. */
async function analyse(overrides: Record<string, string>): Promise<{ problems: Problem[]; warnings: Problem[] }> {
  const root = goodTree(overrides);
  try {
    const { warnings } = await analyseSite({ root, basePath: '', aliasesFile: undefined }, (tree, links) => renderTree(tree, links));
    return { problems: [], warnings };
  } catch (err) {
    if (!(err instanceof KnowledgeBaseError)) throw err;
    return { problems: err.problems, warnings: err.warnings };
  }
}

const at = (p: Problem | undefined) => (p ? { file: p.file, line: p.line, column: p.column, field: p.field } : undefined);

describe('where each kind of problem is written', () => {
  it('should put a frontmatter field problem on the field\'s line and column', async () => {
    const { problems } = await analyse({ 'knowledge/core/alpha.md': '---\nname: alpha\ndescription: ok\ntopics: [a]\nlast-reviewed: 2024-13-45\n---\n\nText.\n' });
    expect(at(problems.find((p) => p.field === 'last-reviewed'))).toEqual({ file: 'knowledge/core/alpha.md', line: 5, column: 1, field: 'last-reviewed' });
  });

  it('should put a list item of an overlay on its own line and column', async () => {
    const { problems } = await analyse({
      'methodology/web-app-overlay.yml': 'name: web-app\ndescription: Web.\nproject-type: web-app\nknowledge-overrides:\n  tdd:\n    append:\n      - alpha\n      - nowhere\n',
    });
    expect(at(problems.find((p) => p.field === 'knowledge-overrides.tdd.append.1'))).toEqual({ file: 'methodology/web-app-overlay.yml', line: 8, column: 9, field: 'knowledge-overrides.tdd.append.1' });
  });

  it('should put a step field problem on the field\'s line', async () => {
    const { problems } = await analyse({ 'pipeline/foundation/tdd.md': step('tdd', 'foundation', 250).replace('order: 250', 'order: soon') });
    expect(at(problems.find((p) => p.field === 'order'))).toEqual({ file: 'pipeline/foundation/tdd.md', line: 6, column: 1, field: 'order' });
  });

  it('should put a missing field at the start of the frontmatter', async () => {
    const { problems } = await analyse({ 'knowledge/core/alpha.md': '---\nname: alpha\ntopics: [a]\n---\n\nText.\n' });
    expect(at(problems.find((p) => p.field === 'description'))).toEqual({ file: 'knowledge/core/alpha.md', line: 2, column: 1, field: 'description' });
  });

  it('should put body link problems on the link: a dead link, a missing anchor, a javascript: URL', async () => {
    const body = '## Setup\n\nFirst line.\nSee [the guide](../../docs/guide.md) and [gamma](../ml/gamma.md#nowhere).\n';
    const { warnings } = await analyse({ 'knowledge/core/beta.md': entry('beta', '', body) });
    expect(at(warnings.find((w) => w.expected.includes('docs/guide.md')))).toEqual({ file: 'knowledge/core/beta.md', line: 10, column: 17, field: undefined });
    expect(at(warnings.find((w) => w.expected.includes('#nowhere')))).toEqual({ file: 'knowledge/core/beta.md', line: 10, column: 50, field: undefined });
    const { problems } = await analyse({ 'knowledge/core/beta.md': entry('beta', '', '## A\n\n> quoted [x](javascript:alert(1))\n') });
    expect(at(problems[0])).toEqual({ file: 'knowledge/core/beta.md', line: 9, column: 14, field: 'body' });
  });

  it('should name a step key of an overlay that no step file defines, at its key', async () => {
    const { warnings } = await analyse({
      'methodology/web-app-overlay.yml': 'name: web-app\ndescription: Web.\nproject-type: web-app\nstep-overrides:\n  tdd: { enabled: true }\n  spark: { enabled: false }\n',
    });
    expect(at(warnings.find((w) => w.field === 'spark'))).toEqual({ file: 'methodology/web-app-overlay.yml', line: 6, column: 3, field: 'spark' });
  });
});

describe('check reports', () => {
  const input = {
    root: '/repo/content',
    problems: [{ file: 'knowledge/core/a.md', line: 3, column: 1, field: 'description', expected: 'expected a non-empty string', found: 'an empty string' }],
    warnings: [{ file: 'methodology/x.yml', line: 7, column: 5, field: 'knowledge-overrides.tdd.apend', expected: 'not a field scaffold reads (append, prepend), so ignored' }],
    pathOf: (f: string) => `content/${f}`,
  };

  it('should print GitHub workflow commands, one per problem, errors then warnings, escaped', () => {
    expect(githubReport(input)).toBe(
      '::error file=content/knowledge/core/a.md,line=3,col=1,title=scaffold-kb%3A description::expected a non-empty string; found an empty string\n' +
        '::warning file=content/methodology/x.yml,line=7,col=5,title=scaffold-kb%3A knowledge-overrides.tdd.apend::not a field scaffold reads (append, prepend), so ignored\n',
    );
    expect(githubReport({ ...input, problems: [{ file: 'a, b.md', expected: '100% sure\nreally' }], warnings: [] })).toBe('::error file=content/a,title=scaffold-kb::100%25 sure%0Areally\n');
  });

  it('should give one JSON object per problem with its severity', () => {
    expect(JSON.parse(jsonReport(input))).toEqual([
      { file: 'content/knowledge/core/a.md', line: 3, column: 1, field: 'description', found: 'an empty string', expected: 'expected a non-empty string', severity: 'error' },
      { file: 'content/methodology/x.yml', line: 7, column: 5, field: 'knowledge-overrides.tdd.apend', found: null, expected: 'not a field scaffold reads (append, prepend), so ignored', severity: 'warning' },
    ]);
  });

  it('should print the build\'s problem list and the warnings as text', () => {
    expect(textReport(input)).toBe(
      'The knowledge base at /repo/content has 1 problem:\n- knowledge/core/a.md:3:1 — **description**: expected a non-empty string; found an empty string\n' +
        '1 warning in /repo/content:\n- methodology/x.yml:7:5 — **knowledge-overrides.tdd.apend**: not a field scaffold reads (append, prepend), so ignored\n',
    );
  });
});
