import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { cardKey, type OgCard } from './cards';

export interface OgRun {
  cacheDir: string;
  cards: { card: OgCard; key: string }[];
  done: Promise<{ rendered: number; reused: number; errors: string[]; cpuMs?: number }>;
}

// The loader (which knows the cards) and the integration (which publishes them) are loaded
// as separate module instances by Astro, so they meet on a global instead of a module variable.
const KEY = Symbol.for('scaffold-kb.og');
type Registry = { enabled: boolean; run?: OgRun };
const registry = (): Registry => ((globalThis as Record<symbol, Registry>)[KEY] ??= { enabled: false });

/** Called by the integration for `astro build` only: dev servers never draw images. */
export function enableOgImages(): void {
  registry().enabled = true;
}

export function currentOgRun(): OgRun | undefined {
  return registry().run;
}

/**
 * Starts drawing the cards in a child process and returns at once; the build goes on generating
 * pages on the other core, and the integration waits for the images at the end.
 */
export function startOgImages(cards: OgCard[], cacheDir: string, projectRoot: string): OgRun | undefined {
  const reg = registry();
  if (!reg.enabled) return undefined;
  const require = createRequire(join(projectRoot, 'package.json'));
  const fontsDir = join(dirname(require.resolve('@fontsource/inter/package.json')), 'files');
  const script = join(projectRoot, 'src', 'og', 'renderCards.mjs');
  const keyed = cards.map((card) => ({ card, key: cardKey(card) }));
  const input = JSON.stringify({ outDir: cacheDir, fontsDir, cards: keyed.map(({ card, key }) => ({ key, title: card.title, description: card.description, eyebrow: card.eyebrow })) });
  const done = new Promise<OgRun['done'] extends Promise<infer T> ? T : never>((resolve) => {
    const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => resolve({ rendered: 0, reused: 0, errors: [`could not start ${script}: ${e.message}`] }));
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(out));
      } catch {
        resolve({ rendered: 0, reused: 0, errors: [`${script} exited with ${code}: ${err.trim() || out.trim() || 'no output'}`] });
      }
    });
    child.stdin.end(input);
  });
  reg.run = { cacheDir, cards: keyed, done };
  return reg.run;
}
