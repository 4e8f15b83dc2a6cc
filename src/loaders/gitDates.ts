import { spawnSync } from 'node:child_process';
import { relative, sep } from 'node:path';

/**
 * When each file of a tree last changed in git, by its path relative to the tree: one `git
 * log` for the whole tree, newest commit first, so a file's first appearance is its date. A
 * tree that is not in a git work tree (or a machine without git) gets an empty map.
 */
export function gitDates(root: string): Map<string, string> {
  const dates = new Map<string, string>();
  const top = spawnSync('git', ['-C', root, 'rev-parse', '--show-toplevel'], { encoding: 'utf8' });
  if (top.status !== 0) return dates;
  const prefix = relative(top.stdout.trim(), root).split(sep).join('/');
  const log = spawnSync('git', ['-C', root, '-c', 'core.quotePath=false', 'log', '--format=%x00%cI', '--name-only', '--no-renames', '--', '.'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (log.status !== 0) return dates;
  let date = '';
  for (const line of log.stdout.split('\n')) {
    if (line.startsWith('\0')) date = line.slice(1, 11);
    else if (line && date) {
      const file = prefix ? line.slice(prefix.length + 1) : line;
      if (!dates.has(file)) dates.set(file, date);
    }
  }
  return dates;
}
