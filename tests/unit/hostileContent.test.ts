import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/tree/loadTree';
import { KnowledgeBaseError, type Problem } from '../../src/lib/kb/problems';
import { renderTree } from '../../src/render/renderTree';
import { YAML_LIMITS } from '../../src/lib/kb/frontmatter';
import { createLinks } from '../../src/lib/links';
import { renderBody } from '../../src/lib/markdown/renderBody';
import { isSafeUrl } from '../../src/lib/safeUrl';
import { isCalendarDate } from '../../src/lib/schema/shared';
import { createHeadingSlugger, footnoteIds, topicSlug } from '../../src/lib/slugs';
import { entry, goodTree } from '../helpers/tempTree';

function problemsOf(root: string): Problem[] {
  try {
    loadTree(root);
  } catch (err) {
    if (err instanceof KnowledgeBaseError) return err.problems;
    throw err;
  }
  return [];
}

const overlay = (type: string, extra = '') =>
  `name: ${type}\ndescription: D.\nproject-type: ${type}\nknowledge-overrides:\n  tdd:\n    append: [alpha]\n${extra}`;

describe('URLs from content', () => {
  const hostile = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/x',
  ];
  const fine = ['https://example.org/a?b#c', 'http://example.org', 'mailto:a@example.org', '../core/x.md', '/kb/x/', '#setup', 'page.html', '//example.org/x'];

  it.each(hostile)('should refuse %j', (url) => expect(isSafeUrl(url)).toBe(false));
  it.each(fine)('should accept %j', (url) => expect(isSafeUrl(url)).toBe(true));

  it('should reject a sources[].url outside the allow-list, naming file and field', () => {
    const root = goodTree({
      'knowledge/core/alpha.md': entry('alpha', 'sources:\n  - url: https://ok.example\n  - url: " JaVaScRiPt:alert(1)"\n'),
    });
    expect(problemsOf(root)).toEqual([
      {
        file: 'knowledge/core/alpha.md',
        field: 'sources.1.url',
        expected: 'expected an http, https or mailto URL, a relative path or a #anchor',
        found: '" JaVaScRiPt:alert(1)"',
      },
    ]);
  });

  it('should fail links and images in bodies that are outside the allow-list, and never emit them', () => {
    const body = [
      '[a](javascript:alert(1))',
      '[b](java&#9;script:alert(2))',
      '[c](&#106;avascript:alert(3))',
      '<vbscript:msgbox(4)>',
      '![d](data:text/html;base64,AAAA)',
      'ftp://example.org/bare stays text; https://example.org/linkified is a link.',
    ].join('\n\n');
    const out = renderBody(body, { file: 'knowledge/core/x.md', targets: new Map() });
    expect(out.unsafeUrls.map((u) => u.found)).toEqual([
      'a link to "javascript:alert(1)"',
      'a link to "javascript:alert(3)"',
      'a link to "vbscript:msgbox(4)"',
      'an image with src "data:text/html;base64,AAAA"',
    ]);
    // The link text stays as text; no href or src carries the URL.
    expect(out.html).not.toMatch(/(href|src)="[^"]*(script|data)/i);
    expect(out.html).not.toContain('<img');
    expect(out.html).toContain('<p>vbscript:msgbox(4)</p>');
    // markdown-it percent-encodes the decoded tab, which makes it a relative path, not a
    // scheme: it is judged as a link to a file, and there is no such page.
    expect(out.deadLinks.map((d) => d.reason)).toEqual([expect.stringContaining('java%09script:alert(2)')]);
    expect(out.html).toContain('<a href="https://example.org/linkified">');
    expect(out.html).not.toContain('href="ftp:');
  });

  it('should turn body URL problems into build problems naming the file, line and column', () => {
    const root = goodTree({ 'knowledge/core/alpha.md': entry('alpha', '', '## A\n\n[x](JAVASCRIPT:void(0))\n') });
    const { tree } = loadTree(root);
    const rendered = renderTree(tree, createLinks(''));
    expect(rendered.problems).toEqual([
      { file: 'knowledge/core/alpha.md', line: 9, column: 5, field: 'body', expected: 'expected an http, https or mailto URL, a relative path or a #anchor', found: 'a link to "JAVASCRIPT:void(0)"' },
    ]);
  });

  it('should show an image from another origin as a link, with a warning', () => {
    const out = renderBody('![chart](https://example.org/c.png)', { file: 'f.md', targets: new Map() });
    expect(out.html).toContain('<a href="https://example.org/c.png">Image: chart</a>');
    expect(out.html).not.toContain('<img');
    expect(out.notes).toHaveLength(1);
  });
});

describe('files outside the tree', () => {
  function withOutside(): { root: string; outside: string } {
    const base = mkdtempSync(join(tmpdir(), 'kb-link-'));
    const outside = join(base, 'secret.md');
    writeFileSync(outside, entry('secret'));
    const root = goodTree();
    return { root, outside };
  }

  it('should refuse an entry symlinked to a file outside the tree', () => {
    const { root, outside } = withOutside();
    symlinkSync(outside, join(root, 'knowledge/core/secret.md'));
    expect(problemsOf(root)).toEqual([
      { file: 'knowledge/core/secret.md', expected: 'expected a file or a link to a file inside the content tree', found: 'a symbolic link to a place outside it' },
    ]);
  });

  it('should refuse a domain README symlinked outside and a folder linked outside', () => {
    const { root, outside } = withOutside();
    rmSync(join(root, 'knowledge/ml/README.md'));
    symlinkSync(outside, join(root, 'knowledge/ml/README.md'), 'file');
    const dir = mkdtempSync(join(tmpdir(), 'kb-outdir-'));
    writeFileSync(join(dir, 'x.md'), entry('x'));
    symlinkSync(dir, join(root, 'knowledge/linked'));
    const files = problemsOf(root).map((p) => p.file);
    expect(files).toEqual(['knowledge/linked', 'knowledge/ml/README.md']);
  });

  it('should report a symlink loop by name instead of crashing', () => {
    const root = goodTree();
    symlinkSync(join(root, 'knowledge/core/loop-a.md'), join(root, 'knowledge/core/loop-b.md'));
    symlinkSync(join(root, 'knowledge/core/loop-b.md'), join(root, 'knowledge/core/loop-a.md'));
    symlinkSync('.', join(root, 'knowledge/core/self'));
    expect(problemsOf(root)).toEqual([
      { file: 'knowledge/core/loop-a.md', expected: 'expected a file or a link to a file inside the content tree', found: 'a symbolic link loop' },
      { file: 'knowledge/core/loop-b.md', expected: 'expected a file or a link to a file inside the content tree', found: 'a symbolic link loop' },
      { file: 'knowledge/core/self', expected: 'expected each folder to be reached once', found: 'a symbolic link to a folder already read (a loop, or a second path to the same files)' },
    ]);
  });

  it('should follow a link that stays inside the tree', () => {
    const root = goodTree({ 'pipeline/shared/delta.md': entry('delta') });
    mkdirSync(join(root, 'knowledge/extra'));
    symlinkSync(join(root, 'pipeline/shared/delta.md'), join(root, 'knowledge/extra/delta.md'));
    expect(problemsOf(root).filter((p) => p.file.startsWith('knowledge/'))).toEqual([]);
  });
});

describe('nothing dropped or altered silently', () => {
  it('should refuse two overlays for one project type, naming both files', () => {
    const root = goodTree({ 'methodology/web-app-again.yml': overlay('web-app') });
    expect(problemsOf(root)).toEqual([
      expect.objectContaining({ file: 'methodology/web-app-again.yml', field: 'project-type', expected: 'expected one overlay per project type; also used by methodology/web-app-overlay.yml', found: '"web-app"' }),
      expect.objectContaining({ file: 'methodology/web-app-overlay.yml', field: 'project-type', expected: 'expected one overlay per project type; also used by methodology/web-app-again.yml' }),
    ]);
  });

  it('should warn about hidden files by name', () => {
    const root = goodTree({ 'knowledge/core/.draft.md': entry('draft'), 'methodology/.old-overlay.yml': overlay('old') });
    const { warnings } = loadTree(root);
    expect(warnings.map((w) => w.file)).toEqual(['knowledge/core/.draft.md', 'methodology/.old-overlay.yml']);
    expect(warnings[0].expected).toMatch(/starts with a dot/);
  });

  it('should refuse bytes that are not UTF-8, naming the file and line', () => {
    const root = goodTree();
    writeFileSync(join(root, 'knowledge/core/alpha.md'), Buffer.concat([Buffer.from(entry('alpha', '', '## A\n\nCaf')), Buffer.from([0xe9]), Buffer.from('\n')]));
    writeFileSync(join(root, 'methodology/mvp.yml'), Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xff, 0x0a]));
    expect(problemsOf(root)).toEqual([
      { file: 'knowledge/core/alpha.md', line: 9, expected: 'expected UTF-8 text', found: 'bytes that are not UTF-8 (saved in another encoding?)' },
      { file: 'methodology/mvp.yml', line: 1, expected: 'expected UTF-8 text', found: 'bytes that are not UTF-8 (saved in another encoding?)' },
    ]);
  });

  it('should accept a UTF-8 byte-order mark before the frontmatter and in YAML', () => {
    const root = goodTree({ 'knowledge/core/alpha.md': `\uFEFF${entry('alpha')}`, 'methodology/mvp.yml': '\uFEFFname: MVP\ndescription: Fast.\ndefault_depth: 1\nsteps:\n  tdd: { enabled: true }\n' });
    const { tree } = loadTree(root);
    expect(tree.entries.find((e) => e.name === 'alpha')!.data.description).toBe('About alpha');
    expect(tree.presets).toHaveLength(1);
  });
});

describe('names that become URLs', () => {
  it('should refuse a step key or project type with a slash, naming file and field', () => {
    const root = goodTree({
      'methodology/a-overlay.yml': 'name: a\ndescription: D.\nproject-type: a/b\nknowledge-overrides:\n  x/y:\n    append: [alpha]\nstep-overrides:\n  "p q": { enabled: false }\n',
    });
    const problems = problemsOf(root);
    expect(problems.map((p) => [p.file, p.field, p.found])).toEqual([
      ['methodology/a-overlay.yml', 'project-type', '"a/b"'],
      ['methodology/a-overlay.yml', 'knowledge-overrides.x/y', '"x/y"'],
      ['methodology/a-overlay.yml', 'step-overrides.p q', '"p q"'],
    ]);
    expect(problems[0].expected).toBe('expected a name of letters, digits, "-", "_" or "." starting with a letter or digit (it becomes the URL /types/<project-type>/)');
  });

  it('should refuse a domain folder that cannot be a URL segment', () => {
    const root = goodTree({ 'knowledge/My Domain #1/delta.md': entry('delta') });
    expect(problemsOf(root)).toEqual([
      expect.objectContaining({ file: 'knowledge/My Domain #1/', field: 'folder name', found: '"My Domain #1"' }),
    ]);
  });

  it('should refuse a cross-cutting overlay name and a preset step key that cannot be URLs', () => {
    const root = goodTree({
      'methodology/multi-service-overlay.yml': 'name: multi service?\ndescription: D.\nknowledge-overrides:\n  tdd:\n    append: [gamma]\n',
      'methodology/mvp.yml': 'name: MVP\ndescription: Fast.\ndefault_depth: 1\nsteps:\n  "a#b": { enabled: true }\n',
    });
    expect(problemsOf(root).map((p) => [p.file, p.field])).toEqual([
      ['methodology/multi-service-overlay.yml', 'name'],
      ['methodology/mvp.yml', 'steps.a#b'],
    ]);
  });

  it('should keep the letters of Unicode topics and tell C++, C# and c apart', () => {
    expect(topicSlug('données')).toBe('données');
    expect(topicSlug('Données')).toBe('données');
    expect(topicSlug('データ品質')).toBe('データ品質');
    expect(topicSlug('हिन्दी')).toBe('हिन्दी');
    expect(new Set(['C++', 'C#', 'c'].map(topicSlug)).size).toBe(3);
    expect(topicSlug('🚀')).toBe('u-1f680');
    expect(createLinks('').topic(topicSlug('données'))).toBe('/topics/donn%C3%A9es/');
  });

  it('should warn when different spellings fold to one topic page, naming topics and files', () => {
    const root = goodTree({
      'knowledge/core/alpha.md': `---\nname: alpha\ndescription: A\ntopics: [ci/cd, INVEST]\n---\n`,
      'knowledge/core/beta.md': `---\nname: beta\ndescription: B\ntopics: [ci-cd, invest]\n---\n`,
    });
    const { warnings } = loadTree(root);
    expect(warnings.filter((w) => w.field === 'topics')).toEqual([
      { file: 'knowledge/core/alpha.md, knowledge/core/beta.md', field: 'topics', expected: 'topics "ci/cd", "ci-cd" share one page, /topics/ci-cd/; use one spelling if they are different topics' },
    ]);
  });
});

describe('impossible values, ids and limits', () => {
  it('should accept only real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-13-45')).toBe(false);
    const root = goodTree({ 'knowledge/core/alpha.md': entry('alpha', 'last-reviewed: 2024-13-45\nsources:\n  - url: https://x.example\n    retrieved: 2023-02-29\n') });
    expect(problemsOf(root)).toEqual([
      { file: 'knowledge/core/alpha.md', field: 'last-reviewed', expected: 'expected a real calendar date as YYYY-MM-DD', found: '"2024-13-45"' },
      { file: 'knowledge/core/alpha.md', field: 'sources.0.retrieved', expected: 'expected a real calendar date as YYYY-MM-DD', found: '"2023-02-29"' },
    ]);
  });

  it('should never give a heading an id that a footnote or the page chrome uses', () => {
    const body = '## fn1\n\n## fnref1\n\n## kb-toc\n\nText.[^1]\n\n[^1]: A note.\n';
    const out = renderBody(body, { file: 'f.md', targets: new Map() });
    const ids = [...out.html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toContain('fn1');
    expect(ids).toContain('fnref1');
    expect(new Set(ids).size).toBe(ids.length);
    expect(out.headings.map((h) => h.slug)).toEqual(['fn1-1', 'fnref1-1', 'kb-toc-1']);
    expect(footnoteIds(2)).toEqual(['fn1', 'fnref1', 'fn2', 'fnref2']);
    expect(createHeadingSlugger(['x'])('x')).toBe('x-1');
  });

  it('should stop a YAML alias bomb quickly with a clear problem', () => {
    let bomb = 'name: alpha\ndescription: D\ntopics: [a]\nl0: &l0 [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++) bomb += `l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
    const root = goodTree({ 'knowledge/core/alpha.md': `---\n${bomb}---\n` });
    const started = Date.now();
    expect(problemsOf(root)).toEqual([
      { file: 'knowledge/core/alpha.md', expected: 'expected YAML of at most 100,000 values once aliases (*name) are expanded', found: 'more (aliases that expand exponentially)' },
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('should refuse too many aliases and too much YAML', () => {
    let many = 'name: MVP\ndescription: D\ndefault_depth: 1\na: &a x\nsteps: {}\nl:\n';
    for (let i = 0; i <= YAML_LIMITS.maxAliases; i++) many += '  - *a\n';
    const big = `name: MVP\ndescription: "${'x'.repeat(YAML_LIMITS.maxBytes)}"\ndefault_depth: 1\nsteps: {}\n`;
    const root = goodTree({ 'methodology/mvp.yml': many, 'methodology/big.yml': big });
    expect(problemsOf(root).map((p) => [p.file, p.expected, p.found])).toEqual([
      ['methodology/big.yml', 'expected at most 256 KB of YAML', '256 KB'],
      ['methodology/mvp.yml', 'expected valid YAML', `more than ${YAML_LIMITS.maxAliases} aliases (*name), the most a file may use`],
    ]);
  });
});

describe('sections that become anchors', () => {
  it('should refuse two sub-overlays for one type and domain, and a domain or phase that cannot be an anchor', () => {
    const root = goodTree({
      'methodology/web-app-fintech-2.yml': 'name: x\ndescription: Money again.\nproject-type: web-app\ndomain: fintech\n',
      'methodology/web-app-odd.yml': 'name: y\ndescription: Odd.\nproject-type: web-app\ndomain: "a b"\n',
      'pipeline/pre/create-prd.md': '---\nname: create-prd\ndescription: D\nphase: "pre #1"\norder: 110\n---\n',
    });
    expect(problemsOf(root).map((p) => [p.file, p.field, p.found])).toEqual([
      ['methodology/web-app-odd.yml', 'domain', '"a b"'],
      ['pipeline/pre/create-prd.md', 'phase', '"pre #1"'],
      ['methodology/web-app-fintech-2.yml', 'domain', '"web-app + fintech"'],
      ['methodology/web-app-fintech.yml', 'domain', '"web-app + fintech"'],
    ]);
  });
});

describe('files that are not content', () => {
  it('should refuse a named pipe instead of hanging on it', () => {
    const root = goodTree();
    const made = spawnSync('mkfifo', [join(root, 'knowledge/core/pipe.md')]);
    if (made.status !== 0) return; // no mkfifo on this system
    expect(problemsOf(root)).toEqual([{ file: 'knowledge/core/pipe.md', expected: 'expected a regular file or folder', found: 'a named pipe' }]);
  });

  it('should warn about top-level folders the site does not read', () => {
    const root = goodTree({ 'skills/x.md': 'x', 'notes.txt': 'x' });
    const { warnings } = loadTree(root);
    expect(warnings.map((w) => w.file)).toEqual(['notes.txt', 'skills']);
  });

  it('should refuse two methodology files with one name, and names that end in .html', () => {
    const root = goodTree({
      'methodology/mvp.yaml': 'name: MVP2\ndescription: Fast.\ndefault_depth: 1\nsteps:\n  index.html: { enabled: true }\n',
    });
    expect(problemsOf(root).map((p) => [p.file, p.field ?? '', p.found])).toEqual([
      ['methodology/mvp.yaml', 'steps.index.html', '"index.html"'],
      ['methodology/mvp.yaml', '', 'two files with one name'],
      ['methodology/mvp.yml', '', 'two files with one name'],
    ]);
  });
});
