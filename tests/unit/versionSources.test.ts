import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBaseError } from '../../src/lib/kb/problems';
import { versionNameProblem } from '../../src/lib/settings';
import { compareVersionNames } from '../../src/lib/versions/versionOrder';
import { resolveVersions, VersionSourceError, type VersionSourceOptions } from '../../src/versions/versionSources';

/** Three releases of the scaffold knowledge base as git history; a user's clone has no ../shared. */
const BUNDLE = resolve('..', 'shared', 'corpus', 'scaffold-versions', 'scaffold-content.bundle');
const TAGS = ['v3.30.0', 'v3.40.0', 'v3.54.0'];

const temporary = (prefix: string) => realpathSync(mkdtempSync(join(tmpdir(), prefix)));

/** The problem lines of the error `resolveVersions` throws. */
function problemLines(options: VersionSourceOptions): string[] {
  try {
    resolveVersions(options);
  } catch (err) {
    expect(err).toBeInstanceOf(VersionSourceError);
    expect(err).toBeInstanceOf(KnowledgeBaseError);
    return (err as Error).message.split('\n').filter((l) => l.startsWith('- '));
  }
  throw new Error(`expected ${JSON.stringify(options.versions)} to be rejected`);
}

/** Files and symlinks under `dir`, `/`-separated, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => !d.isDirectory())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

describe.skipIf(!existsSync(BUNDLE))('versions from git (the scaffold releases bundle)', () => {
  let repo: string;
  let content: string;
  let caches: string;
  let cacheCount = 0;
  /** A cache of its own, so a test sees a cold start. */
  const freshCache = () => join(caches, String(++cacheCount));
  /** The cache tests share when where a tree was unpacked from does not matter to them. */
  const shared = () => join(caches, 'shared');
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();

  beforeAll(() => {
    const dir = temporary('kb-versions-');
    repo = join(dir, 'scaffold');
    caches = join(dir, 'caches');
    execFileSync('git', ['clone', '-q', BUNDLE, repo]);
    content = join(repo, 'content');
    // A release whose tree has no content/knowledge: v3.30.0 without it, committed through a
    // separate index so the working copy stays as it is.
    const env = { ...process.env, GIT_INDEX_FILE: join(dir, 'index'), GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' };
    const plumbing = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', env }).trim();
    plumbing('read-tree', 'v3.30.0');
    plumbing('rm', '--cached', '-r', '-q', '-f', 'content/knowledge');
    const commit = plumbing('commit-tree', plumbing('write-tree'), '-p', 'v3.30.0', '-m', 'without knowledge');
    plumbing('tag', 'v0.9.0', commit);
  });

  afterAll(() => {
    if (repo) rmSync(join(repo, '..'), { recursive: true, force: true });
  });

  it('should give the listed versions oldest first, each with its commit, its commit date and its tree', () => {
    const versions = resolveVersions({ contentDir: content, versions: ['v3.54.0', 'v3.30.0', 'v3.40.0'], cacheDir: freshCache() });
    expect(versions.map((v) => v.name)).toEqual(TAGS);
    for (const v of versions) {
      expect(v.commit).toBe(git('rev-parse', `${v.name}^{commit}`));
      expect(v.date).toBe(git('log', '-1', '--format=%cI', v.name));
      expect(existsSync(join(v.root, 'knowledge'))).toBe(true);
    }
    expect(versions.map((v) => v.latest)).toEqual([false, false, true]);
  });

  it('should find every tag with a knowledge tree for all, and leave out a tag without one', () => {
    expect(git('tag')).toContain('v0.9.0');
    const versions = resolveVersions({ contentDir: content, versions: 'all', cacheDir: shared() });
    expect(versions.map((v) => v.name)).toEqual(TAGS);
    expect(versions.find((v) => v.latest)?.name).toBe('v3.54.0');
  });

  it('should put the version KB_LATEST names at today\'s URLs', () => {
    const cacheDir = shared();
    expect(resolveVersions({ contentDir: content, versions: TAGS, latest: 'v3.40.0', cacheDir }).filter((v) => v.latest).map((v) => v.name)).toEqual(['v3.40.0']);
    expect(resolveVersions({ contentDir: content, versions: 'all', latest: 'v3.30.0', cacheDir }).filter((v) => v.latest).map((v) => v.name)).toEqual(['v3.30.0']);
    expect(problemLines({ contentDir: content, versions: 'all', latest: 'v3.41.0', cacheDir })).toEqual([
      '- KB_LATEST — **v3.41.0**: expected one of the versions found (v3.30.0, v3.40.0, v3.54.0); found no such version',
    ]);
  });

  it('should take branches and commits as well as tags, ordered by commit date', () => {
    const sha = git('rev-parse', 'v3.40.0^{commit}');
    const versions = resolveVersions({ contentDir: content, versions: ['main', sha], cacheDir: shared() });
    expect(versions.map((v) => [v.name, v.commit])).toEqual([
      [sha, sha],
      ['main', git('rev-parse', 'v3.54.0^{commit}')],
    ]);
  });

  it.each(TAGS)('should unpack exactly the files git has under content/ at %s', (tag) => {
    const [version] = resolveVersions({ contentDir: content, versions: [tag], cacheDir: shared() });
    const inGit = git('-c', 'core.quotePath=false', 'ls-tree', '-r', '--name-only', tag, 'content/')
      .split('\n')
      .map((f) => f.slice('content/'.length))
      .sort();
    expect(inGit.length).toBeGreaterThan(250);
    expect(filesUnder(version.root)).toEqual(inGit);
  });

  it('should read the commit, not the working copy', () => {
    const file = git('ls-tree', '-r', '--name-only', 'HEAD', 'content/knowledge/').split('\n')[0];
    const untracked = join(content, 'knowledge', 'untracked-entry.md');
    writeFileSync(join(repo, file), 'edited in the working copy\n');
    writeFileSync(untracked, '---\nname: untracked-entry\n---\n');
    try {
      expect(git('status', '--porcelain')).not.toBe('');
      const [version] = resolveVersions({ contentDir: content, versions: ['v3.54.0'], cacheDir: freshCache() });
      expect(readFileSync(join(version.root, file.slice('content/'.length)), 'utf8')).toBe(execFileSync('git', ['-C', repo, 'show', `v3.54.0:${file}`], { encoding: 'utf8' }));
      expect(existsSync(join(version.root, 'knowledge', 'untracked-entry.md'))).toBe(false);
    } finally {
      git('checkout', '--', file);
      rmSync(untracked);
    }
  });

  it('should unpack a tree once and reuse it, leaving no temporary folder behind', () => {
    const cacheDir = freshCache();
    const [first] = resolveVersions({ contentDir: content, versions: ['v3.40.0'], cacheDir });
    // A build stopped while unpacking left this; its process is gone.
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const abandoned = `${first.root}.partial-${gone}-x`;
    mkdirSync(abandoned);
    writeFileSync(join(first.root, 'marker'), 'kept');
    const versions = resolveVersions({ contentDir: content, versions: ['v3.40.0', 'v3.54.0'], cacheDir });
    expect(versions[0].root).toBe(first.root);
    expect(readFileSync(join(first.root, 'marker'), 'utf8')).toBe('kept');
    expect(readdirSync(join(cacheDir, 'versions')).filter((n) => n.includes('.partial-'))).toEqual([]);
    expect(existsSync(abandoned)).toBe(false);
  });

  it('should name every version that is not a ref, at once', () => {
    expect(problemLines({ contentDir: content, versions: ['v3.40.0', 'v9.9.9', 'v3.99'], cacheDir: shared() })).toEqual([
      `- KB_VERSIONS — **v9.9.9**: expected a tag, branch or commit of the git repository at ${repo}; found no such ref`,
      `- KB_VERSIONS — **v3.99**: expected a tag, branch or commit of the git repository at ${repo}; found no such ref`,
    ]);
  });

  it('should reject a ref whose tree has no knowledge folder', () => {
    const commit = git('rev-parse', 'v0.9.0^{commit}');
    expect(problemLines({ contentDir: content, versions: ['v3.40.0', 'v0.9.0'], cacheDir: shared() })).toEqual([
      `- KB_VERSIONS — **v0.9.0**: expected a tag, branch or commit whose tree has content/knowledge/; found commit ${commit.slice(0, 12)} without it`,
    ]);
  });

  it('should check the names of listed versions and of the tags all finds by the settings\' rule', () => {
    expect(problemLines({ contentDir: content, versions: ['kb'], cacheDir: shared() })).toEqual([`- KB_VERSIONS — **kb**: ${versionNameProblem('kb')}; found "kb"`]);
    git('tag', 'release/3.40', 'v3.40.0');
    try {
      expect(problemLines({ contentDir: content, versions: 'all', cacheDir: shared() })).toEqual([
        `- KB_VERSIONS — **release/3.40**: ${versionNameProblem('release/3.40')}; found "release/3.40"`,
      ]);
    } finally {
      git('tag', '-d', 'release/3.40');
    }
  });
});

describe('versions from folders', () => {
  let dir: string;
  /** A small content tree: one domain of this repository's content/. */
  const tree = (at: string) => {
    mkdirSync(join(at, 'knowledge'), { recursive: true });
    cpSync(resolve('content', 'knowledge', 'ml'), join(at, 'knowledge', 'ml'), { recursive: true });
  };

  beforeAll(() => {
    dir = temporary('kb-version-folders-');
    tree(join(dir, 'v3.9.0'));
    tree(join(dir, 'v3.10.0'));
    mkdirSync(join(dir, 'notes'));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('should take each listed version from its folder, ordered by name as a person reads it', () => {
    const versions = resolveVersions({ contentDir: dir, versions: ['v3.10.0', 'v3.9.0'], cacheDir: join(dir, '.cache') });
    expect(versions).toEqual([
      { name: 'v3.9.0', root: join(dir, 'v3.9.0'), date: null, commit: null, latest: false },
      { name: 'v3.10.0', root: join(dir, 'v3.10.0'), date: null, commit: null, latest: true },
    ]);
    expect(existsSync(join(dir, '.cache'))).toBe(false);
  });

  it('should find every folder with a knowledge tree for all, and honour KB_LATEST', () => {
    const versions = resolveVersions({ contentDir: dir, versions: 'all', latest: 'v3.9.0', cacheDir: join(dir, '.cache') });
    expect(versions.map((v) => [v.name, v.latest])).toEqual([
      ['v3.9.0', true],
      ['v3.10.0', false],
    ]);
  });

  it('should name each listed version that is not a version folder', () => {
    expect(problemLines({ contentDir: dir, versions: ['v3.9.0', 'v4.0.0', 'notes'], cacheDir: join(dir, '.cache') })).toEqual([
      `- KB_VERSIONS — **v4.0.0**: expected a folder ${join(dir, 'v4.0.0')} holding the version's content tree (knowledge/ inside); ${dir} is not in a git work tree, so versions are its folders; found no such folder`,
      `- KB_VERSIONS — **notes**: expected a folder ${join(dir, 'notes')} holding the version's content tree (knowledge/ inside); ${dir} is not in a git work tree, so versions are its folders; found a folder without knowledge/`,
    ]);
  });

  it('should report a folder with no version folders for all, and a missing folder', () => {
    const empty = temporary('kb-no-versions-');
    try {
      expect(problemLines({ contentDir: empty, versions: 'all', cacheDir: join(empty, '.cache') })).toEqual([
        `- KB_VERSIONS — **all**: expected ${empty} to hold version folders (each with knowledge/ inside), or to be in a git work tree whose tags are the versions; found neither`,
      ]);
      expect(problemLines({ contentDir: join(empty, 'gone'), versions: ['v1'], cacheDir: join(empty, '.cache') })).toEqual([
        `- KB_CONTENT_DIR — expected a folder of version folders, or a content tree in a git work tree; found nothing at ${join(empty, 'gone')}`,
      ]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('should check the names of the folders all finds', () => {
    const withBadName = temporary('kb-bad-folder-');
    try {
      tree(join(withBadName, 'v1'));
      tree(join(withBadName, 'search'));
      expect(problemLines({ contentDir: withBadName, versions: 'all', cacheDir: join(withBadName, '.cache') })).toEqual([
        `- KB_VERSIONS — **search**: ${versionNameProblem('search')}; found "search"`,
      ]);
    } finally {
      rmSync(withBadName, { recursive: true, force: true });
    }
  });

  it('should prefer version folders to refs when the folder is in git too', () => {
    const repo = temporary('kb-folders-in-git-');
    try {
      tree(join(repo, 'v1'));
      tree(join(repo, 'v2'));
      const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args]);
      git('init', '-q');
      git('add', '.');
      git('commit', '-qm', 'two versions side by side');
      git('tag', 'v0');
      const versions = resolveVersions({ contentDir: repo, versions: ['v2', 'v1'], cacheDir: join(repo, '.cache') });
      expect(versions.map((v) => [v.name, v.root, v.commit])).toEqual([
        ['v1', join(repo, 'v1'), null],
        ['v2', join(repo, 'v2'), null],
      ]);
      expect(resolveVersions({ contentDir: repo, versions: 'all', cacheDir: join(repo, '.cache') }).map((v) => v.name)).toEqual(['v1', 'v2']);
      // v0 is a tag, v1 a folder: one list, one form, and the message says so.
      expect(problemLines({ contentDir: repo, versions: ['v0', 'v1'], cacheDir: join(repo, '.cache') })).toEqual([
        `- KB_VERSIONS — **v0**: expected a tag, branch or commit whose tree has knowledge/; found commit ${execFileSync('git', ['-C', repo, 'rev-parse', 'v0']).toString().trim().slice(0, 12)} without it`,
        `- KB_VERSIONS — **v1**: expected a tag, branch or commit of the git repository at ${repo}; found no such ref (${join(repo, 'v1')}/ is a version folder, but not every listed version is one: list only folders or only refs)`,
      ]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe('the order of version names', () => {
  it('should compare numbers as numbers and put a pre-release before its release', () => {
    const names = ['v10.0', 'v3.10.1', 'v3.10.0', 'v3.9.0', 'v3.10.0-rc.2', 'v3.10', 'v3.9.0-beta', 'v3.10.0-rc.10', 'v3.9.0-alpha', 'v3.09.1'];
    expect([...names].sort(compareVersionNames)).toEqual(['v3.9.0-alpha', 'v3.9.0-beta', 'v3.9.0', 'v3.09.1', 'v3.10', 'v3.10.0-rc.2', 'v3.10.0-rc.10', 'v3.10.0', 'v3.10.1', 'v10.0']);
  });

  it('should order other names by their letters and keep equal names equal', () => {
    expect(['release-b', 'release-a', '2026-10', '2026-9'].sort(compareVersionNames)).toEqual(['2026-9', '2026-10', 'release-a', 'release-b']);
    expect(compareVersionNames('v1', 'v1')).toBe(0);
    expect(Math.sign(compareVersionNames('V1', 'v1'))).toBe(-1);
  });
});
