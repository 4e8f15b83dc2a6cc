import { resolve } from 'node:path';
import { checkTree } from '../lib/kb/checkTree';
import { KnowledgeBaseError, type Problem } from '../lib/kb/problems';
import { readTree } from './readTree';
import type { KnowledgeTree } from '../lib/kb/types';

export interface LoadedTree {
  tree: KnowledgeTree;
  warnings: Problem[];
}

/** Reads and checks a content tree; throws one error listing every problem at once. */
export function loadTree(root: string): LoadedTree {
  const abs = resolve(root);
  const read = readTree(abs);
  const checked = checkTree(read.tree, read.rejectedEntries);
  const problems = [...read.problems, ...checked.problems];
  const warnings = [...read.warnings, ...checked.warnings];
  if (problems.length) throw new KnowledgeBaseError(abs, problems, warnings);
  return { tree: read.tree, warnings };
}
