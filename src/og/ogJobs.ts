import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { cardKey, type OgCard } from '../lib/og/cards';

export interface OgRun {
  cacheDir: string;
  /** Every card a page names, with the folder its site publishes it under (`''`, `v3.40.0/`). */
  cards: { card: OgCard; key: string; dir: string }[];
  done: Promise<{ rendered: number; reused: number; errors: string[]; cpuMs?: number }>;
  /** Called when the build has nothing else to do: draw what is left on every core. */
  useAllCores: () => void;
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
/** Cards per child process: the unit of work the drawers share. */
const CARDS_PER_PROCESS = 100;

export function startOgImages(cards: { card: OgCard; dir: string }[], cacheDir: string, projectRoot: string): OgRun | undefined {
  const reg = registry();
  if (!reg.enabled) return undefined;
  const require = createRequire(join(projectRoot, 'package.json'));
  const fontsDir = join(dirname(require.resolve('@fontsource/inter/package.json')), 'files');
  const script = join(projectRoot, 'src', 'og', 'renderCards.mjs');
  const keyed = cards.map(({ card, dir }) => ({ card, dir, key: cardKey(card) }));
  // A card that looks the same in several versions is drawn once: the key hashes what is drawn.
  const unique = new Map(keyed.map(({ card, key }) => [key, { key, title: card.title, description: card.description, eyebrow: card.eyebrow }]));
  const all = [...unique.values()];
  type Result = OgRun['done'] extends Promise<infer T> ? T : never;
  const runChild = (batch: typeof all) =>
    new Promise<Result>((resolve) => {
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
      child.stdin.end(JSON.stringify({ outDir: cacheDir, fontsDir, cards: batch }));
    });
  // Batches let a second drawer take half of what is left; each child stays near 200 MB because it
  // lets resvg's finalizers run after every card (src/og/renderCards.mjs).
  const batches: (typeof all)[] = [];
  for (let i = 0; i < all.length || i === 0; i += CARDS_PER_PROCESS) batches.push(all.slice(i, i + CARDS_PER_PROCESS));
  const total: Result = { rendered: 0, reused: 0, errors: [], cpuMs: 0 };
  const drawer = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      const r = await runChild(batch);
      total.rendered += r.rendered;
      total.reused += r.reused;
      total.errors.push(...r.errors);
      total.cpuMs = (total.cpuMs ?? 0) + (r.cpuMs ?? 0);
    }
  };
  const drawers = [drawer()];
  const done = (async (): Promise<Result> => {
    // A second drawer may join later (useAllCores); wait until every drawer has run dry.
    for (let i = 0; i < drawers.length; i++) await drawers[i];
    return total;
  })();
  // Once pages are generated the build's own core is free: a second drawer halves what is left.
  const useAllCores = () => {
    if (batches.length && drawers.length === 1) drawers.push(drawer());
  };
  reg.run = { cacheDir, cards: keyed, done, useAllCores };
  return reg.run;
}
