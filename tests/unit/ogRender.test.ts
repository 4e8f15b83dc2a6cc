import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { pngSize } from '../helpers/png';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const fontsDir = join(dirname(createRequire(import.meta.url).resolve('@fontsource/inter/package.json')), 'files');
const run = (outDir: string, cards: object[]) => {
  const res = spawnSync(process.execPath, [resolve('src/og/renderCards.mjs')], { input: JSON.stringify({ outDir, fontsDir, cards }), encoding: 'utf8' });
  const { cpuMs, ...rest } = JSON.parse(res.stdout) as { rendered: number; reused: number; errors: string[]; cpuMs: number };
  expect(cpuMs).toBeGreaterThan(0);
  return rest;
};


describe('the link-preview renderer', () => {
  it('should draw a 1200×630 PNG per card and reuse it on the next run', () => {
    const out = mkdtempSync(join(tmpdir(), 'kb-og-'));
    const card = { key: 'k1', title: 'Data Pipeline Streaming Patterns', description: 'Watermarks, windows and exactly-once sinks.', eyebrow: 'Knowledge entry · data-pipeline' };
    expect(run(out, [card])).toEqual({ rendered: 1, reused: 0, errors: [] });
    expect(pngSize(join(out, 'k1.png'))).toEqual({ width: 1200, height: 630 });
    const mtime = statSync(join(out, 'k1.png')).mtimeMs;
    expect(run(out, [card])).toEqual({ rendered: 0, reused: 1, errors: [] });
    expect(statSync(join(out, 'k1.png')).mtimeMs).toBe(mtime);
  });
});
