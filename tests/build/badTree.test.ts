import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idsOf, readBuiltSite } from '../helpers/builtSite';
import { buildTree } from '../helpers/buildTree';
import { entry, goodTree } from '../helpers/tempTree';

describe('building a tree with problems', () => {
  it('should fail the build and name each file, field, found and expected value', () => {
    const root = goodTree({
      'knowledge/core/alpha.md': '---\nname: alpha\ndescription: ""\ntopics: [a]\n---\n',
      'knowledge/core/beta.md': entry('gamma'),
      'methodology/web-app-overlay.yml': 'name: web-app\ndescription: d\nproject-type: web-app\nknowledge-overrides:\n  tdd:\n    append: [nowhere]\n',
    });
    const { status, text } = buildTree(root);
    expect(status).not.toBe(0);
    expect(text).toContain('has 3 problems');
    expect(text).toContain('knowledge/core/alpha.md:3:1 — description: expected a non-empty string; found an empty string');
    expect(text).toContain('knowledge/core/beta.md:2:1 — name: expected "beta" (the file name); found "gamma"');
    expect(text).toContain('methodology/web-app-overlay.yml:6:14 — knowledge-overrides.tdd.append.0: expected the name of a knowledge entry; found "nowhere"');
  }, 120_000);

  it('should fail hostile content of every kind with one message each, and no stack trace', () => {
    const outside = mkdtempSync(join(tmpdir(), 'kb-outside-'));
    writeFileSync(join(outside, 'secret.md'), entry('secret'));
    let bomb = 'name: delta\ndescription: D\ntopics: [a]\nl0: &l0 [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++) bomb += `l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
    const root = goodTree({
      'knowledge/core/alpha.md': entry('alpha', 'last-reviewed: 2024-13-45\nsources:\n  - url: "&#106;avascript:alert(1)"\n'),
      'knowledge/ml/gamma.md': entry('gamma', '', '## Usage\n\n[click](JaVaScRiPt:alert(document.domain))\n'),
      'knowledge/core/delta.md': `---\n${bomb}---\n`,
      'knowledge/My Domain #1/epsilon.md': entry('epsilon'),
      'methodology/web-app-copy.yml': 'name: web-app-copy\ndescription: Copy.\nproject-type: web-app\n',
      'methodology/slash-overlay.yml': 'name: slash\ndescription: S.\nproject-type: a/b\nknowledge-overrides:\n  x/y:\n    append: [alpha]\n',
    });
    symlinkSync(join(outside, 'secret.md'), join(root, 'knowledge/core/secret.md'));
    symlinkSync(join(root, 'knowledge/core/loop.md'), join(root, 'knowledge/core/loop.md'));
    writeFileSync(join(root, 'knowledge/core/latin1.md'), Buffer.concat([Buffer.from(entry('latin1', '', 'Caf')), Buffer.from([0xe9, 0x0a])]));
    const { status, text } = buildTree(root);
    expect(status).not.toBe(0);
    const expected = [
      'knowledge/core/alpha.md:5:1 — last-reviewed: expected a real calendar date as YYYY-MM-DD; found "2024-13-45"',
      'knowledge/core/alpha.md:7:5 — sources.0.url: expected an http, https or mailto URL, a relative path or a #anchor; found "&#106;avascript:alert(1)"',
      'knowledge/core/delta.md — expected YAML of at most 100,000 values once aliases (*name) are expanded; found more (aliases that expand exponentially)',
      'knowledge/core/latin1.md:7 — expected UTF-8 text; found bytes that are not UTF-8 (saved in another encoding?)',
      'knowledge/core/loop.md — expected a file or a link to a file inside the content tree; found a symbolic link loop',
      'knowledge/core/secret.md — expected a file or a link to a file inside the content tree; found a symbolic link to a place outside it',
      'knowledge/My Domain #1/ — folder name: expected a name of letters, digits, "-", "_" or "." starting with a letter or digit (it becomes the URL /domains/<folder>/); found "My Domain #1"',
      'methodology/slash-overlay.yml:3:1 — project-type: expected a name of letters, digits, "-", "_" or "." starting with a letter or digit (it becomes the URL /types/<project-type>/); found "a/b"',
      'methodology/slash-overlay.yml:5:3 — knowledge-overrides.x/y: expected a name of letters, digits, "-", "_" or "." starting with a letter or digit (it becomes the URL /steps/<step>/); found "x/y"',
      'methodology/web-app-copy.yml:3:1 — project-type: expected one overlay per project type; also used by methodology/web-app-overlay.yml; found "web-app"',
      'methodology/web-app-overlay.yml:3:1 — project-type: expected one overlay per project type; also used by methodology/web-app-copy.yml; found "web-app"',
    ];
    for (const line of expected) expect(text).toContain(line);
    expect(text).toContain(`has ${expected.length} problems`);
    expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  }, 120_000);

  it('should fail a javascript: link in a body, naming the file', () => {
    const root = goodTree({ 'knowledge/ml/gamma.md': entry('gamma', '', '## Usage\n\n[click](JaVaScRiPt:alert(document.domain)) and ![x](data:image/svg+xml,<svg/>)\n') });
    const { status, text } = buildTree(root);
    expect(status).not.toBe(0);
    expect(text).toContain('has 2 problems');
    expect(text).toContain('knowledge/ml/gamma.md:9:9 — body: expected an http, https or mailto URL, a relative path or a #anchor; found a link to "JaVaScRiPt:alert(document.domain)"');
    expect(text).toContain('knowledge/ml/gamma.md:9:53 — body: expected an http, https or mailto URL, a relative path or a #anchor; found an image with src "data:image/svg+xml,%3Csvg/%3E"');
  }, 120_000);
});

describe('building odd but valid content', () => {
  it('should build BOMs, Unicode topics and footnotes with working URLs, unique ids and warnings for what it skips', () => {
    const root = goodTree({
      'knowledge/core/alpha.md': `\uFEFF${entry('alpha', '', '## fn1\n\nNoted.[^1]\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n[^1]: The note.\n')}`.replace('topics: [alpha, shared]', 'topics: [données, C++, C#, c, ci/cd]'),
      'knowledge/core/beta.md': entry('beta').replace('topics: [alpha, shared]', 'topics: [ci-cd, データ]'),
      'knowledge/core/.hidden.md': entry('hidden'),
    });
    const { status, text } = buildTree(root);
    expect(status, text).toBe(0);
    expect(text).toContain('knowledge/core/.hidden.md — a hidden file or folder (its name starts with a dot), so not part of the site');
    expect(text).toContain('knowledge/core/alpha.md, knowledge/core/beta.md — topics: topics "ci/cd", "ci-cd" share one page, /topics/ci-cd/');
    const dist = join(root, 'dist');
    for (const slug of ['données', 'c-plus-plus', 'c-sharp', 'c', 'データ']) expect(existsSync(join(dist, 'topics', slug, 'index.html')), slug).toBe(true);
    const alpha = readFileSync(join(dist, 'kb', 'alpha', 'index.html'), 'utf8');
    expect(alpha).toContain('href="/topics/donn%C3%A9es/"');
    expect(alpha).toContain('<th class="align-center">');
    expect(alpha).not.toMatch(/\sstyle=/);
    for (const page of readBuiltSite(dist)) {
      const ids = [...page.html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.length, `duplicate id on ${page.path}`).toBe(idsOf(page.html).size);
    }
  }, 120_000);
});
