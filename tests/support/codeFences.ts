import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { transformSync, type Loader } from 'esbuild';
import { loadAll } from 'js-yaml';
import MarkdownIt from 'markdown-it';
import { parse as parseToml } from 'smol-toml';

/** One fenced code block of a markdown file. */
export interface Fence {
  /** Path relative to the working directory, e.g. `content/knowledge/ml/ml-serving.md`. */
  file: string;
  /** 1-based line of the opening fence in the file. */
  line: number;
  /** First word of the info string, lower-cased ('' when the fence has none). */
  lang: string;
  info: string;
  code: string;
}

export interface FenceFailure {
  fence: Fence;
  error: string;
}

// The same parser (and options) the site renders bodies with, so a block counts as a fence exactly
// when the page shows it as one: backticks or tildes, longer closing fences, fences inside lists.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

export function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) out.push(...markdownFiles(path));
    else if (item.isFile() && item.name.endsWith('.md')) out.push(path);
  }
  return out.sort();
}

/** Fenced blocks of one markdown source; frontmatter is blanked so line numbers stay file-relative. */
export function fencesOf(source: string, file: string): Fence[] {
  const body = source.replace(FRONTMATTER, (fm) => fm.replace(/[^\n]/g, ''));
  return md
    .parse(body, {})
    .filter((t) => t.type === 'fence')
    .map((t) => {
      const info = t.info.trim();
      return {
        file: relative(process.cwd(), file) || file,
        line: (t.map?.[0] ?? 0) + 1,
        lang: (info.split(/\s+/)[0] ?? '').toLowerCase(),
        info,
        code: t.content,
      };
    });
}

export function fencesIn(dir: string): Fence[] {
  return markdownFiles(dir).flatMap((f) => fencesOf(readFileSync(f, 'utf8'), f));
}

const SKIPPED = new Set(['text', 'plaintext', 'diff', 'console', 'output']);
const PYTHON = new Set(['python', 'py']);
const SHELL = new Set(['bash', 'sh', 'shell', 'zsh']);
const YAML = new Set(['yaml', 'yml']);
const ESBUILD: Record<string, Loader> = {
  typescript: 'ts', ts: 'ts', tsx: 'tsx', javascript: 'js', js: 'js', mjs: 'js', jsx: 'jsx',
};
const DOCKER_INSTRUCTIONS = new Set([
  'FROM', 'RUN', 'CMD', 'LABEL', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG',
  'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
]);

/** Why a fence is not checked, or undefined when it is. An explicit `no-check` always wins. */
export function skipReason(fence: Fence): string | undefined {
  if (/(^|\s)no-check(\s|$)/.test(fence.info)) return 'no-check';
  if (SKIPPED.has(fence.lang)) return fence.lang;
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n').find((l) => l.trim())?.trim() ?? message;
}

function checkDockerfile(code: string): string | undefined {
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (!raw || raw.startsWith('#')) continue;
    const start = i;
    let logical = raw;
    // A trailing backslash continues the instruction; comment lines inside a continuation are dropped.
    while (logical.endsWith('\\') && i + 1 < lines.length) {
      i++;
      const next = lines[i].trim();
      if (next.startsWith('#')) continue;
      logical = logical.slice(0, -1) + ' ' + next;
    }
    const word = logical.split(/\s+/)[0];
    if (!DOCKER_INSTRUCTIONS.has(word.toUpperCase())) {
      return `line ${start + 1} of the block: "${raw.slice(0, 60)}" does not start with a Dockerfile instruction`;
    }
    // Heredocs (`RUN <<EOF`) carry their body verbatim up to the terminator.
    const heredoc = /<<-?\s*["']?([A-Za-z_][\w]*)["']?/.exec(logical);
    if (heredoc) {
      while (i + 1 < lines.length && lines[i + 1].trim() !== heredoc[1]) i++;
      i++;
    }
  }
  return undefined;
}

let python: string | undefined;

/**
 * An interpreter that parses Python 3.12 syntax: `KB_PYTHON`, then `python3.12`, then any pyenv-installed 3.12+,
 * then `python3` if it is new enough. Samples target 3.12; an older parser would reject valid code.
 */
function python312(): string {
  if (python) return python;
  const pyenvRoot = process.env.PYENV_ROOT ?? join(homedir(), '.pyenv');
  const pyenv = existsSync(join(pyenvRoot, 'versions'))
    ? readdirSync(join(pyenvRoot, 'versions'))
        .filter((v) => /^3\.(1[2-9]|[2-9]\d)\./.test(v))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
        .map((v) => join(pyenvRoot, 'versions', v, 'bin', 'python3'))
    : [];
  const candidates = [process.env.KB_PYTHON, 'python3.12', ...pyenv, 'python3', 'python3.13', 'python3.14'].filter((c): c is string => !!c);
  for (const c of candidates) {
    const probe = spawnSync(c, ['-c', 'import sys; print(sys.version_info[:2] >= (3, 12))'], { encoding: 'utf8' });
    if (probe.status === 0 && probe.stdout.trim() === 'True') return (python = c);
  }
  throw new Error(`no Python 3.12+ interpreter found (tried ${candidates.join(', ')}); set KB_PYTHON to one`);
}

/** Checks every python fence in ONE interpreter, with the 3.12 grammar; returns errors by fence index. */
function checkPython(fences: Fence[]): Map<number, string> {
  const errors = new Map<number, string>();
  if (!fences.length) return errors;
  const script = [
    'import ast, json, sys',
    'out = []',
    'for i, src in enumerate(json.load(sys.stdin)):',
    '    try:',
    '        ast.parse(src, feature_version=(3, 12))',
    '    except SyntaxError as e:',
    '        out.append([i, f"SyntaxError: {e.msg} (line {e.lineno} of the block)"])',
    'json.dump(out, sys.stdout)',
  ].join('\n');
  const res = spawnSync(python312(), ['-c', script], { input: JSON.stringify(fences.map((f) => f.code)), encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`python3 could not check the python blocks: ${res.error ?? res.stderr}`);
  for (const [i, msg] of JSON.parse(res.stdout) as [number, string][]) errors.set(i, msg);
  return errors;
}

/** Checks every shell fence with `bash -n`, all from ONE bash process; returns errors by fence index. */
function checkShell(fences: Fence[]): Map<number, string> {
  const errors = new Map<number, string>();
  if (!fences.length) return errors;
  const dir = mkdtempSync(join(tmpdir(), 'kb-shell-'));
  try {
    const files = fences.map((f, i) => {
      const path = join(dir, `${i}.sh`);
      writeFileSync(path, f.code);
      return path;
    });
    // One line per failing block: index, tab, bash's first complaint (newlines folded).
    const loop = 'for f in "$@"; do if ! msg=$(bash -n "$f" 2>&1); then printf "%s\\t%s\\n" "$(basename "$f" .sh)" "$(printf %s "$msg" | tr "\\n" " ")"; fi; done';
    const res = spawnSync('bash', ['-c', loop, 'check', ...files], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`bash could not check the shell blocks: ${res.error ?? res.stderr}`);
    for (const row of res.stdout.split('\n').filter(Boolean)) {
      const [index, msg] = row.split('\t');
      errors.set(Number(index), `bash -n: ${msg.replaceAll(`${dir}/${index}.sh: `, '').trim()}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return errors;
}

/** Every checked fence that does not parse in its language, and every fence with an unknown language. */
export function checkFences(fences: Fence[]): FenceFailure[] {
  const failures: FenceFailure[] = [];
  const python: Fence[] = [];
  const shell: Fence[] = [];
  for (const fence of fences) {
    if (skipReason(fence)) continue;
    const { lang, code } = fence;
    let error: string | undefined;
    if (PYTHON.has(lang)) python.push(fence);
    else if (SHELL.has(lang)) shell.push(fence);
    else if (YAML.has(lang)) {
      try {
        loadAll(code);
      } catch (e) {
        error = `YAML: ${firstLine((e as Error).message)}`;
      }
    } else if (lang === 'json') {
      try {
        JSON.parse(code);
      } catch (e) {
        error = `JSON: ${(e as Error).message}`;
      }
    } else if (lang === 'toml') {
      try {
        parseToml(code);
      } catch (e) {
        error = `TOML: ${firstLine((e as Error).message)}`;
      }
    } else if (lang in ESBUILD) {
      try {
        transformSync(code, { loader: ESBUILD[lang], logLevel: 'silent' });
      } catch (e) {
        const errs = (e as { errors?: { text: string; location?: { line: number; column: number } }[] }).errors;
        error = errs?.length
          ? `esbuild: ${errs.map((x) => `${x.text}${x.location ? ` (line ${x.location.line}:${x.location.column} of the block)` : ''}`).join('; ')}`
          : `esbuild: ${firstLine((e as Error).message)}`;
      }
    } else if (lang === 'dockerfile') {
      error = checkDockerfile(code);
    } else {
      error = lang
        ? `no checker for language "${lang}": fence it as \`text\`, or add \`no-check\` to the info string (e.g. \`\`\`${lang} no-check)`
        : 'fence has no language: fence it as `text` (or `<lang> no-check`)';
    }
    if (error) failures.push({ fence, error });
  }
  for (const [i, error] of checkPython(python)) failures.push({ fence: python[i], error });
  for (const [i, error] of checkShell(shell)) failures.push({ fence: shell[i], error });
  return failures.sort((a, b) => a.fence.file.localeCompare(b.fence.file) || a.fence.line - b.fence.line);
}

export function describeFailure({ fence, error }: FenceFailure): string {
  return `${fence.file}:${fence.line} [${fence.lang || '(no language)'}] ${error}`;
}
