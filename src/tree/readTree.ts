import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { z } from 'astro/zod';
import { KnowledgeEntryFrontmatterSchema } from '../lib/schema/knowledgeEntry';
import { DepthPresetSchema, methodologyKind, OverlaySchema } from '../lib/schema/methodology';
import { PipelineStepFrontmatterSchema } from '../lib/schema/pipelineStep';
import { ProjectTypeConfigSchema } from '../lib/schema/projectTypeConfig';
import { isProblem, parseYaml, splitMarkdown } from '../lib/kb/frontmatter';
import { describeValue, type Problem } from '../lib/kb/problems';
import type { KnowledgeTree } from '../lib/kb/types';
import { zodProblems } from '../lib/kb/zodProblems';
import { unknownOverlayKeys, unknownPresetKeys, unknownStepKeys } from '../lib/kb/unknownKeys';

export interface ReadResult {
  tree: KnowledgeTree;
  problems: Problem[];
  warnings: Problem[];
  /** Entry files that exist but failed validation; references to them are not reported twice. */
  rejectedEntries: Set<string>;
}

/** Largest content file read; the biggest upstream entry is ~60 KB. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

const toPosix = (p: string) => p.split(sep).join('/');
const isInside = (root: string, p: string) => p === root || p.startsWith(root + sep);

/**
 * Lists the files under `dir`, sorted. Nothing is skipped without a word: hidden files are
 * warnings, symbolic links that leave the tree or loop are problems, and every one is named.
 * Links that stay inside the tree are followed (a directory only once, so loops end).
 */
function walk(dir: string, realRoot: string, rel: (p: string) => string, problems: Problem[], warnings: Problem[], seen = new Set<string>()): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const realDir = realpathSync(dir);
  if (!isInside(realRoot, realDir)) {
    problems.push({ file: `${rel(dir)}/`, expected: 'expected a folder inside the content tree', found: 'a symbolic link to a place outside it' });
    return out;
  }
  if (seen.has(realDir)) return out;
  seen.add(realDir);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (err) {
    problems.push({ file: `${rel(dir)}/`, expected: 'expected a folder the build can read', found: unreadable(err) });
    return out;
  }
  for (const name of names) {
    const full = join(dir, name);
    const file = rel(full);
    if (name.startsWith('.')) {
      warnings.push({ file, expected: 'a hidden file or folder (its name starts with a dot), so not part of the site' });
      continue;
    }
    let isDir: boolean;
    try {
      if (lstatSync(full).isSymbolicLink()) {
        let real: string;
        try {
          real = realpathSync(full);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          problems.push({
            file,
            expected: 'expected a file or a link to a file inside the content tree',
            found: code === 'ELOOP' ? 'a symbolic link loop' : code === 'ENOENT' ? 'a symbolic link to nothing' : `a symbolic link that cannot be read (${code})`,
          });
          continue;
        }
        if (!isInside(realRoot, real)) {
          problems.push({ file, expected: 'expected a file or a link to a file inside the content tree', found: 'a symbolic link to a place outside it' });
          continue;
        }
        if (statSync(real).isDirectory() && seen.has(real)) {
          problems.push({ file, expected: 'expected each folder to be reached once', found: 'a symbolic link to a folder already read (a loop, or a second path to the same files)' });
          continue;
        }
      }
      const stat = statSync(full);
      isDir = stat.isDirectory();
      if (!isDir && !stat.isFile()) {
        // Reading a FIFO would hang the build; a device or socket is not content either.
        problems.push({ file, expected: 'expected a regular file or folder', found: stat.isFIFO() ? 'a named pipe' : 'a device or socket' });
        continue;
      }
    } catch (err) {
      problems.push({ file, expected: 'expected a readable file', found: unreadable(err) });
      continue;
    }
    if (isDir) out.push(...walk(full, realRoot, rel, problems, warnings, seen));
    else out.push(full);
  }
  return out;
}

/** What an error from the file system says, for a problem line: `permission denied (EACCES)`. */
function unreadable(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code ?? 'unknown';
  const what: Record<string, string> = { EACCES: 'permission denied', EPERM: 'operation not permitted', ENOTDIR: 'not a folder', EISDIR: 'a folder', EIO: 'an I/O error' };
  return `${what[code] ?? 'an error'} (${code})`;
}

/** The folders of a content tree that the site is built from. */
const CONTENT_FOLDERS = ['knowledge', 'pipeline', 'methodology', 'project-types'];

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What is at a path, in words for a problem line. */
function kindOf(path: string): string {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? 'a folder' : stat.isFile() ? 'a file' : 'neither a file nor a folder';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'nothing' : code === 'ENOTDIR' ? 'nothing (a part of the path is a file)' : unreadable(err);
  }
}

const isFolder = (path: string) => kindOf(path) === 'a folder';


/**
 * Reads a scaffold `content/` tree file by file. Each file is validated on its own here;
 * rules that span files (unique names, overlay references) live in checkTree.
 */
export function readTree(root: string): ReadResult {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const rejectedEntries = new Set<string>();
  const rel = (p: string) => toPosix(relative(root, p));
  // One schema of each kind per read: zod compiles a schema on its first parse, and a schema
  // made afresh for every file paid that for every file (~40% of reading the corpus).
  const schemas = {
    entry: KnowledgeEntryFrontmatterSchema(),
    step: PipelineStepFrontmatterSchema(),
    preset: DepthPresetSchema(),
    overlay: OverlaySchema(),
    config: ProjectTypeConfigSchema(),
  };
  const realRoot = existsSync(root) ? realpathSync(root) : root;
  const files = (dir: string) => (isFolder(join(root, dir)) ? walk(join(root, dir), realRoot, rel, problems, warnings) : []);

  /** A file's text, or undefined with a problem: too big, or bytes that are not UTF-8. */
  function readText(path: string): string | undefined {
    const file = rel(path);
    let bytes: Buffer;
    try {
      const size = statSync(path).size;
      if (size > MAX_FILE_BYTES) {
        problems.push({ file, expected: `expected a file of at most ${MAX_FILE_BYTES / 1024 / 1024} MB`, found: `${(size / 1024 / 1024).toFixed(1)} MB` });
        return undefined;
      }
      bytes = readFileSync(path);
    } catch (err) {
      problems.push({ file, expected: 'expected a file the build can read', found: unreadable(err) });
      return undefined;
    }
    try {
      return utf8.decode(bytes);
    } catch {
      // Name the line, so the author finds the byte without a hex editor.
      const text = new TextDecoder('utf-8').decode(bytes);
      const at = text.indexOf('\uFFFD');
      const line = at >= 0 ? text.slice(0, at).split('\n').length : undefined;
      problems.push({ file, line, expected: 'expected UTF-8 text', found: 'bytes that are not UTF-8 (saved in another encoding?)' });
      return undefined;
    }
  }
  const tree: KnowledgeTree = {
    root,
    hasPipeline: isFolder(join(root, 'pipeline')),
    entries: [],
    domainIntros: [],
    steps: [],
    overlays: [],
    presets: [],
    projectTypeConfigs: [],
  };

  const rootKind = kindOf(root);
  if (rootKind !== 'a folder') {
    problems.push({ file: './', expected: 'expected the content folder (KB_CONTENT_DIR): a folder holding knowledge/, and usually methodology/ and pipeline/', found: rootKind });
    return { tree, problems, warnings, rejectedEntries };
  }
  // Only these folders are read; anything else at the top is named, not silently ignored.
  let top: string[] = [];
  try {
    top = readdirSync(root).sort();
  } catch (err) {
    problems.push({ file: './', expected: 'expected a folder the build can read', found: unreadable(err) });
  }
  for (const name of top) {
    if (!CONTENT_FOLDERS.includes(name)) warnings.push({ file: name, expected: `not one of ${CONTENT_FOLDERS.map((f) => `${f}/`).join(', ')}, so not part of the site` });
  }
  for (const folder of CONTENT_FOLDERS) {
    const kind = kindOf(join(root, folder));
    if (kind === 'nothing' && folder === 'knowledge') {
      problems.push({ file: 'knowledge/', expected: 'expected a knowledge/ folder in the content folder', found: 'none' });
    } else if (kind !== 'nothing' && kind !== 'a folder') {
      problems.push({ file: folder, expected: `expected ${folder}/ to be a folder`, found: kind });
    }
  }

  function validate<S extends z.ZodType>(schema: S, data: unknown, file: string): z.output<S> | undefined {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    problems.push(...zodProblems(file, result.error, data));
    return undefined;
  }

  function readMarkdown(path: string) {
    const file = rel(path);
    const text = readText(path);
    if (text === undefined) return undefined;
    const split = splitMarkdown(text, file);
    if (isProblem(split)) {
      problems.push(split);
      return undefined;
    }
    return { file, ...split };
  }

  for (const path of files('knowledge')) {
    const file = rel(path);
    const parts = file.split('/');
    if (parts.length === 2 && parts[1] === 'VERSION') {
      tree.version = readText(path)?.trim();
      continue;
    }
    if (!file.endsWith('.md')) {
      warnings.push({ file, expected: 'not a markdown file, so not part of the site' });
      continue;
    }
    if (parts.length < 3) {
      problems.push({ file, expected: 'expected knowledge/<domain>/<name>.md', found: 'a file directly in knowledge/' });
      continue;
    }
    const md = readMarkdown(path);
    const stem = basename(file, '.md');
    if (!md) {
      rejectedEntries.add(stem);
      continue;
    }
    const domain = parts[1];
    if (basename(file) === 'README.md') {
      tree.domainIntros.push({ domain, file, body: md.body, bodyLine: md.bodyLine });
      continue;
    }
    if (!md.data) {
      problems.push({ file, expected: 'expected YAML frontmatter between --- lines with name, description and topics', found: 'no frontmatter' });
      rejectedEntries.add(stem);
      continue;
    }
    const data = validate(schemas.entry, md.data, file);
    if (!data) {
      rejectedEntries.add(stem);
      continue;
    }
    if (data.name !== stem) {
      rejectedEntries.add(stem);
      problems.push({ file, field: 'name', expected: `expected "${stem}" (the file name)`, found: JSON.stringify(data.name) });
      continue;
    }
    tree.entries.push({ name: data.name, domain, file, data, body: md.body, bodyLine: md.bodyLine });
  }

  if (isFolder(join(root, 'knowledge')) && !tree.entries.length && !problems.length) {
    warnings.push({ file: 'knowledge/', expected: 'has no entries yet, so the site has none to show; add knowledge/<domain>/<name>.md' });
  }

  for (const path of files('pipeline')) {
    const file = rel(path);
    if (!file.endsWith('.md')) {
      warnings.push({ file, expected: 'not a markdown file, so not part of the site' });
      continue;
    }
    const md = readMarkdown(path);
    if (!md) continue;
    if (!md.data) {
      problems.push({ file, expected: 'expected YAML frontmatter with name, description, phase and order', found: 'no frontmatter' });
      continue;
    }
    const data = validate(schemas.step, md.data, file);
    if (data) {
      tree.steps.push({ name: data.name, file, data, body: md.body, bodyLine: md.bodyLine });
      warnings.push(...unknownStepKeys(file, md.data));
    }
  }

  /** Reads a YAML file that must hold a mapping; anything else is reported, never skipped. */
  function readYamlFiles(dir: string, each: (record: Record<string, unknown>, file: string) => void) {
    for (const path of files(dir)) {
      const file = rel(path);
      if (!/\.ya?ml$/.test(file)) {
        warnings.push({ file, expected: 'not a YAML file, so not part of the site' });
        continue;
      }
      const text = readText(path);
      if (text === undefined) continue;
      const parsed = parseYaml(text.startsWith('\uFEFF') ? text.slice(1) : text, file);
      if (isProblem(parsed)) problems.push(parsed);
      else if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        problems.push({ file, expected: 'expected a YAML mapping of fields', found: parsed === null ? 'an empty file' : describeValue(parsed) });
      } else each(parsed as Record<string, unknown>, file);
    }
  }

  readYamlFiles('methodology', (record, file) => {
    const id = basename(file).replace(/\.ya?ml$/, '');
    if (methodologyKind(record) === 'preset') {
      const data = validate(schemas.preset, record, file);
      if (data) {
        tree.presets.push({ id, file, data });
        warnings.push(...unknownPresetKeys(file, record));
      }
      return;
    }
    if (!('project-type' in record) && !('knowledge-overrides' in record) && !('step-overrides' in record)) {
      problems.push({
        file,
        expected: 'expected an overlay (project-type, knowledge-overrides, step-overrides) or a depth preset (default_depth, steps)',
        found: `fields ${Object.keys(record).join(', ') || 'none'}`,
      });
      return;
    }
    const data = validate(schemas.overlay, record, file);
    if (data) {
      tree.overlays.push({ id, file, data });
      warnings.push(...unknownOverlayKeys(file, record));
    }
  });

  readYamlFiles('project-types', (record, file) => {
    const data = validate(schemas.config, record, file);
    if (data) tree.projectTypeConfigs.push({ file, data });
  });

  return { tree, problems, warnings, rejectedEntries };
}
