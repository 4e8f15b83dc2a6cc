#!/usr/bin/env node
// Renders link-preview PNGs in a process of its own, so a build can draw them on its second
// core while the first generates pages. Input (stdin, JSON): { outDir, fontsDir, cards: [{ key,
// title, description, eyebrow }] }. Cards whose <key>.png exists are skipped: the key hashes
// everything drawn. Output (stdout, JSON): { rendered, reused, errors }.
import { Resvg } from '@resvg/resvg-js';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import satori from 'satori';

const WIDTH = 1200;
const HEIGHT = 630;

const el = (type, style, children) => ({ type, props: { style, children } });

function card({ title, description, eyebrow }) {
  const titleSize = title.length > 60 ? 54 : title.length > 36 ? 64 : 76;
  const inner = WIDTH - 160;
  return el('div', { width: WIDTH, height: HEIGHT, display: 'flex', flexDirection: 'column', padding: '64px 80px 56px', background: '#0b1220', color: '#f1f5f9', fontFamily: 'Inter', borderTop: '12px solid #60a5fa' }, [
    el('div', { display: 'flex', flexDirection: 'column', width: inner }, [
      el('div', { display: 'flex', fontSize: 30, fontWeight: 600, width: inner }, [
        el('div', { color: '#f1f5f9' }, 'scaffold-kb'),
        el('div', { color: '#93c5fd', marginLeft: 20 }, eyebrow),
      ]),
      el('div', { fontSize: titleSize, fontWeight: 700, lineHeight: 1.1, marginTop: 28, letterSpacing: -1, width: inner }, title),
      el('div', { fontSize: 32, lineHeight: 1.4, marginTop: 32, color: '#cbd5e1', width: inner }, description),
    ]),
  ]);
}

async function main() {
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  const { outDir, fontsDir, cards } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  mkdirSync(outDir, { recursive: true });
  const font = (weight) => ({ name: 'Inter', weight, style: 'normal', data: readFileSync(join(fontsDir, `inter-latin-${weight}-normal.woff`)) });
  const fonts = [font(400), font(600), font(700)];
  let rendered = 0;
  let reused = 0;
  const errors = [];
  for (const c of cards) {
    const file = join(outDir, `${c.key}.png`);
    if (existsSync(file)) {
      reused++;
      continue;
    }
    try {
      const svg = await satori(card(c), { width: WIDTH, height: HEIGHT, fonts });
      const png = new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng();
      // Write then rename: a build stopped halfway must not leave a torn image in the cache.
      writeFileSync(`${file}.tmp`, png);
      renameSync(`${file}.tmp`, file);
      rendered++;
      // resvg frees a rendered pixmap (3 MB) in a finalizer, which runs on the event loop: a loop
      // that only awaits promises never gets there (one process for 10,000 cards passed 17 GB).
      await new Promise((done) => setImmediate(done));
    } catch (err) {
      errors.push(`${c.title}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const cpu = process.cpuUsage();
  process.stdout.write(JSON.stringify({ rendered, reused, errors, cpuMs: Math.round((cpu.user + cpu.system) / 1000) }));
}

main().catch((err) => {
  process.stdout.write(JSON.stringify({ rendered: 0, reused: 0, errors: [String(err?.stack ?? err)] }));
  process.exitCode = 1;
});
