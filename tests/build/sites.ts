import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Output folders written by `npm test` (scripts/test-all.mjs) before these checks run. */
export const SITES = {
  embedded: resolve('dist'),
  corpus: resolve('dist-corpus'),
  basePath: resolve('dist-base'),
  /** SITE_URL=https://org.example/handbook: a GitHub Pages project site. */
  handbook: resolve('dist-handbook'),
};

export const CORPUS_CONTENT = resolve('../shared/corpus/scaffold/content');
export const corpusAvailable = existsSync(CORPUS_CONTENT);
export const requireCorpus = process.env.CI === 'true';
