import { load as loadYaml } from 'js-yaml';
import { describeValue, type Problem } from './problems';

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export interface SplitMarkdown {
  /** Parsed frontmatter, or undefined when the file has none. */
  data?: Record<string, unknown>;
  body: string;
  /** Line in the file where the body starts (1-based), for error messages. */
  bodyLine: number;
}

export function parseYaml(text: string, file: string, lineOffset = 0): unknown | Problem {
  // js-yaml 5 throws on an empty document; an empty file is null data, reported by the caller.
  if (!text.trim()) return null;
  try {
    return loadYaml(text);
  } catch (err) {
    const e = err as { mark?: { line: number }; reason?: string; message: string };
    return {
      file,
      line: e.mark ? e.mark.line + 1 + lineOffset : undefined,
      expected: 'expected valid YAML',
      found: e.reason ?? e.message.split('\n')[0],
    } satisfies Problem;
  }
}

export function isProblem(v: unknown): v is Problem {
  return typeof v === 'object' && v !== null && 'expected' in v && 'file' in v;
}

/** Splits `---` frontmatter from a markdown body; the YAML line numbers stay file-relative. */
export function splitMarkdown(source: string, file: string): SplitMarkdown | Problem {
  const match = FENCE.exec(source);
  if (!match) return { body: source, bodyLine: 1 };
  const parsed = parseYaml(match[1], file, 1);
  if (isProblem(parsed)) return parsed;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { file, expected: 'expected frontmatter to be a YAML mapping of fields', found: parsed === null ? 'empty frontmatter' : describeValue(parsed) };
  }
  const bodyLine = match[0].split('\n').length;
  return { data: parsed as Record<string, unknown>, body: source.slice(match[0].length), bodyLine };
}
