import { resolve } from 'node:path';

/** `KB_CONTENT_DIR` picks the tree; the project's own `content/` is the default. */
export function contentRootFromEnv(env: Record<string, string | undefined>, cwd: string): string {
  return resolve(cwd, env.KB_CONTENT_DIR || 'content');
}
