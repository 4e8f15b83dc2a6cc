import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Problem } from './problems';
import { fieldPosition } from './yamlPositions';

const FRONTMATTER = /^(\uFEFF?---\r?\n)([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Adds the line and column of each problem's field, for editors and CI annotations: the
 * key's place in an overlay or a step, the field's line in an entry's frontmatter. A problem
 * that already has a line (found in a body), names several files or a folder, or whose file
 * cannot be read again is left as it is. Files are read only when a problem names them.
 */
export function withPositions(root: string, problems: readonly Problem[]): Problem[] {
  const texts = new Map<string, string | undefined>();
  const text = (file: string) => {
    if (!texts.has(file)) {
      try {
        texts.set(file, readFileSync(isAbsolute(file) ? file : join(root, file), 'utf8'));
      } catch {
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
  return problems.map((p) => {
    if (p.line !== undefined || p.file.includes(', ') || p.file.endsWith('/') || !/\.(ya?ml|md)$/.test(p.file)) return p;
    const source = text(p.file);
    if (source === undefined) return p;
    if (p.file.endsWith('.md')) {
      const fm = FRONTMATTER.exec(source);
      if (!fm || !p.field || p.field === 'body') return p;
      const at = fieldPosition(fm[2], p.field);
      return at ? { ...p, line: at.line + 1, column: at.column } : p;
    }
    const at = fieldPosition(source.replace(/^\uFEFF/, ''), p.field);
    return at ? { ...p, ...at } : p;
  });
}
