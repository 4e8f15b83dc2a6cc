// A worker thread that renders markdown bodies for src/render/renderPool.ts, so a build
// renders on every core. It runs the same TypeScript modules as the build (see
// src/node/registerTsResolve.mjs).
import '../node/registerTsResolve.mjs';
import { parentPort, workerData } from 'node:worker_threads';

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
