import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

const corpusBuilt = existsSync('dist-corpus/index.html');
const versionsBuilt = existsSync('dist-versions/versions.json');
// Several checkouts on one machine can run their suites at once when each sets its own KB_TEST_PORT.
const port = Number(process.env.KB_TEST_PORT || 4321);
// The base is always given: a BASE_PATH left in the shell must not move a test server.
const preview = (dir: string, port: number, base = '') => ({
  command: `node scripts/serve-static.mjs ${dir} ${port} ${base || '/'}`,
  url: `http://127.0.0.1:${port}${base}/`,
  reuseExistingServer: false,
  timeout: 60_000,
});

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [
    { name: 'embedded', testMatch: /embedded\..*spec\.ts/, use: { baseURL: `http://127.0.0.1:${port}` } },
    { name: 'base-path', testMatch: /basePath\..*spec\.ts/, use: { baseURL: `http://127.0.0.1:${port + 2}` } },
    { name: 'sub-path', testMatch: /subPath\..*spec\.ts/, use: { baseURL: `http://127.0.0.1:${port + 3}` } },
    // Starts its own `astro dev` on a copy of the embedded tree.
    { name: 'dev', testMatch: /devServer\.spec\.ts/ },
    ...(corpusBuilt ? [{ name: 'corpus', testIgnore: /(embedded|basePath|subPath|devServer|versions)\..*spec\.ts/, use: { baseURL: `http://127.0.0.1:${port + 1}` } }] : []),
    ...(versionsBuilt ? [{ name: 'versions', testMatch: /versions\..*spec\.ts/, use: { baseURL: `http://127.0.0.1:${port + 4}` } }] : []),
  ],
  webServer: [preview('dist', port), preview('dist-base', port + 2, '/kb'), preview('dist-handbook', port + 3, '/handbook'), ...(corpusBuilt ? [preview('dist-corpus', port + 1)] : []), ...(versionsBuilt ? [preview('dist-versions', port + 4)] : [])],
});
