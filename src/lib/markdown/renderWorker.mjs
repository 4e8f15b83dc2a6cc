// A worker thread that renders markdown bodies for src/lib/markdown/renderPool.ts, so a build
// renders on every core. It runs the same TypeScript modules as the build: Node strips their
// types, and the hook below finds them by name, as the bundler does (`./renderBody` means
// `./renderBody.ts`).
import { registerHooks } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (err) {
      if (/^\.\.?\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier)) return nextResolve(`${specifier}.ts`, context);
      throw err;
    }
  },
});

const { renderJob } = await import('./renderPool.ts');
const targets = new Map(workerData.targets);

parentPort.on('message', ({ jobs }) => {
  try {
    parentPort.postMessage({ results: jobs.map((job) => renderJob(job, targets)) });
  } catch (err) {
    parentPort.postMessage({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
parentPort.postMessage({ ready: true });
