import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes a content tree into a fresh temp dir; keys are paths relative to `content/`. */
export function tempTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kb-tree-'));
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

export function entry(name: string, extra = '', body = '## Summary\n\nText.\n'): string {
  return `---\nname: ${name}\ndescription: About ${name}\ntopics: [alpha, shared]\n${extra}---\n\n${body}`;
}

export function step(name: string, phase: string, order: number, extra = ''): string {
  return `---\nname: ${name}\ndescription: Step ${name}\nsummary: Does ${name}.\nphase: ${phase}\norder: ${order}\ndependencies: []\noutputs: []\nknowledge-base: []\n${extra}---\n\n## Purpose\n\nMakes things.\n`;
}

/** A small tree that exercises every content kind: the happy path of most tests. */
export function goodTree(overrides: Record<string, string> = {}): string {
  return tempTree({
    'knowledge/VERSION': '1.2.3\n',
    'knowledge/core/alpha.md': entry('alpha', 'volatility: stable\nlast-reviewed: 2026-01-02\n'),
    'knowledge/core/beta.md': entry('beta', '', '# Beta Guide\n\n## Setup\n\nSee [gamma](../ml/gamma.md#usage) and [missing](./nope.md).\n'),
    'knowledge/ml/gamma.md': entry('gamma', 'sources:\n  - url: https://example.org/doc\n    retrieved: 2026-02-03\n', '## Usage\n\nUse it.\n'),
    'knowledge/ml/README.md': '# ML\n\nIntro to the ml domain.\n',
    'pipeline/pre/create-prd.md': step('create-prd', 'pre', 110),
    'pipeline/architecture/system-architecture.md': step('system-architecture', 'architecture', 710),
    'pipeline/foundation/tdd.md': step('tdd', 'foundation', 250),
    'methodology/web-app-overlay.yml':
      'name: web-app\ndescription: Web apps.\nproject-type: web-app\nstep-overrides:\n  tdd: { enabled: false }\nknowledge-overrides:\n  system-architecture:\n    append: [beta, alpha]\n  create-prd:\n    append: [alpha]\n',
    'methodology/web-app-fintech.yml':
      'name: web-app-fintech\ndescription: Money.\nproject-type: web-app\ndomain: fintech\nknowledge-overrides:\n  tdd:\n    append: [gamma]\n',
    'methodology/multi-service-overlay.yml': 'name: multi-service\ndescription: Many services.\nknowledge-overrides:\n  tdd:\n    append: [gamma]\n',
    'methodology/mvp.yml': 'name: MVP\ndescription: Fast.\ndefault_depth: 1\nsteps:\n  create-prd: { enabled: true }\n  tdd: { enabled: false }\n',
    ...overrides,
  });
}
