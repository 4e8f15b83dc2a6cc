import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Three real releases of the scaffold knowledge base as a git bundle, beside the repository on
 * the machines it was prepared on (a clone elsewhere has no ../shared: the tests that need it skip).
 */
export const RELEASES_BUNDLE = resolve('..', 'shared', 'corpus', 'scaffold-versions', 'scaffold-content.bundle');
export const haveReleases = existsSync(RELEASES_BUNDLE);

export interface Releases {
  /** Tag → its `content/` folder. */
  content: Map<string, string>;
  dispose(): void;
}

/** Each tag's `content/` extracted into a fresh temp folder. */
export function extractReleases(tags: readonly string[]): Releases {
  const dir = mkdtempSync(join(tmpdir(), 'kb-releases-'));
  const repo = join(dir, 'repo');
  execFileSync('git', ['clone', '--quiet', RELEASES_BUNDLE, repo]);
  const content = new Map<string, string>();
  for (const tag of tags) {
    const out = join(dir, tag);
    mkdirSync(out);
    // `git archive | tar -x` without a shell: archive to a file, then unpack it.
    const tar = join(dir, `${tag}.tar`);
    execFileSync('git', ['-C', repo, 'archive', '--output', tar, tag, 'content']);
    execFileSync('tar', ['-x', '-f', tar, '-C', out]);
    content.set(tag, join(out, 'content'));
  }
  return { content, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
