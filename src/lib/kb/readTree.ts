import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { z } from 'astro/zod';
import { KnowledgeEntryFrontmatterSchema } from '../schema/knowledgeEntry';
import { DepthPresetSchema, methodologyKind, OverlaySchema } from '../schema/methodology';
import { PipelineStepFrontmatterSchema } from '../schema/pipelineStep';
import { ProjectTypeConfigSchema } from '../schema/projectTypeConfig';
import { isProblem, parseYaml, splitMarkdown } from './frontmatter';
import { describeValue, type Problem } from './problems';
import type { KnowledgeTree } from './types';
import { zodProblems } from './zodProblems';

export interface ReadResult {
  tree: KnowledgeTree;
  problems: Problem[];
  warnings: Problem[];
  /** Entry files that exist but failed validation; references to them are not reported twice. */
  rejectedEntries: Set<string>;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

const toPosix = (p: string) => p.split(sep).join('/');

/**
 * Reads a scaffold `content/` tree file by file. Each file is validated on its own here;
 * rules that span files (unique names, overlay references) live in checkTree.
 */
export function readTree(root: string): ReadResult {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const rejectedEntries = new Set<string>();
  const rel = (p: string) => toPosix(relative(root, p));
  const tree: KnowledgeTree = {
    root,
    hasPipeline: existsSync(join(root, 'pipeline')),
    entries: [],
    domainIntros: [],
    steps: [],
    overlays: [],
    presets: [],
    projectTypeConfigs: [],
  };

  if (!existsSync(join(root, 'knowledge'))) {
    problems.push({ file: 'knowledge/', expected: 'expected a knowledge/ directory in the content root', found: 'none' });
  }

  function validate<S extends z.ZodType>(schema: S, data: unknown, file: string): z.output<S> | undefined {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    problems.push(...zodProblems(file, result.error, data));
    return undefined;
  }

  function readMarkdown(path: string) {
    const file = rel(path);
    const split = splitMarkdown(readFileSync(path, 'utf8'), file);
    if (isProblem(split)) {
      problems.push(split);
      return undefined;
    }
    return { file, ...split };
  }

  for (const path of walk(join(root, 'knowledge'))) {
    const file = rel(path);
    const parts = file.split('/');
    if (parts.length === 2 && parts[1] === 'VERSION') {
      tree.version = readFileSync(path, 'utf8').trim();
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
      tree.domainIntros.push({ domain, file, body: md.body });
      continue;
    }
    if (!md.data) {
      problems.push({ file, expected: 'expected YAML frontmatter between --- lines with name, description and topics', found: 'no frontmatter' });
      rejectedEntries.add(stem);
      continue;
    }
    const data = validate(KnowledgeEntryFrontmatterSchema(), md.data, file);
    if (!data) {
      rejectedEntries.add(stem);
      continue;
    }
    if (data.name !== stem) {
      rejectedEntries.add(stem);
      problems.push({ file, field: 'name', expected: `expected "${stem}" (the file name)`, found: JSON.stringify(data.name) });
      continue;
    }
    tree.entries.push({ name: data.name, domain, file, data, body: md.body });
  }

  for (const path of walk(join(root, 'pipeline'))) {
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
    const data = validate(PipelineStepFrontmatterSchema(), md.data, file);
    if (data) tree.steps.push({ name: data.name, file, data, body: md.body });
  }

  /** Reads a YAML file that must hold a mapping; anything else is reported, never skipped. */
  function readYamlFiles(dir: string, each: (record: Record<string, unknown>, file: string) => void) {
    for (const path of walk(join(root, dir))) {
      const file = rel(path);
      if (!/\.ya?ml$/.test(file)) {
        warnings.push({ file, expected: 'not a YAML file, so not part of the site' });
        continue;
      }
      const parsed = parseYaml(readFileSync(path, 'utf8'), file);
      if (isProblem(parsed)) problems.push(parsed);
      else if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        problems.push({ file, expected: 'expected a YAML mapping of fields', found: parsed === null ? 'an empty file' : describeValue(parsed) });
      } else each(parsed as Record<string, unknown>, file);
    }
  }

  readYamlFiles('methodology', (record, file) => {
    const id = basename(file).replace(/\.ya?ml$/, '');
    if (methodologyKind(record) === 'preset') {
      const data = validate(DepthPresetSchema(), record, file);
      if (data) tree.presets.push({ id, file, data });
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
    const data = validate(OverlaySchema(), record, file);
    if (data) tree.overlays.push({ id, file, data });
  });

  readYamlFiles('project-types', (record, file) => {
    const data = validate(ProjectTypeConfigSchema(), record, file);
    if (data) tree.projectTypeConfigs.push({ file, data });
  });

  return { tree, problems, warnings, rejectedEntries };
}
