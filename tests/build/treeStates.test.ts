import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTree } from '../helpers/buildTree';
import { entry, goodTree, step, tempTree } from '../helpers/tempTree';

/** A stack frame as Node prints one: no build may show the author our files. */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

/** Every state a tree can be in gets a problem or warning line, never a crash or silent loss. */
describe('trees in every state', () => {
  it('should build a working empty site from an empty knowledge/ folder', () => {
    const root = tempTree({});
    mkdirSync(join(root, 'knowledge'));
    const { status, text } = buildTree(root);
    expect(status, text).toBe(0);
    expect(text).toContain('- knowledge/ — has no entries yet, so the site has none to show; add knowledge/<domain>/<name>.md');
    for (const page of ['index.html', 'search/index.html', 'pagefind/pagefind.js', 'kb.json']) expect(existsSync(join(root, 'dist', page)), page).toBe(true);
    expect(existsSync(join(root, 'dist', 'kb'))).toBe(false);
    expect(JSON.parse(readFileSync(join(root, 'dist', 'kb.json'), 'utf8')).entries).toEqual([]);
  }, 120_000);

  it('should name a content folder that is a file, or missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-file-'));
    const file = join(dir, 'content');
    writeFileSync(file, 'not a folder\n');
    const asFile = buildTree(file);
    expect(asFile.status).not.toBe(0);
    expect(asFile.text).toContain(`The knowledge base at ${file} has 1 problem:`);
    expect(asFile.text).toContain('- ./ — expected the content folder (KB_CONTENT_DIR): a folder holding knowledge/, and usually methodology/ and pipeline/; found a file');
    expect(asFile.text).not.toMatch(STACK_FRAME);
    const missing = buildTree(join(dir, 'nowhere'));
    expect(missing.text).toContain('- ./ — expected the content folder (KB_CONTENT_DIR): a folder holding knowledge/, and usually methodology/ and pipeline/; found nothing');
    expect(missing.text).not.toMatch(STACK_FRAME);
  }, 120_000);

  it('should name a knowledge/ that is a file, with the tree\'s other problems', () => {
    const root = tempTree({ knowledge: 'a file\n', 'methodology/x-overlay.yml': 'name: x\ndescription: ""\nproject-type: x\n' });
    const { status, text } = buildTree(root);
    expect(status).not.toBe(0);
    expect(text).toContain('has 2 problems');
    expect(text).toContain('- knowledge — expected knowledge/ to be a folder; found a file');
    expect(text).toContain('- methodology/x-overlay.yml:2:1 — description: expected a non-empty string; found an empty string');
    expect(text).not.toMatch(STACK_FRAME);
  }, 120_000);

  it('should list names the site cannot publish, all at once: too long, case-only twins, pages that are exports', () => {
    const long = `a${'b'.repeat(251)}`;
    const root = goodTree({
      [`knowledge/core/${long}.md`]: entry(long),
      'knowledge/Data-Pipeline/delta.md': entry('delta'),
      'knowledge/data-pipeline/epsilon.md': entry('epsilon'),
      'methodology/ml-overlay.yml': 'name: ml\ndescription: ML.\nproject-type: ml\n',
      'methodology/ML-overlay.yml': 'name: ML\ndescription: ML again.\nproject-type: ML\n',
      'methodology/foo-overlay.yml': 'name: foo\ndescription: Foo.\nproject-type: foo\n',
      'methodology/foo.json-overlay.yml': 'name: foo.json\ndescription: Foo JSON.\nproject-type: foo.json\n',
    });
    const { status, text } = buildTree(root);
    expect(status).not.toBe(0);
    const expected = [
      `knowledge/core/${long}.md:2:1 — name: expected a name of at most 251 bytes, so that /og/kb/<name>.png fits the 255-byte limit on file names; found a name of 252 bytes`,
      'knowledge/Data-Pipeline/ — folder name: expected a name that differs from "data-pipeline" (knowledge/data-pipeline/) by more than letter case: /domains/Data-Pipeline/ and /domains/data-pipeline/ are one address on case-insensitive disks and hosts; found "Data-Pipeline"',
      'knowledge/data-pipeline/ — folder name: expected a name that differs from "Data-Pipeline" (knowledge/Data-Pipeline/) by more than letter case: /domains/data-pipeline/ and /domains/Data-Pipeline/ are one address on case-insensitive disks and hosts; found "data-pipeline"',
      'methodology/ML-overlay.yml:3:1 — project-type: expected a name that differs from "ml" (methodology/ml-overlay.yml) by more than letter case: /types/ML/ and /types/ml/ are one address on case-insensitive disks and hosts; found "ML"',
      'methodology/ml-overlay.yml:3:1 — project-type: expected a name that differs from "ML" (methodology/ML-overlay.yml) by more than letter case: /types/ml/ and /types/ML/ are one address on case-insensitive disks and hosts; found "ml"',
      'methodology/foo.json-overlay.yml:3:1 — project-type: expected a name whose address /types/foo.json/ is not also /types/foo.json, published for "foo" (methodology/foo-overlay.yml); found "foo.json"',
      'methodology/foo-overlay.yml:3:1 — project-type: expected a name whose address /types/foo.json is not also /types/foo.json/, published for "foo.json" (methodology/foo.json-overlay.yml); found "foo"',
    ];
    for (const line of expected) expect(text).toContain(`- ${line}`);
    expect(text).toContain(`has ${expected.length} problems`);
    expect(text).not.toMatch(STACK_FRAME);
  }, 120_000);

  it('should not let an anchor alias take an id the page already uses', () => {
    const root = goodTree({ 'knowledge/core/alpha.md': entry('alpha', 'anchor-aliases: { kb-toc: summary, fn1: summary }\n') });
    const { status, text } = buildTree(root);
    expect(status).not.toBe(0);
    for (const id of ['kb-toc', 'fn1']) {
      expect(text).toContain(
        `- knowledge/core/alpha.md:5:${id === 'kb-toc' ? 19 : 36} — anchor-aliases.${id}: expected a former heading id that the page does not use for something else (its contents, footnotes, search); found "${id}", an id every entry page has`,
      );
    }
    expect(text).not.toMatch(STACK_FRAME);
  }, 120_000);

  it('should honour YAML merge keys, and warn about unknown fields, deep nesting and step dependencies', () => {
    const deepQuote = `${'>'.repeat(5000)} the deepest quoted words\n`;
    const deepList = `${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n`;
    const root = goodTree({
      'knowledge/core/beta.md': entry('beta', '', `## Deep\n\n${deepQuote}\n## Deeper\n\n${deepList}`),
      'methodology/web-app-overlay.yml':
        'name: web-app\ndescription: Web apps.\nproject-type: web-app\ncommon: &common\n  append: [gamma]\nknowledge-override:\n  tdd: { append: [beta] }\nknowledge-overrides:\n  system-architecture:\n    <<: *common\n    prepend: [beta]\n  create-prd:\n    append: [alpha]\n    apend: [beta]\n',
      'pipeline/pre/create-prd.md': step('create-prd', 'pre', 110, 'dependencies: [nowhere]\nrequires: [tdd]\n').replace('dependencies: []\n', ''),
      'pipeline/foundation/tdd.md': step('tdd', 'foundation', 250).replace('dependencies: []', 'dependencies: [system-architecture]'),
      'pipeline/architecture/system-architecture.md': step('system-architecture', 'architecture', 710).replace('dependencies: []', 'dependencies: [tdd]'),
    });
    const { status, text } = buildTree(root);
    expect(status, text).toBe(0);
    const expected = [
      'methodology/web-app-overlay.yml:4:1 — common: not a field scaffold reads (name, description, project-type, domain, step-overrides, knowledge-overrides, reads-overrides, dependency-overrides), so ignored',
      'methodology/web-app-overlay.yml:6:1 — knowledge-override: not a field scaffold reads (name, description, project-type, domain, step-overrides, knowledge-overrides, reads-overrides, dependency-overrides), so ignored',
      'methodology/web-app-overlay.yml:14:5 — knowledge-overrides.create-prd.apend: not a field scaffold reads (append, prepend, remove, replace), so ignored',
      'pipeline/pre/create-prd.md:10:1 — requires: not a field scaffold reads',
      'pipeline/pre/create-prd.md:9:16 — dependencies.0: expected the name of a pipeline step; no step has it, so nothing can satisfy it; found "nowhere"',
      'pipeline/architecture/system-architecture.md, pipeline/foundation/tdd.md — dependencies: a dependency cycle: system-architecture → tdd → system-architecture; scaffold cannot order these steps',
      'knowledge/core/beta.md:9 — body: nests lists or quotes more than 100 deep; the text past that depth is shown flattened, as plain text',
    ];
    for (const line of expected) expect(text).toContain(`- ${line}`);
    // The merged `append` reaches the landing; the flattened text reaches the page.
    const landing = readFileSync(join(root, 'dist/types/web-app/index.html'), 'utf8');
    const block = /<details id="step-system-architecture"[\s\S]*?<\/details>/.exec(landing)?.[0] ?? '';
    expect(block, 'gamma merged into system-architecture').toContain('/kb/gamma/');
    const page = readFileSync(join(root, 'dist/kb/beta/index.html'), 'utf8');
    expect(page).toContain('the deepest quoted words');
    expect(page).toContain('level 299');
    rmSync(join(root, 'dist'), { recursive: true, force: true });
  }, 120_000);
});
