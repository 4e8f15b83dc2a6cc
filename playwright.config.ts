import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

const corpusBuilt = existsSync('dist-corpus/index.html');
const preview = (dir: string, port: number, base = '') => ({
  command: `node scripts/serve-static.mjs ${dir} ${port} ${base}`,
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
    { name: 'embedded', testMatch: /embedded\..*spec\.ts/, use: { baseURL: 'http://127.0.0.1:4321' } },
    { name: 'base-path', testMatch: /basePath\..*spec\.ts/, use: { baseURL: 'http://127.0.0.1:4323' } },
    ...(corpusBuilt ? [{ name: 'corpus', testIgnore: /(embedded|basePath)\..*spec\.ts/, use: { baseURL: 'http://127.0.0.1:4322' } }] : []),
  ],
  webServer: [preview('dist', 4321), preview('dist-base', 4323, '/kb'), ...(corpusBuilt ? [preview('dist-corpus', 4322)] : [])],
});
