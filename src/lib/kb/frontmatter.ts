import { CORE_SCHEMA, load as loadYaml, mergeTag } from 'js-yaml';
import { describeValue, type Problem } from './problems';

/** A file's `---` frontmatter block (after any byte-order mark); group 1 is the YAML. */
export const FRONTMATTER_FENCE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export interface SplitMarkdown {
  /** Parsed frontmatter, or undefined when the file has none. */
  data?: Record<string, unknown>;
  body: string;
  /** Line in the file where the body starts (1-based), for error messages. */
  bodyLine: number;
}

/**
 * Limits for YAML from content. Aliases are cheap to write and expensive to expand: a few
 * hundred bytes of nested `*ref`s describe billions of values, which every later walk
 * (validation, error messages) would visit. Scaffold's own files use no aliases at all.
 */
export const YAML_LIMITS = {
  /** Bytes of YAML in one document (a whole overlay, or one file's frontmatter). */
  maxBytes: 256 * 1024,
  maxAliases: 100,
  /** Values after expanding aliases, counted as a walk would visit them. */
  maxValues: 100_000,
  maxDepth: 64,
} as const;

/** Counts values as a walk visits them (aliases expanded), stopping as soon as `limit` is passed. */
function expandedSize(value: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (++count > limit) return count;
    if (v !== null && typeof v === 'object') {
      if (Array.isArray(v)) stack.push(...v);
      else stack.push(...Object.values(v as Record<string, unknown>));
    }
  }
  return count;
}

/**
 * YAML 1.2's core schema plus merge keys (`<<: *common`): scaffold reads its files with a YAML
 * 1.1 parser that merges them, so without this the merged fields would be dropped unseen.
 */
const SCHEMA = CORE_SCHEMA.withTags(mergeTag);

export function parseYaml(text: string, file: string, lineOffset = 0): unknown | Problem {
  // js-yaml 5 throws on an empty document; an empty file is null data, reported by the caller.
  if (!text.trim()) return null;
  const bytes = Buffer.byteLength(text);
  if (bytes > YAML_LIMITS.maxBytes) {
    return { file, expected: `expected at most ${YAML_LIMITS.maxBytes / 1024} KB of YAML`, found: `${Math.round(bytes / 1024)} KB` };
  }
  try {
    const value = loadYaml(text, { schema: SCHEMA, maxAliases: YAML_LIMITS.maxAliases, maxDepth: YAML_LIMITS.maxDepth });
    if (expandedSize(value, YAML_LIMITS.maxValues) > YAML_LIMITS.maxValues) {
      return {
        file,
        expected: `expected YAML of at most ${YAML_LIMITS.maxValues.toLocaleString('en')} values once aliases (*name) are expanded`,
        found: 'more (aliases that expand exponentially)',
      } satisfies Problem;
    }
    // Parsed strings are slices of the file's text, and a slice keeps the whole file alive:
    // at 10,000 entries every markdown source stayed in memory until the build ended.
    return structuredClone(value);
  } catch (err) {
    const e = err as { mark?: { line: number }; reason?: string; message: string };
    return {
      file,
      line: e.mark ? e.mark.line + 1 + lineOffset : undefined,
      expected: 'expected valid YAML',
      found: aliasLimit(e) ?? e.reason ?? e.message.split('\n')[0],
    } satisfies Problem;
  }
}

function aliasLimit(e: { message: string }): string | undefined {
  return /maxAliases/.test(e.message) ? `more than ${YAML_LIMITS.maxAliases} aliases (*name), the most a file may use` : undefined;
}

export function isProblem(v: unknown): v is Problem {
  return typeof v === 'object' && v !== null && 'expected' in v && 'file' in v;
}

/** Splits `---` frontmatter from a markdown body; the YAML line numbers stay file-relative. */
export function splitMarkdown(text: string, file: string): SplitMarkdown | Problem {
  // Editors on Windows write a byte-order mark; it is not content, and it hides the `---`.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const match = FRONTMATTER_FENCE.exec(source);
  if (!match) return { body: source, bodyLine: 1 };
  const parsed = parseYaml(match[1], file, 1);
  if (isProblem(parsed)) return parsed;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { file, expected: 'expected frontmatter to be a YAML mapping of fields', found: parsed === null ? 'empty frontmatter' : describeValue(parsed) };
  }
  const bodyLine = match[0].split('\n').length;
  return { data: parsed as Record<string, unknown>, body: source.slice(match[0].length), bodyLine };
}
