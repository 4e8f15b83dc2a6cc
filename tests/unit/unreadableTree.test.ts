import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entry, goodTree } from '../helpers/tempTree';

/**
 * Root reads every file whatever its mode, so as root the tree is loaded by an unprivileged
 * user (setpriv, util-linux); otherwise by this user. Either way in a process of its own.
 */
const asRoot = process.getuid?.() === 0;
const loader = join(process.cwd(), 'tests/support/loadTreeCli.mjs');
function load(root: string) {
  const cmd = asRoot ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, loader, root]] as const : [process.execPath, [loader, root]] as const;
  return spawnSync(cmd[0], [...cmd[1]], { encoding: 'utf8', timeout: 60_000 });
}

// An unprivileged user must be able to reach this checkout's sources to run the loader at all.
const reachable = load(join(process.cwd(), 'content')).status === 0;

describe.skipIf(!reachable)('a tree with files the build cannot read', () => {
  it('should list each unreadable file and folder with the tree\'s other problems', () => {
    const root = goodTree({ 'knowledge/core/delta.md': entry('delta'), 'knowledge/secret/epsilon.md': entry('epsilon'), 'knowledge/core/zeta.md': '---\nname: zeta\n---\n' });
    for (let d = root; d !== dirname(d); d = dirname(d)) if (d.startsWith('/tmp/')) chmodSync(d, 0o755);
    mkdirSync(join(root, 'methodology'), { recursive: true });
    chmodSync(join(root, 'knowledge/core/delta.md'), 0o000);
    chmodSync(join(root, 'knowledge/secret'), 0o000);
    const out = load(root);
    expect(out.status, out.stderr).toBe(1);
    expect(out.stderr).toBe('');
    const lines = out.stdout.split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toContain('- knowledge/core/delta.md — expected a file the build can read; found permission denied (EACCES)');
    expect(lines).toContain('- knowledge/secret/ — expected a folder the build can read; found permission denied (EACCES)');
    expect(lines).toContain('- knowledge/core/zeta.md — **description**: expected string; found nothing (the field is missing)');
    expect(lines).toHaveLength(4);
  });
});
