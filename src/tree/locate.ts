import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { FRONTMATTER_FENCE } from '../lib/kb/frontmatter';
import type { Problem } from '../lib/kb/problems';
import { fieldLocator, type Position } from '../lib/kb/yamlPositions';

/**
 * Adds the line and column of each problem's field, for editors and CI annotations: the
 * key's place in an overlay or a step, the field's line in an entry's frontmatter. A problem
 * that already has a line (found in a body), names several files or a folder, or whose file
 * cannot be read again is left as it is. Files are read, and their YAML parsed, only when a
 * problem names them, and once each.
 */
export function withPositions(root: string, problems: readonly Problem[]): Problem[] {
  const locators = new Map<string, ((field: string | undefined) => Position | undefined) | undefined>();
  const locatorOf = (file: string) => {
    if (!locators.has(file)) locators.set(file, readLocator(isAbsolute(file) ? file : join(root, file), file.endsWith('.md')));
    return locators.get(file);
  };
  return problems.map((p) => {
    if (p.line !== undefined || p.file.includes(', ') || p.file.endsWith('/') || !/\.(ya?ml|md)$/.test(p.file)) return p;
    if (p.file.endsWith('.md') && (!p.field || p.field === 'body')) return p;
    const at = locatorOf(p.file)?.(p.field);
    return at ? { ...p, ...at } : p;
  });
}

/** Field positions in a YAML file, or in a markdown file's frontmatter (which starts on line 2). */
function readLocator(path: string, markdown: boolean): ((field: string | undefined) => Position | undefined) | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
  if (!markdown) return fieldLocator(text);
  const fm = FRONTMATTER_FENCE.exec(text);
  if (!fm) return undefined;
  const find = fieldLocator(fm[1]);
  return (field) => {
    const at = find(field);
    return at && { line: at.line + 1, column: at.column };
  };
}
