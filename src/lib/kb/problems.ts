/**
 * A problem found in a content tree. Every problem names the file and, where it can,
 * the field, what was found and what was expected, so the author can fix it without
 * reading our code.
 */
export interface Problem {
  /** Path relative to the content root, e.g. `knowledge/core/api-design.md`. */
  file: string;
  /** 1-based, in the file. */
  line?: number;
  column?: number;
  field?: string;
  found?: string;
  expected: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}` : p.file;
  const field = p.field ? ` **${p.field}**:` : '';
  const found = p.found !== undefined ? `; found ${p.found}` : '';
  return `- ${where} —${field} ${p.expected}${found}`;
}

/** Short, single-line rendering of a value as the author wrote it. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'string') return value === '' ? 'an empty string' : JSON.stringify(clip(value));
  if (Array.isArray(value)) return `a list of ${value.length} (${clip(JSON.stringify(value))})`;
  if (typeof value === 'object') return `an object (${clip(JSON.stringify(value))})`;
  return `${typeof value} ${String(value)}`;
}

function clip(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export class KnowledgeBaseError extends Error {
  readonly problems: Problem[];
  /** Warnings found before the problems stopped the check; `npm run check` prints them too. */
  readonly warnings: Problem[];
  constructor(root: string, problems: Problem[], warnings: Problem[] = []) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(
      `The knowledge base at ${root} has ${count}:\n${problems.map(formatProblem).join('\n')}\n` +
        'Fix each file named above; the site is not built until the tree is valid.',
    );
    this.name = 'KnowledgeBaseError';
    this.problems = problems;
    this.warnings = warnings;
  }
}
