import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_CONTENT } from '../build/sites';

const corpus = CORPUS_CONTENT;
const tool = resolve('../shared/tools/overlap.py');
const available = existsSync(corpus) && existsSync(tool);

describe.runIf(available || process.env.CI === 'true')('the embedded content', () => {
  it('should share no 12-word run with the reference corpus', () => {
    expect(available, 'the shared corpus and overlap tool are required when CI=true').toBe(true);
    const out = spawnSync('python3', [tool, corpus, resolve('content')], { encoding: 'utf8' });
    expect(out.stdout).toContain('0 shared 12-word runs');
    expect(out.status).toBe(0);
  });
});
