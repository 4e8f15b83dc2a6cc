import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTree } from '../helpers/buildTree';
import { goodTree } from '../helpers/tempTree';

const EDIT = 'https://github.com/org/scaffold/edit/main/content/';

describe('a tree in a git checkout, built with KB_EDIT_URL', () => {
  it('should link entries, steps and landings to the file that made them, and say when each entry last changed', () => {
    const root = goodTree();
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
        env: { ...process.env, GIT_COMMITTER_DATE: '2026-05-06T10:00:00Z', GIT_AUTHOR_DATE: '2026-05-06T10:00:00Z' },
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'tree');
    const { status, text } = buildTree(root, { KB_EDIT_URL: EDIT });
    expect(status, text).toBe(0);
    const page = (p: string) => readFileSync(join(root, 'dist', p, 'index.html'), 'utf8');
    const editLink = (html: string) => /<p class="edit-link"><a href="([^"]+)"/.exec(html)?.[1];
    expect(editLink(page('kb/alpha'))).toBe(`${EDIT}knowledge/core/alpha.md`);
    expect(editLink(page('steps/tdd'))).toBe(`${EDIT}pipeline/foundation/tdd.md`);
    expect(editLink(page('types/web-app'))).toBe(`${EDIT}methodology/web-app-overlay.yml`);
    // alpha has last-reviewed; beta has none, so its file's last commit stands in, and says so.
    expect(page('kb/alpha')).toContain('<dt>Last reviewed</dt><dd>2026-01-02</dd>');
    expect(page('kb/beta')).toContain(`<dt>Last changed</dt><dd>2026-05-06<span class="muted"> (its file's last commit)</span></dd>`);
  }, 120_000);

  it('should show no edit link without KB_EDIT_URL, and no dev-only note', () => {
    const root = goodTree();
    expect(buildTree(root).status).toBe(0);
    expect(readFileSync(join(root, 'dist/kb/alpha/index.html'), 'utf8')).not.toContain('edit-link');
    // The note on which index search uses is for `npm run dev` only.
    expect(readFileSync(join(root, 'dist/search/index.html'), 'utf8')).not.toContain('search-dev-note');
  }, 120_000);
});
