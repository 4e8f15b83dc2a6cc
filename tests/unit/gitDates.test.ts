import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitDates } from '../../src/loaders/gitDates';

describe('last commit dates of a tree', () => {
  it('should give each file of a tree in a subfolder the date of its newest commit', () => {
    const repo = mkdtempSync(join(tmpdir(), 'kb-git-'));
    const git = (args: string[], date: string) =>
      execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { env: { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date } });
    mkdirSync(join(repo, 'content/knowledge/ml'), { recursive: true });
    writeFileSync(join(repo, 'content/knowledge/ml/a.md'), 'one\n');
    writeFileSync(join(repo, 'content/knowledge/ml/b é.md'), 'one\n');
    git(['init', '-q'], '2026-01-01T10:00:00Z');
    git(['add', '.'], '2026-01-01T10:00:00Z');
    git(['commit', '-qm', 'first'], '2026-01-01T10:00:00Z');
    writeFileSync(join(repo, 'content/knowledge/ml/a.md'), 'two\n');
    git(['commit', '-qam', 'second'], '2026-03-04T10:00:00Z');
    const dates = gitDates(join(repo, 'content'));
    expect(Object.fromEntries(dates)).toEqual({ 'knowledge/ml/a.md': '2026-03-04', 'knowledge/ml/b é.md': '2026-01-01' });
  });

  it('should give nothing for a tree outside git', () => {
    expect(gitDates(mkdtempSync(join(tmpdir(), 'kb-nogit-'))).size).toBe(0);
  });
});
