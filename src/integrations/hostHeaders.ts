import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatHeadersFile, hostHeaderRules } from '../lib/hostHeaders';

/** Writes `dist/_headers`, so Netlify and Cloudflare Pages send the site's CSP with no extra step. */
export function hostHeadersIntegration(basePath: string): AstroIntegration {
  return {
    name: 'scaffold-kb:host-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        writeFileSync(join(fileURLToPath(dir), '_headers'), formatHeadersFile(hostHeaderRules(basePath)));
      },
    },
  };
}
