// Knowledge entries in a tree, counted from file names before anything is parsed: the build
// sizes its heap limit and its page concurrency by it. README.md files are not entries.
// Folders it cannot read count as empty: the tree reader reports them with the other problems.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function countEntries(contentRoot) {
  const walk = (dir) => {
    let n = 0;
    let list;
    try {
      list = readdirSync(dir, { withFileTypes: true });
    } catch {
      return 0;
    }
    for (const d of list) {
      if (d.isDirectory()) n += walk(join(dir, d.name));
      else if (d.name.endsWith('.md') && d.name !== 'README.md') n++;
    }
    return n;
  };
  return walk(join(contentRoot, 'knowledge'));
}
