import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { formatProblem, KnowledgeBaseError, type Problem } from '../lib/kb/problems';
import { ALL_VERSIONS, versionNameProblem } from '../lib/settings';
import { compareVersionNames } from '../lib/versions/versionOrder';
import type { VersionInfo } from '../lib/versions/types';

/**
 * Where each published version's content tree comes from (KB_VERSIONS), in one of two forms:
 *
 * - **folders**: `<contentDir>/<name>/` holds the version's tree (`knowledge/` inside); `all` is
 *   every such subfolder. Date and commit are null; the order is the names' (v3.9.0 < v3.10.0).
 * - **git**: `contentDir` is a content tree inside a git work tree and each name is a tag, branch
 *   or commit of that repository; `all` is every tag whose tree has the content folder's
 *   `knowledge/`. The tree is read from the commit, never from the working copy: `git archive`
 *   of the content folder's tree, unpacked once into `<cacheDir>/versions/<tree id>/` (a tree id
 *   names its content, so a folder once complete is never stale, and commits with the same
 *   content share it). The order is by commit date, then by name.
 *
 * The folder form wins when every listed name is such a subfolder (for `all`: when there is at
 * least one), so a repository that keeps its versions side by side in folders works whether or
 * not it is in git; otherwise the names are refs. Mixing the forms in one list is not supported.
 *
 * Each question to git is one process for every version (which refs exist and hold a tree, their
 * dates), plus `git archive` and `tar` for each tree not yet unpacked.
 */
export interface VersionSourceOptions {
  /** KB_CONTENT_DIR: a content tree in a git work tree, or a folder of version folders. */
  contentDir: string;
  /** KB_VERSIONS: names (checked by the settings), or `all`. */
  versions: readonly string[] | 'all';
  /** KB_LATEST; unset means the newest. */
  latest?: string;
  /** Where trees read from git are unpacked (`<cacheDir>/versions/`); kept between builds. */
  cacheDir: string;
}

/**
 * Every problem with the versions at once, each naming the setting and the version, like a
 * tree's problems (a KnowledgeBaseError, so the loader and `npm run check` show it the same way).
 */
export class VersionSourceError extends KnowledgeBaseError {
  constructor(root: string, problems: Problem[]) {
    super(root, problems);
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    this.message =
      `The versions to publish from ${root} have ${count}:\n${problems.map(formatProblem).join('\n')}\n` +
      'Set KB_VERSIONS (and KB_LATEST) to versions that exist, as the README says under "Versions", and run again. ' +
      'A CI checkout needs the tags: actions/checkout with fetch-depth: 0.';
    this.name = 'VersionSourceError';
  }
}

/** A version found, before KB_LATEST is applied. */
type Found = Omit<VersionInfo, 'latest'>;

/** The versions to publish, oldest first, each with its tree on disk; throws VersionSourceError. */
export function resolveVersions(options: VersionSourceOptions): VersionInfo[] {
  const contentDir = resolve(options.contentDir);
  const fail = (problems: Problem[]) => new VersionSourceError(contentDir, problems);
  const listed = options.versions === ALL_VERSIONS ? undefined : [...options.versions];
  if (listed) {
    const bad = listed.flatMap((name) => nameProblems('KB_VERSIONS', name));
    if (bad.length) throw fail(bad);
  }

  /**
   * The names found, checked before any tree is unpacked: for `all` (tags, folders) the rule
   * listed names passed in the settings; names that differ only in case; KB_LATEST among them.
   */
  const check = (names: string[]) => {
    const problems = listed ? [] : names.flatMap((name) => nameProblems('KB_VERSIONS', name));
    const byKey = new Map<string, string>();
    for (const name of names) {
      const other = byKey.get(name.toLowerCase());
      if (other !== undefined && other !== name) problems.push({ file: 'KB_VERSIONS', field: name, expected: `expected names that differ in more than case; also ${other}`, found: 'one folder on a case-insensitive disk' });
      byKey.set(name.toLowerCase(), name);
    }
    if (options.latest !== undefined && !names.includes(options.latest)) {
      problems.push({ file: 'KB_LATEST', field: options.latest, expected: `expected one of the versions found (${names.join(', ')})`, found: 'no such version' });
    }
    if (problems.length) throw fail(problems);
  };

  const folders = versionFolders(contentDir);
  const useFolders = listed ? listed.length > 0 && listed.every((name) => folders.has(name)) : folders.size > 0;
  const git = useFolders ? undefined : gitLocation(contentDir, fail);
  const found = useFolders || !git ? fromFolders(contentDir, listed, folders, check, fail) : fromGit(git, listed, resolve(options.cacheDir), folders, check, fail);
  const latest = options.latest ?? found.at(-1)?.name;
  return found.map((v) => ({ ...v, latest: v.name === latest }));
}

function nameProblems(setting: string, name: string): Problem[] {
  const why = versionNameProblem(name);
  return why ? [{ file: setting, field: name, expected: why, found: JSON.stringify(name) }] : [];
}

/** Subfolders of `dir` that hold a content tree, by name. */
function versionFolders(dir: string): Set<string> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return new Set();
  }
  return new Set(names.filter((name) => isDirectory(join(dir, name, 'knowledge'))));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

type Check = (names: string[]) => void;
type Fail = (problems: Problem[]) => Error;

function fromFolders(contentDir: string, listed: string[] | undefined, folders: Set<string>, check: Check, fail: Fail): Found[] {
  if (!isDirectory(contentDir)) {
    throw fail([{ file: 'KB_CONTENT_DIR', expected: 'expected a folder of version folders, or a content tree in a git work tree', found: `nothing at ${contentDir}` }]);
  }
  if (!listed && folders.size === 0) {
    throw fail([
      {
        file: 'KB_VERSIONS',
        field: ALL_VERSIONS,
        expected: `expected ${contentDir} to hold version folders (each with knowledge/ inside), or to be in a git work tree whose tags are the versions`,
        found: 'neither',
      },
    ]);
  }
  const names = listed ?? [...folders];
  const problems: Problem[] = [];
  for (const name of names) {
    if (folders.has(name)) continue;
    const path = join(contentDir, name);
    problems.push({
      file: 'KB_VERSIONS',
      field: name,
      expected: `expected a folder ${path} holding the version's content tree (knowledge/ inside); ${contentDir} is not in a git work tree, so versions are its folders`,
      found: isDirectory(path) ? 'a folder without knowledge/' : 'no such folder',
    });
  }
  if (problems.length) throw fail(problems);
  check(names);
  return names
    .map((name) => ({ name, root: join(contentDir, name), date: null, commit: null }))
    .sort((a, b) => compareVersionNames(a.name, b.name));
}

interface GitLocation {
  /** The work tree's top folder. */
  top: string;
  /** The content folder's path in the repository, `content` or `` for the top. */
  prefix: string;
}

/** Where `dir` sits in its git work tree; undefined outside one (or without git). */
function gitLocation(dir: string, fail: Fail): GitLocation | undefined {
  const out = spawnSync('git', ['-C', dir, 'rev-parse', '--show-toplevel', '--show-prefix'], { encoding: 'utf8' });
  // A checkout owned by another user (common in CI containers) is refused, not absent: say so
  // rather than report it as a folder outside git.
  if (out.stderr?.includes('safe.directory')) {
    throw fail([{ file: 'KB_CONTENT_DIR', expected: `expected git to read the repository ${dir} is in (git config --global --add safe.directory <its top folder>)`, found: out.stderr.trim().split('\n')[0] }]);
  }
  if (out.status !== 0) return undefined;
  const [top, prefix = ''] = out.stdout.split('\n');
  return { top, prefix: prefix.replace(/\/$/, '') };
}

function gitOutput(top: string, args: string[], input?: string): string {
  const out = spawnSync('git', ['-C', top, '-c', 'core.quotePath=false', ...args], { encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });
  if (out.status !== 0) throw new Error(`git ${args.join(' ')} in ${top} failed: ${out.error?.message ?? out.stderr.trim()}`);
  return out.stdout;
}

/** What the repository holds of one name: its commit and its content folder's tree, if any. */
interface RefLookup {
  commit: string | undefined;
  contentTree: string | undefined;
}

/** One `git cat-file --batch-check` for every name: does it name a commit, and does that have `<prefix>/knowledge`? */
function lookUpRefs(git: GitLocation, refs: string[]): RefLookup[] {
  const contentPath = (ref: string) => (git.prefix ? `${ref}:${git.prefix}` : `${ref}^{tree}`);
  const knowledgePath = (ref: string) => `${ref}:${git.prefix ? `${git.prefix}/` : ''}knowledge`;
  const questions = refs.flatMap((ref) => [`${ref}^{commit}`, contentPath(ref), knowledgePath(ref)]);
  const answers = gitOutput(git.top, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], questions.map((q) => `${q}\n`).join('')).split('\n');
  /** The object's id when the answer is an object of `type`; `<question> missing` (or `ambiguous`) otherwise. */
  const object = (i: number, type: string) => {
    const [id, kind] = answers[i].split(' ');
    return kind === type && /^[0-9a-f]{40,64}$/.test(id) ? id : undefined;
  };
  return refs.map((_, r) => {
    const commit = object(3 * r, 'commit');
    const hasKnowledge = object(3 * r + 2, 'tree') !== undefined;
    return { commit, contentTree: commit && hasKnowledge ? object(3 * r + 1, 'tree') : undefined };
  });
}

function fromGit(git: GitLocation, listed: string[] | undefined, cacheDir: string, folders: Set<string>, check: Check, fail: Fail): Found[] {
  const knowledge = `${git.prefix ? `${git.prefix}/` : ''}knowledge/`;
  let refs: string[];
  let lookups: RefLookup[];
  if (listed) {
    refs = listed;
    lookups = lookUpRefs(git, refs);
    const problems: Problem[] = [];
    refs.forEach((name, i) => {
      const { commit, contentTree } = lookups[i];
      if (!commit) {
        const folder = folders.has(name) ? ` (${join(git.top, git.prefix, name)}/ is a version folder, but not every listed version is one: list only folders or only refs)` : '';
        problems.push({ file: 'KB_VERSIONS', field: name, expected: `expected a tag, branch or commit of the git repository at ${git.top}`, found: `no such ref${folder}` });
      } else if (!contentTree) {
        problems.push({ file: 'KB_VERSIONS', field: name, expected: `expected a tag, branch or commit whose tree has ${knowledge}`, found: `commit ${commit.slice(0, 12)} without it` });
      }
    });
    if (problems.length) throw fail(problems);
  } else {
    // Full ref names: a branch named like a tag does not get in the way.
    const tags = gitOutput(git.top, ['for-each-ref', '--format=%(refname)', 'refs/tags']).split('\n').filter(Boolean);
    const all = lookUpRefs(git, tags);
    refs = [];
    lookups = [];
    tags.forEach((tag, i) => {
      if (!all[i].contentTree) return;
      refs.push(tag.slice('refs/tags/'.length));
      lookups.push(all[i]);
    });
    if (!refs.length) {
      throw fail([{ file: 'KB_VERSIONS', field: ALL_VERSIONS, expected: `expected at least one tag of the git repository at ${git.top} whose tree has ${knowledge}`, found: tags.length ? `${tags.length} tag(s), none with it` : 'no tags' }]);
    }
  }

  check(refs);

  const commits = [...new Set(lookups.map((l) => l.commit!))];
  const dates = new Map<string, string>();
  for (const line of gitOutput(git.top, ['log', '--no-walk=unsorted', '--format=%H %cI', ...commits]).split('\n')) {
    const [commit, date] = line.split(' ');
    if (commit && date) dates.set(commit, date);
  }
  const trees = new Map<string, string>();
  const problems: Problem[] = [];
  removeAbandoned(join(cacheDir, 'versions'));
  for (const [i, name] of refs.entries()) {
    const tree = lookups[i].contentTree!;
    if (trees.has(tree)) continue;
    const unpacked = unpackTree(git.top, tree, join(cacheDir, 'versions'));
    if (typeof unpacked === 'string') trees.set(tree, unpacked);
    else problems.push({ file: 'KB_VERSIONS', field: name, ...unpacked });
  }
  if (problems.length) throw fail(problems);

  return refs
    .map((name, i) => ({ name, root: trees.get(lookups[i].contentTree!)!, date: dates.get(lookups[i].commit!) ?? null, commit: lookups[i].commit! }))
    .sort((a, b) => Date.parse(a.date ?? '') - Date.parse(b.date ?? '') || compareVersionNames(a.name, b.name));
}

/**
 * The folder holding git tree `tree` unpacked: `<versionsDir>/<tree>/`. Unpacked into a
 * temporary sibling and renamed, so an interrupted build never leaves a half tree under the
 * final name; a folder under the final name is complete and reused as it is. Checks what `tar`
 * wrote against `git ls-tree` (an `export-ignore` attribute or a submodule would leave files out).
 */
function unpackTree(top: string, tree: string, versionsDir: string): string | { expected: string; found: string } {
  const dir = join(versionsDir, tree);
  if (existsSync(dir)) return dir;
  mkdirSync(versionsDir, { recursive: true });
  const temporary = `${dir}.partial-${process.pid}-${Date.now().toString(36)}`;
  mkdirSync(temporary);
  try {
    const archive = spawnSync('git', ['-C', top, 'archive', '--format=tar', tree], { maxBuffer: 2 * 1024 * 1024 * 1024 });
    if (archive.status !== 0) return { expected: `expected git archive to write tree ${tree}`, found: archive.error?.message ?? archive.stderr.toString().trim() };
    const tar = spawnSync('tar', ['-x', '-f', '-', '-C', temporary], { input: archive.stdout, encoding: 'utf8' });
    if (tar.status !== 0) return { expected: 'expected tar (on PATH) to unpack the archive git wrote', found: tar.error?.message ?? tar.stderr.trim() };

    const inGit = gitOutput(top, ['ls-tree', '-r', '-z', tree])
      .split('\0')
      .filter((line) => line.split('\t')[0].split(' ')[1] === 'blob')
      .map((line) => line.slice(line.indexOf('\t') + 1));
    const onDisk = new Set(filesUnder(temporary));
    const missing = inGit.filter((file) => !onDisk.has(file));
    if (missing.length || onDisk.size !== inGit.length) {
      return {
        expected: `expected every file of tree ${tree} (git ls-tree) unpacked, ${inGit.length} files`,
        found: `${onDisk.size} on disk, missing ${missing.slice(0, 3).join(', ') || 'none'}${missing.length > 3 ? ', …' : ''} (an export-ignore attribute in .gitattributes?)`,
      };
    }
    try {
      renameSync(temporary, dir);
    } catch (err) {
      // Another build unpacked the same tree first: its folder is as good as ours.
      if (!existsSync(dir)) throw err;
    }
    return dir;
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

/** Temporary folders left by builds that were stopped while unpacking a tree. */
function removeAbandoned(versionsDir: string): void {
  if (!existsSync(versionsDir)) return;
  for (const name of readdirSync(versionsDir)) {
    const pid = Number(/^[0-9a-f]+\.partial-(\d+)-/.exec(name)?.[1]);
    if (pid && !isRunning(pid)) rmSync(join(versionsDir, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Files and symlinks under `dir`, as `/`-separated paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => !d.isDirectory())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'));
}
