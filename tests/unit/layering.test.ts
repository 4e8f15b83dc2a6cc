import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf } from '../support/imports';

/**
 * The line the README's layout draws: src/lib is pure (functions of their inputs: no files,
 * processes, threads, globals or browser APIs), src/browser runs only in the browser, and the
 * build-time services (src/tree, src/render, src/og, src/pagefindIndex, src/loaders,
 * src/integrations, src/versions) sit between them.
 */
const SRC = resolve('src');
const LIB = join(SRC, 'lib');
const BROWSER = join(SRC, 'browser');

/** Node built-ins that compute without touching the machine. */
const PURE_BUILTINS = new Set(['node:path', 'node:crypto']);
/** Packages src/lib may use: each is a pure function of its input (parsers, renderers, zod). */
const PURE_PACKAGES = ['astro/zod', 'github-slugger', 'highlight.js', 'js-yaml', 'markdown-it', 'markdown-it-footnote'];
/** Build-time services: the browser never loads them. */
const BUILD_ONLY = ['tree', 'render', 'og', 'pagefindIndex', 'loaders', 'integrations', 'node', 'versions', 'content.ts', 'content.config.ts', 'siteSettings.ts'].map((p) => join(SRC, p));
const CODE = /\.(ts|mts|mjs|js)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && CODE.test(d.name))
    .map((d) => join(d.parentPath, d.name));
}

const within = (path: string, dir: string) => path === dir || path.startsWith(dir + '/') || path.startsWith(dir + '.');
const shown = (file: string) => relative(process.cwd(), file);

/** Every way a file breaks the rule for src/lib, as lines naming the file and the import. */
function libViolations(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const spec of importsOf(text)) {
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      if (!within(target, LIB)) out.push(`${shown(file)} imports ${spec}, outside src/lib`);
    } else if (spec.startsWith('node:') || !spec.includes('/') && !PURE_PACKAGES.includes(spec) && isBuiltin(spec)) {
      if (!PURE_BUILTINS.has(spec)) out.push(`${shown(file)} imports ${spec}: side effects belong in a build-time service`);
    } else if (!PURE_PACKAGES.some((p) => spec === p || spec.startsWith(p + '/'))) {
      out.push(`${shown(file)} imports ${spec}, which is not on the list of pure packages in tests/unit/layering.test.ts`);
    }
  }
  for (const [pattern, what] of [
    [/\bglobalThis\b/, 'a global'],
    [/\bprocess\.(env|cwd|exit|stdout|stderr|argv)\b/, 'the process'],
    [/\b(document|window|localStorage|navigator)\./, 'a browser API'],
  ] as const) {
    if (pattern.test(text)) out.push(`${shown(file)} uses ${what}`);
  }
  return out;
}

function isBuiltin(spec: string): boolean {
  return ['fs', 'child_process', 'worker_threads', 'os', 'module', 'zlib', 'http', 'net', 'process', 'url', 'crypto', 'path'].includes(spec);
}

describe('the layers of src/', () => {
  it('should find the imports it checks (a scanner that finds none would pass anything)', () => {
    expect(importsOf(`import a from 'x';\nimport { b } from "./y";\nimport './z.css';\nconst c = await import('node:fs');\nexport { d } from '../w';\nimport type { E } from './e';`)).toEqual(['x', './y', './z.css', 'node:fs', '../w', './e']);
    expect(libViolations(join(SRC, 'render', 'renderPool.ts'))).toContain('src/render/renderPool.ts imports node:worker_threads: side effects belong in a build-time service');
    expect(libViolations(join(SRC, 'og', 'ogJobs.ts')).join('\n')).toMatch(/node:child_process[\s\S]*a global/);
  });

  it('should keep src/lib pure: no files, processes, threads, globals or browser code', () => {
    const files = filesUnder(LIB);
    expect(files.length).toBeGreaterThan(40);
    expect(files.flatMap(libViolations)).toEqual([]);
  });

  it('should keep src/browser free of Node and of build-time services', () => {
    const files = filesUnder(BROWSER);
    expect(files.length).toBeGreaterThan(15);
    const out: string[] = [];
    for (const file of files) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('node:') || isBuiltin(spec)) out.push(`${shown(file)} imports ${spec}`);
        const target = spec.startsWith('.') ? resolve(dirname(file), spec) : '';
        if (target && BUILD_ONLY.some((dir) => within(target, dir))) out.push(`${shown(file)} imports the build-time ${shown(target)}`);
      }
    }
    expect(out).toEqual([]);
  });

  it('should load src/browser only from pages and components (their <script> tags) and from itself', () => {
    const files = filesUnder(SRC).filter((f) => !within(f, BROWSER));
    expect(files.length).toBeGreaterThan(80);
    const out = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        // `?raw` reads a file's text (an unbundled script a page links), it does not run it.
        .filter((spec) => spec.startsWith('.') && !spec.endsWith('?raw') && within(resolve(dirname(file), spec), BROWSER))
        .map((spec) => `${shown(file)} imports ${spec}`),
    );
    expect(out).toEqual([]);
  });
});
