import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildEnv, buildTree } from '../helpers/buildTree';
import { entry, goodTree, step } from '../helpers/tempTree';

function check(root: string, ...args: string[]) {
  const out = spawnSync(process.execPath, ['scripts/check.mjs', root, ...args], { env: buildEnv(), encoding: 'utf8', timeout: 60_000 });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** The problem and warning lines a build or a check prints, without Astro's indentation or bold. */
const lines = (text: string) =>
  text
    .replace(/\*\*/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('- ') && / — /.test(l))
    .sort();

/** One tree per stage at which the build stops: files and references, bodies, aliases. */
const BAD_TREES: Record<string, Record<string, string>> = {
  'schemas and references': {
    'knowledge/core/alpha.md': '---\nname: alpha\ndescription: ""\ntopics: [a]\n---\n',
    'knowledge/core/beta.md': entry('gamma'),
    'methodology/web-app-overlay.yml': 'name: web-app\ndescription: d\nproject-type: web-app\nknowledge-overrides:\n  tdd:\n    append: [nowhere]\n',
  },
  'links in bodies': { 'knowledge/ml/gamma.md': entry('gamma', '', '## Usage\n\n[click](JaVaScRiPt:alert(document.domain)) and [gone](../core/nope.md)\n') },
  aliases: { 'knowledge/core/alpha.md': entry('alpha', 'aliases: [beta]\nanchor-aliases: { kb-toc: summary, old: nowhere }\n') },
};

describe('npm run check', () => {
  for (const [name, files] of Object.entries(BAD_TREES)) {
    it(`should find what the build finds, with lines: ${name}`, () => {
      const root = goodTree(files);
      const checked = check(root);
      const built = buildTree(root);
      expect(built.status).not.toBe(0);
      expect(checked.status, checked.stdout + checked.stderr).toBe(1);
      const problems = lines(built.text);
      expect(problems.length).toBeGreaterThan(0);
      expect(lines(checked.stdout).filter((l) => problems.includes(l))).toEqual(problems);
      expect(problems.some((l) => /^- \S+:\d+(:\d+)? — /.test(l)), 'a line number').toBe(true);
    }, 120_000);
  }

  it('should pass a good tree, printing its warnings, in the same words as the build', () => {
    const root = goodTree({ 'pipeline/pre/create-prd.md': step('create-prd', 'pre', 110).replace('dependencies: []', 'dependencies: [nowhere]') });
    // Checked first: the build writes dist/ into the tree, which a later check would name.
    const checked = check(root);
    const built = buildTree(root);
    expect(built.status).toBe(0);
    expect(checked.status).toBe(0);
    expect(lines(checked.stdout)).toEqual(lines(built.text).filter((l) => !l.includes('SITE_URL')));
    expect(checked.stdout).toContain('- pipeline/pre/create-prd.md:7:16 — **dependencies.0**: expected the name of a pipeline step');
  }, 120_000);

  it('should print GitHub annotations and JSON, and refuse bad settings and arguments', () => {
    const root = goodTree(BAD_TREES['schemas and references']);
    const github = check(root, '--format=github');
    expect(github.status).toBe(1);
    expect(github.stdout).toMatch(/^::error file=\S*knowledge\/core\/alpha\.md,line=3,col=1,title=scaffold-kb%3A description::expected a non-empty string; found an empty string$/m);
    const json = JSON.parse(check(root, '--format=json').stdout) as { file: string; line: number; severity: string }[];
    expect(json.filter((p) => p.severity === 'error')).toHaveLength(3);
    const settings = spawnSync(process.execPath, ['scripts/check.mjs', root], { env: buildEnv({ KB_STRICT: 'sometimes' }), encoding: 'utf8' });
    expect(settings.status).toBe(1);
    expect(settings.stdout).toContain('- environment — **KB_STRICT**: expected one of 1, 0, true, false, yes, no; found "sometimes"');
    expect(check(root, '--format=xml').status).toBe(2);
  }, 120_000);
});
