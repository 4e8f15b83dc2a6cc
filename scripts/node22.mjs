#!/usr/bin/env node
// `node scripts/node22.mjs <script> [args…]`: runs an npm script's program on Node 22.18 or newer,
// which the project needs (Astro 7 wants 22.12; worker threads run the TypeScript sources from
// 22.18; Vitest's reporter calls Map.groupBy). Where the machine's Node is older (20 is common),
// Node 22 comes from the npm registry into .tools/ once, as .ci/run does, and the script runs
// on it with .tools/ first on PATH, so the servers and tools it starts run on it too.
// Plain JavaScript that Node 18 and 20 can load: no TypeScript, no newer APIs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIN = [22, 18];
const supported = (version) => {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > MIN[0] || (major === MIN[0] && minor >= MIN[1]);
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const toolsBin = join(root, '.tools', 'node_modules', '.bin');

function node22() {
  if (supported(process.version)) return { node: process.execPath, env: process.env };
  const local = join(toolsBin, 'node');
  const works = () => existsSync(local) && supported(spawnSync(local, ['-v'], { encoding: 'utf8' }).stdout ?? '');
  if (!works()) {
    console.error(`Node ${process.version} is older than ${MIN.join('.')}: installing Node 22 into .tools/ (once)`);
    const npm = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', join(root, '.tools'), 'node@22'], { stdio: 'inherit' });
    if (npm.status !== 0 || !works()) {
      console.error(`Could not install Node 22 into .tools/. Install Node ${MIN.join('.')} or newer and run this again.`);
      process.exit(1);
    }
  }
  return { node: local, env: { ...process.env, PATH: `${toolsBin}${delimiter}${process.env.PATH ?? ''}` } };
}

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/node22.mjs <script> [args…]');
  process.exit(2);
}
const { node, env } = node22();
const child = spawn(node, [script, ...args], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
