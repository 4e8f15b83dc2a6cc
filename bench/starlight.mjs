// `npm run bench -- --vs-starlight`: builds the same tree with a stock Starlight site, so the
// README's comparison can be reproduced. Starlight is installed from npm into bench/work/starlight/
// (outside the project's dependencies and lockfile) on first use; each knowledge entry becomes
// one Starlight docs page with its title and description, its markdown body unchanged.
import { spawnSync } from 'node:child_process';
import { measuredRun } from './measuredRun.mjs';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const STARLIGHT_VERSION = '0.42.4';
const ASTRO_VERSION = '^7.3.5';

function install(site) {
  if (existsSync(join(site, 'node_modules', '@astrojs', 'starlight'))) return;
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'kb-starlight-bench', private: true, type: 'module', dependencies: { astro: ASTRO_VERSION, '@astrojs/starlight': STARLIGHT_VERSION } }, null, 2));
  console.log(`Installing Starlight ${STARLIGHT_VERSION} into ${site} (once)`);
  const res = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], { cwd: site, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('npm install of Starlight failed');
}

function mdFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? mdFiles(p) : n.endsWith('.md') && n !== 'README.md' ? [p] : [];
  });
}

/** Writes the tree's entries as Starlight docs; returns the page count. */
function convert(content, site) {
  const docs = join(site, 'src', 'content', 'docs');
  rmSync(join(site, 'src'), { recursive: true, force: true });
  mkdirSync(join(docs, 'kb'), { recursive: true });
  writeFileSync(
    join(site, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'kb' })] });\n",
  );
  writeFileSync(
    join(site, 'src', 'content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
  );
  writeFileSync(join(docs, 'index.md'), '---\ntitle: Knowledge base\n---\n\nEntries of the tree.\n');
  let pages = 0;
  for (const file of mdFiles(join(content, 'knowledge'))) {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*\r?\n?/.exec(text);
    const fm = m?.[1] ?? '';
    const desc = /^description:\s*(.*)$/m.exec(fm)?.[1]?.trim() ?? '';
    const name = basename(file, '.md');
    const body = m ? text.slice(m[0].length) : text;
    writeFileSync(join(docs, 'kb', `${name}.md`), `---\ntitle: ${JSON.stringify(name)}\ndescription: ${desc.startsWith('"') ? desc : JSON.stringify(desc)}\n---\n\n${body}`);
    pages++;
  }
  return pages;
}

/** One clean Starlight build, measured like ours. */
export async function buildStarlight(content, work) {
  const site = join(work, 'starlight');
  install(site);
  const pages = convert(content, site);
  for (const d of ['dist', '.astro', 'node_modules/.astro']) rmSync(join(site, d), { recursive: true, force: true });
  const cmd = [process.execPath, 'node_modules/astro/bin/astro.mjs', 'build'];
  const res = await measuredRun(cmd, { cwd: site, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' } });
  if (res.status !== 0) throw new Error(`Starlight build failed:\n${res.out.slice(-6000)}`);
  return { pages, wallS: res.wallS, cpuS: res.cpuS, peakRssMb: res.peakRssMb, peakTreeMb: res.peakTreeMb, peakByCommandMb: res.peakByCommandMb };
}
