// Writes a synthetic scaffold content tree of N entries, deterministic for a given seed, so the
// benchmark can show how build cost grows past the size of any real knowledge base.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, and the same sequence on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'de', 'po', 'qua', 'zen', 'fly', 'bor', 'tal', 'win'];
const WORDS = 'the a pipeline service query cache event schema review latency budget retry queue index release deploy token model stream batch contract owner metric alert trace config secret test fixture module boundary layer api client store partition window replay audit policy'.split(' ');
const PHASES = [['pre', 100], ['foundation', 200], ['environment', 300], ['modeling', 500], ['architecture', 700], ['specification', 800], ['quality', 900], ['planning', 1100]];
const LANGS = ['python', 'sql', 'yaml', 'typescript', 'bash', 'json'];

export function generateTree(root, entryCount, seed = 42) {
  const rand = rng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const word = () => pick(WORDS);
  const sentence = (n = 12) => {
    const s = Array.from({ length: n }, word).join(' ');
    return s[0].toUpperCase() + s.slice(1) + '.';
  };
  const token = (i) => {
    let s = '';
    let x = i + 1;
    while (x > 0) {
      s += SYLLABLES[x % SYLLABLES.length];
      x = Math.floor(x / SYLLABLES.length);
    }
    return s;
  };

  // Zipf-like topic vocabulary: rank r is drawn with weight 1/r.
  const vocab = Array.from({ length: Math.max(50, Math.floor(entryCount / 3)) }, (_, i) => `topic-${token(i)}`);
  const weights = vocab.map((_, r) => 1 / (r + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const zipf = () => {
    let x = rand() * total;
    for (let r = 0; r < vocab.length; r++) if ((x -= weights[r]) <= 0) return vocab[r];
    return vocab[vocab.length - 1];
  };

  rmSync(root, { recursive: true, force: true });
  const domains = Array.from({ length: Math.max(4, Math.round(entryCount / 60)) }, (_, i) => `domain-${token(i)}`);
  const entries = Array.from({ length: entryCount }, (_, i) => ({ name: `entry-${token(i)}-${i}`, domain: pick(domains) }));

  for (const [i, e] of entries.entries()) {
    const topics = [...new Set(Array.from({ length: 4 + Math.floor(rand() * 6) }, zipf))];
    const lines = [];
    const target = 100 + Math.floor(rand() * 300);
    lines.push(sentence(30), '', '## Summary', '', sentence(40), '', '## Deep Guidance', '');
    let section = 0;
    while (lines.length < target) {
      lines.push(`### ${sentence(4).slice(0, -1)} ${++section}`, '');
      const kind = rand();
      if (kind < 0.25) {
        lines.push('| Option | When | Cost |', '|---|---|---|');
        for (let r = 0; r < 4; r++) lines.push(`| ${word()} | ${sentence(5)} | ${word()} |`);
        lines.push('');
      } else if (kind < 0.5) {
        lines.push('```' + pick(LANGS));
        for (let r = 0; r < 8; r++) lines.push(`${word()}_${r} = "${word()}"  # ${sentence(4)}`);
        lines.push('```', '');
      } else if (kind < 0.65) {
        const other = entries[Math.floor(rand() * entryCount)];
        const rel = other.domain === e.domain ? `./${other.name}.md` : `../${other.domain}/${other.name}.md`;
        lines.push(`See [${other.name}](${rel}) for the ${word()} side of this.`, '');
      }
      for (let p = 0; p < 2; p++) lines.push(sentence(20 + Math.floor(rand() * 20)), '');
      if (rand() < 0.3) lines.push(`#### ${sentence(3).slice(0, -1)} detail ${section}`, '', `- ${sentence(8)}`, `- ${sentence(8)}`, '');
    }
    const fm = ['---', `name: ${e.name}`, `description: ${sentence(14)}`, `topics: [${topics.join(', ')}]`, 'volatility: evolving', `last-reviewed: ${i % 3 ? '2026-06-01' : 'null'}`, 'version-pin: null', 'sources: []', '---', ''];
    const dir = join(root, 'knowledge', e.domain);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${e.name}.md`), fm.join('\n') + lines.join('\n') + '\n');
  }

  const steps = PHASES.flatMap(([phase, base]) => Array.from({ length: 5 }, (_, k) => ({ name: `${phase}-step-${k + 1}`, phase, order: base + k * 10 })));
  for (const s of steps) {
    const dir = join(root, 'pipeline', s.phase);
    mkdirSync(dir, { recursive: true });
    const kb = Array.from({ length: 2 }, () => pick(entries).name);
    writeFileSync(
      join(dir, `${s.name}.md`),
      `---\nname: ${s.name}\ndescription: ${sentence(6)}\nsummary: "${sentence(12)}"\nphase: "${s.phase}"\norder: ${s.order}\ndependencies: []\noutputs: []\nknowledge-base: [${kb.join(', ')}]\n---\n\n## Purpose\n\n${sentence(30)}\n`,
    );
  }

  mkdirSync(join(root, 'methodology'), { recursive: true });
  for (let t = 0; t < 12; t++) {
    const type = `type-${token(t)}`;
    const overrides = steps
      .filter(() => rand() < 0.5)
      .map((s) => `  ${s.name}:\n    append: [${Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(entries).name).join(', ')}]`);
    writeFileSync(
      join(root, 'methodology', `${type}-overlay.yml`),
      `name: ${type}\ndescription: ${sentence(16)}\nproject-type: ${type}\nstep-overrides:\n  ${steps[0].name}: { enabled: true }\nknowledge-overrides:\n${overrides.join('\n')}\n`,
    );
  }
  return { entries: entries.length, steps: steps.length, domains: domains.length, topics: vocab.length };
}
