import { MAX_NESTING, type BodyPosition, type RenderedBody } from '../lib/markdown/renderBody';
import { availableParallelism } from 'node:os';
import { renderInOrder, renderJob, workersFor, type RenderJob, type RenderResult } from './renderPool';
import { RenderMemo } from './renderMemo';
import type { LinkTarget } from '../lib/markdown/resolveRelativeLink';
import type { Links } from '../lib/links';
import { linkTargets } from '../lib/kb/linkTargets';
import type { Problem } from '../lib/kb/problems';
import type { KnowledgeTree } from '../lib/kb/types';

export interface RenderedTree {
  entries: Map<string, RenderedBody>;
  domainIntros: Map<string, RenderedBody>;
  steps: Map<string, RenderedBody>;
  /** Words of each entry's markdown, for reading times: counted before a released source is gone. */
  entryWords: Map<string, number>;
  /** URLs outside the allow-list; the loader fails the build on any of these. */
  problems: Problem[];
  warnings: Problem[];
}

export type BodyKind = 'entries' | 'steps' | 'domains';

export interface RenderTreeOptions {
  /**
   * Receives each body's HTML as soon as it is rendered; the returned map then holds every
   * body with `html: ''`. At 10,000 entries, holding all HTML (and all markdown sources) until
   * the end was the largest part of the build's peak memory.
   */
  write?: (kind: BodyKind, name: string, html: string) => void;
  /** Drops each markdown source from the tree once rendered (the tree is not read again). */
  releaseSources?: boolean;
  /** Problems and headings only: code is not highlighted (`npm run check`). */
  plain?: boolean;
  /** Bodies shared by the sites of one build (renderMemo.ts); without it each body is rendered. */
  memo?: RenderMemo;
}

interface TreeBody {
  kind: BodyKind;
  name: string;
  item: { file: string; body: string; bodyLine?: number };
}

/** Every markdown body of the tree, in the order the build renders and reports them. */
function treeBodies(tree: KnowledgeTree): TreeBody[] {
  return [
    ...tree.entries.map((e) => ({ kind: 'entries' as const, name: e.name, item: e })),
    ...tree.domainIntros.map((d) => ({ kind: 'domains' as const, name: d.domain, item: d })),
    ...tree.steps.map((s) => ({ kind: 'steps' as const, name: s.name, item: s })),
  ];
}

/** Entries get a word count for their reading time; steps and domain intros do not. */
const jobOf = (b: TreeBody, plain?: boolean): RenderJob => ({ file: b.item.file, markdown: b.item.body, countWords: b.kind === 'entries', plain });

/** Takes rendered bodies in tree order; `finish` checks anchors once every body is in. */
function collector(options: RenderTreeOptions) {
  const warnings: Problem[] = [];
  const problems: Problem[] = [];
  const maps: Record<BodyKind, Map<string, RenderedBody>> = { entries: new Map(), domains: new Map(), steps: new Map() };
  const entryWords = new Map<string, number>();
  const files: { file: string; bodyLine: number; body: RenderedBody }[] = [];
  return {
    add({ kind, name, item }: TreeBody, out: RenderedBody, words: number | undefined) {
      const { file } = item;
      if (options.releaseSources) item.body = '';
      if (options.write) {
        options.write(kind, name, out.html);
        out.html = '';
      }
      if (words !== undefined) entryWords.set(name, words);
      // Positions in the body become positions in the file, after its frontmatter.
      const at = (p: BodyPosition) => ({ line: (item.bodyLine ?? 1) + p.line - 1, column: p.column });
      for (const dead of out.deadLinks) warnings.push({ file, ...at(dead), expected: `${dead.reason}; kept as plain text` });
      for (const note of out.notes) warnings.push({ file, ...at(note), field: 'body', expected: note.text });
      if (out.tooDeep) {
        warnings.push({ file, line: (item.bodyLine ?? 1) + out.tooDeep - 1, field: 'body', expected: `nests lists or quotes more than ${MAX_NESTING} deep; the text past that depth is shown flattened, as plain text` });
      }
      for (const bad of out.unsafeUrls) problems.push({ file, field: 'body', ...at(bad), expected: bad.expected, found: bad.found });
      maps[kind].set(name, out);
      if (kind !== 'domains') files.push({ file, bodyLine: item.bodyLine ?? 1, body: out });
    },
    finish(): RenderedTree {
      const headingsOf = (kind: LinkTarget['kind'], name: string) =>
        (kind === 'entry' ? maps.entries : kind === 'step' ? maps.steps : maps.domains).get(name)?.headings.map((h) => h.slug) ?? [];
      for (const { file, bodyLine, body } of files) {
        for (const link of body.links) {
          if (link.anchor && !headingsOf(link.target.kind, link.target.name).includes(link.anchor)) {
            warnings.push({ file, line: bodyLine + link.line - 1, column: link.column, expected: `links to #${link.anchor} on ${link.target.url}, which has no such heading` });
          }
        }
      }
      // Only the anchor check needed the outgoing links.
      for (const map of Object.values(maps)) for (const r of map.values()) r.links = [];
      return { entries: maps.entries, domainIntros: maps.domains, steps: maps.steps, entryWords, problems, warnings };
    },
  };
}

/** The bodies a memo already has for this tree, and the jobs left to render. */
function plan(tree: KnowledgeTree, links: Links, options: RenderTreeOptions) {
  const real = linkTargets(tree, links);
  const memo = options.memo ?? new RenderMemo(false);
  const symbolic = memo.symbolic(real);
  const bodies = treeBodies(tree);
  const jobs = bodies.map((b) => jobOf(b, options.plain));
  const keys = jobs.map((job) => memo.key(job));
  const found = keys.map((key) => memo.find(key, real));
  const settle = (i: number, rendered: RenderResult) => {
    memo.keep(keys[i], rendered);
    return symbolic.resolve(rendered);
  };
  return { targets: symbolic.targets, bodies, jobs, found: found.map((r) => r && symbolic.resolve(r)), settle };
}

/**
 * Renders every markdown body of the tree, then checks `#anchor`s of rewritten links against
 * the headings of their targets, which are only known once everything is rendered.
 */
export function renderTree(tree: KnowledgeTree, links: Links, options: RenderTreeOptions = {}): RenderedTree {
  const { targets, bodies, jobs, found, settle } = plan(tree, links, options);
  const out = collector(options);
  bodies.forEach((b, i) => {
    const { body, words } = found[i] ?? settle(i, renderJob(jobs[i], targets));
    out.add(b, body, words);
  });
  return out.finish();
}

/**
 * `renderTree` on this thread and `workers` worker threads at once, with the same result: the
 * bodies are handed back in tree order. Worth it once a tree's markdown takes longer to render
 * than a worker takes to start (~0.2 s).
 */
export async function renderTreeInParallel(
  tree: KnowledgeTree,
  links: Links,
  options: RenderTreeOptions & { workers: number; projectRoot: string },
): Promise<RenderedTree> {
  const { targets, bodies, jobs, found, settle } = plan(tree, links, options);
  const out = collector(options);
  const missing = bodies.flatMap((_, i) => (found[i] ? [] : [i]));
  let next = 0;
  // Bodies the memo had go out in their place among the rendered ones.
  const addFoundBefore = (end: number) => {
    for (; next < end; next++) out.add(bodies[next], found[next]!.body, found[next]!.words);
  };
  if (missing.length) await renderInOrder(
    missing.map((i) => jobs[i]),
    targets,
    options,
    (j, rendered) => {
      const i = missing[j];
      addFoundBefore(i);
      const { body, words } = settle(i, rendered);
      out.add(bodies[i], body, words);
      next = i + 1;
    },
  );
  addFoundBefore(bodies.length);
  return out.finish();
}

/** Renders on worker threads too when the tree has enough markdown to pay for them (renderPool.ts). */
export function renderTreeOnCores(tree: KnowledgeTree, links: Links, options: RenderTreeOptions & { projectRoot: string }): RenderedTree | Promise<RenderedTree> {
  let chars = 0;
  for (const list of [tree.entries, tree.steps, tree.domainIntros]) for (const item of list) chars += item.body.length;
  const workers = workersFor(chars, availableParallelism());
  return workers ? renderTreeInParallel(tree, links, { ...options, workers }) : renderTree(tree, links, options);
}
