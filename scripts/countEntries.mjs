// Knowledge entries in a tree, counted from file names before anything is parsed: the build
// sizes its heap limit and its page concurrency by it. README.md files are not entries.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function countEntries(contentRoot) {
  const walk = (dir) => {
    if (!existsSync(dir)) return 0;
    let n = 0;
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (d.isDirectory()) n += walk(join(dir, d.name));
      else if (d.name.endsWith('.md') && d.name !== 'README.md') n++;
    }
    return n;
  };
  return walk(join(contentRoot, 'knowledge'));
}
