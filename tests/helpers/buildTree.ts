import { spawnSync } from 'node:child_process';
import { withSettings } from '../../src/lib/settings';

/** The environment of a test build: no setting from the shell leaks in, only `overrides`. */
export function buildEnv(overrides: Record<string, string> = {}): Record<string, string> {
  // Vitest's own variables (NODE_ENV=test, VITEST, …) made Astro build pages as under `npm run dev`:
  // no CSP, dev-only notes. A build a user runs has none of them.
  const env = withSettings(process.env, overrides);
  for (const name of Object.keys(env)) if (/^(NODE_ENV|TEST|VITEST.*|BASE_URL|MODE|DEV|PROD|SSR)$/.test(name)) delete env[name];
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
}

/** Builds a content tree at `root` into `<root>/dist` in a process of its own; output as plain text. */
export function buildTree(root: string, env: Record<string, string> = {}) {
  const out = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', `${root}/dist`], {
    env: buildEnv({ KB_CONTENT_DIR: root, ...env }),
    encoding: 'utf8',
    timeout: 120_000,
  });
  // Astro renders the **field** markers as bold; compare the plain text.
  return { status: out.status, text: (out.stdout + out.stderr).replace(/\u001b\[[0-9;]*m/g, '').replace(/\*\*/g, '') };
}
