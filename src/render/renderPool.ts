import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { countWords } from '../lib/text';
import { renderBody, type RenderedBody } from '../lib/markdown/renderBody';
import type { LinkTarget } from '../lib/markdown/resolveRelativeLink';

export interface RenderJob {
  file: string;
  markdown: string;
  countWords: boolean;
  plain?: boolean;
}

export interface RenderResult {
  body: RenderedBody;
  words?: number;
  /** Each file the body's links resolved to, and whether the site has a page for it (renderMemo.ts). */
  lookups?: [string, boolean][];
}

/**
 * Markdown that pays for worker threads. Starting one (modules, highlight.js grammars) costs
 * about as much as it saves on 16 MB: 1,000 synthetic entries built in the same time with and
 * without; the 4.5 MB corpus synced 0.2 s slower with one; 10,000 entries (154 MB) 5 s faster.
 */
export const MARKDOWN_FOR_WORKERS = 32_000_000;
/** Each worker holds its own copy of the modules and of the bodies it is rendering. */
const MAX_WORKERS = 3;

/** Worker threads for this many characters of markdown on this many cores: none for a small tree or one core. */
export function workersFor(markdownChars: number, cores: number): number {
  return markdownChars < MARKDOWN_FOR_WORKERS ? 0 : Math.max(0, Math.min(MAX_WORKERS, cores - 1));
}

/** Jobs a worker takes at once: enough to outweigh a message round trip, few enough to share out. */
const BATCH = 8;

/** One job, on whichever thread runs it (renderWorker.mjs calls this too). */
export function renderJob(job: RenderJob, targets: ReadonlyMap<string, LinkTarget>): RenderResult {
  const looked = new Map<string, boolean>();
  const recording = {
    get(path: string) {
      const target = targets.get(path);
      looked.set(path, !!target);
      return target;
    },
  };
  return {
    body: renderBody(job.markdown, { file: job.file, targets: recording, plain: job.plain }),
    words: job.countWords && !job.plain ? countWords(job.markdown) : undefined,
    lookups: [...looked],
  };
}

type Reply = { ready: true } | { results: RenderResult[] } | { error: string };

/** One worker thread, answering one batch at a time. */
function startWorker(script: string, targets: ReadonlyMap<string, LinkTarget>) {
  const worker = new Worker(script, { workerData: { targets: [...targets] } });
  let waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void } | undefined;
  let failure: Error | undefined;
  const fail = (err: Error) => {
    failure ??= err;
    waiting?.reject(failure);
    waiting = undefined;
  };
  worker.on('message', (reply: Reply) => {
    const w = waiting;
    waiting = undefined;
    if ('error' in reply) fail(new Error(`Rendering markdown in ${script} failed: ${reply.error}`));
    else w?.resolve(reply);
  });
  worker.on('error', (err: Error) => fail(new Error(`${script} stopped: ${err.message}`)));
  worker.on('exit', (code) => fail(new Error(`${script} exited with code ${code} before its work was done`)));
  const next = () =>
    new Promise<Reply>((resolve, reject) => {
      if (failure) reject(failure);
      else waiting = { resolve, reject };
    });
  const ready = next();
  return {
    ready,
    async render(jobs: RenderJob[]): Promise<RenderResult[]> {
      const reply = next();
      worker.postMessage({ jobs });
      // The worker has its own copy; this thread need not keep the markdown.
      for (const job of jobs) job.markdown = '';
      return ((await reply) as { results: RenderResult[] }).results;
    },
    stop: () => {
      worker.removeAllListeners('exit');
      return worker.terminate();
    },
  };
}

/**
 * Renders every job, on this thread and on `workers` worker threads at once, and hands each
 * result to `onResult` in job order, so what the caller writes and warns about does not depend
 * on which thread was quicker. Whoever is free takes the next jobs.
 */
export async function renderInOrder(
  jobs: RenderJob[],
  targets: ReadonlyMap<string, LinkTarget>,
  options: { workers: number; projectRoot: string },
  onResult: (index: number, result: RenderResult) => void,
): Promise<void> {
  let next = 0;
  let emitted = 0;
  const done = new Map<number, RenderResult>();
  const settle = (index: number, result: RenderResult) => {
    done.set(index, result);
    for (let r = done.get(emitted); r; r = done.get(emitted)) {
      done.delete(emitted);
      onResult(emitted++, r);
    }
  };
  const script = join(options.projectRoot, 'src', 'render', 'renderWorker.mjs');
  const pool = Array.from({ length: options.workers }, () => startWorker(script, targets));
  try {
    let failed: { error: unknown } | undefined;
    const helpers = Promise.all(pool.map(async (worker) => {
      await worker.ready;
      while (next < jobs.length) {
        const from = next;
        next = Math.min(jobs.length, next + BATCH);
        const batch = jobs.slice(from, next);
        const results = await worker.render(batch);
        results.forEach((r, k) => settle(from + k, r));
      }
    })).catch((error: unknown) => void (failed = { error }));
    // This thread renders too, one job at a time, and lets the helpers' replies in between.
    while (next < jobs.length && !failed) {
      const index = next++;
      const result = renderJob(jobs[index], targets);
      jobs[index].markdown = '';
      settle(index, result);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await helpers;
    if (failed) throw failed.error;
  } finally {
    await Promise.all(pool.map((w) => w.stop()));
  }
  if (emitted !== jobs.length) throw new Error(`Rendered ${emitted} of ${jobs.length} markdown bodies.`);
}
