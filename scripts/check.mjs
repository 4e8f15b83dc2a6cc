#!/usr/bin/env node
// `npm run check [-- <content-dir>] [--format=text|json|github]`: every check the build makes
// of a tree (settings, schemas, references, links and anchors, aliases and URL rules), without
// building pages. Exit 1 on problems, 0 otherwise; warnings are printed either way.
import '../src/node/registerTsResolve.mjs';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const { parseSettings, SettingsError } = await import('../src/lib/settings.ts');
const { analyseSite } = await import('../src/tree/analyseSite.ts');
const { renderTreeOnCores } = await import('../src/render/renderTree.ts');
const { KnowledgeBaseError } = await import('../src/lib/kb/problems.ts');
const { report, REPORT_FORMATS } = await import('../src/lib/kb/problemReport.ts');
const { resolveVersions } = await import('../src/versions/versionSources.ts');

const { values, positionals } = parseArgs({ options: { format: { type: 'string', default: 'text' } }, allowPositionals: true });
const format = values.format;
if (!REPORT_FORMATS.includes(format) || positionals.length > 1) {
  console.error(`usage: npm run check -- [content-dir] [--format=${REPORT_FORMATS.join('|')}]`);
  process.exit(2);
}

/** The repository a path is in (the nearest folder with .git), so CI annotations name repository paths. */
function repositoryOf(path) {
  for (let dir = path; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

const env = positionals[0] ? { ...process.env, KB_CONTENT_DIR: positionals[0] } : process.env;
/** Every check of one tree; a version's problems name it as git names a file at a ref (`v3.40.0:knowledge/…`). */
async function check(settings, tree, version) {
  const at = (p) => (version ? { ...p, file: `${version}:${p.file}` } : p);
  try {
    const analysis = await analyseSite({ root: tree, basePath: settings.basePath, aliasesFile: settings.aliasesFile }, (t, links) =>
      renderTreeOnCores(t, links, { releaseSources: true, plain: true, projectRoot: process.cwd() }),
    );
    return { problems: [], warnings: analysis.warnings.map(at) };
  } catch (err) {
    if (err instanceof KnowledgeBaseError) return { problems: err.problems.map(at), warnings: err.warnings.map(at) };
    throw err;
  }
}

let result;
let root = process.cwd();
try {
  const settings = parseSettings(env, process.cwd());
  root = settings.contentDir;
  if (!settings.versions) result = await check(settings, root);
  else {
    // KB_VERSIONS: each release the build would publish, read from git (or its folder) as the build reads it.
    result = { problems: [], warnings: [] };
    const cacheDir = resolve('node_modules/.astro/scaffold-kb');
    for (const v of resolveVersions({ contentDir: root, versions: settings.versions, latest: settings.latestVersion, cacheDir })) {
      const one = await check(settings, v.root, v.name);
      result.problems.push(...one.problems);
      result.warnings.push(...one.warnings);
    }
  }
} catch (err) {
  if (err instanceof SettingsError) {
    if (format === 'text') {
      console.log(err.message);
      process.exit(1);
    }
    result = { problems: err.problems, warnings: [] };
  }
  else if (err instanceof KnowledgeBaseError) result = { problems: err.problems, warnings: err.warnings };
  else throw err;
}

const folder = existsSync(root) && statSync(root).isDirectory() ? root : dirname(root);
const repo = repositoryOf(folder) ?? process.cwd();
// A release's files are named by ref (`v3.40.0:knowledge/…`), not by a path in the working copy.
const pathOf = (file) => (file === 'environment' || /^[^/:]+:/.test(file) ? file : relative(repo, resolve(root, file)).split(sep).join('/'));
process.stdout.write(report(format, { root, ...result, pathOf }));
process.exit(result.problems.length ? 1 : 0);
