import type { z } from 'astro/zod';
import { describeValue, type Problem } from './problems';

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** Zod says "Invalid input: expected string, received number"; we keep only the expectation. */
function expectation(message: string): string {
  return message
    .replace(/^Invalid input: /, '')
    .replace(/, received .*$/, '')
    .replace(/^Invalid option: expected one of /, 'expected one of ')
    .replace(/^Too small: expected (string|array) to have >=1 (characters|items)$/, 'expected a non-empty $1');
}

export function zodProblems(file: string, error: z.ZodError, data: unknown): Problem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return {
      file,
      field: field || undefined,
      expected: expectation(issue.message),
      found: describeValue(valueAt(data, issue.path)),
    };
  });
}
