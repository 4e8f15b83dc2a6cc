import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { formatHeadersFile, hostHeaderRules, SECURITY_HEADERS } from '../../src/lib/hostHeaders';
import { parseSettings } from '../../src/lib/settings';

const readme = readFileSync('README.md', 'utf8');
const workflowText = readFileSync('deploy/github-pages.yml', 'utf8');
type Step = { uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string>; id?: string; 'working-directory'?: string };
const workflow = load(workflowText) as { jobs: Record<string, { steps: Step[]; needs?: string; if?: string }> };

/** The README's code blocks with this info string, each with its closing newline. */
function fenced(lang: string): string[] {
  const blocks: string[] = [];
  let open: { lang: string; lines: string[] } | undefined;
  for (const line of readme.split('\n')) {
    if (!line.startsWith('```')) open?.lines.push(line);
    else if (open) {
      if (open.lang === lang) blocks.push(`${open.lines.join('\n')}\n`);
      open = undefined;
    } else open = { lang: line.slice(3).trim(), lines: [] };
  }
  return blocks;
}

describe('the GitHub Pages recipe', () => {
  it('should be in the README exactly as in deploy/github-pages.yml', () => {
    expect(fenced('yaml')).toContain(workflowText);
  });

  it('should configure Pages, build with its URL, upload dist/ and deploy, in that order', () => {
    const steps = workflow.jobs.build.steps;
    const at = (pred: (s: Step) => boolean) => steps.findIndex(pred);
    const setupNode = steps[at((s) => s.uses?.startsWith('actions/setup-node@') ?? false)];
    expect(setupNode.with).toMatchObject({ 'node-version-file': 'scaffold-kb/.nvmrc', cache: 'npm', 'cache-dependency-path': 'scaffold-kb/package-lock.json' });
    const order = [
      at((s) => s.uses?.startsWith('actions/configure-pages@') ?? false),
      at((s) => s.run === 'npm ci'),
      at((s) => s.run === 'npm run build'),
      at((s) => s.uses?.startsWith('actions/upload-pages-artifact@') ?? false),
    ];
    expect(order.every((i) => i >= 0), JSON.stringify(order)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const pagesId = steps[order[0]].id;
    const build = steps[order[2]];
    expect(build.env?.SITE_URL).toBe(`\${{ steps.${pagesId}.outputs.base_url }}`);
    expect(Object.keys(build.env ?? {}).sort()).toEqual(['KB_CONTENT_DIR', 'SITE_URL']);
    expect(steps[order[3]].with?.path).toBe('scaffold-kb/dist');
    expect(workflow.jobs.deploy.needs).toBe('build');
    expect(workflow.jobs.deploy.steps.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });

  it('should check a pull request with annotations on its lines, and build and deploy only outside pull requests', () => {
    const check = workflow.jobs.check as { if?: string; steps: Step[] };
    expect(check.if).toBe("github.event_name == 'pull_request'");
    expect(check.steps.at(-1)?.run).toBe('npm run check -- "${{ github.workspace }}/tree/content" --format=github');
    expect((workflow.jobs.build as { if?: string }).if).toBe("github.event_name != 'pull_request'");
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.check).toBe('node scripts/node22.mjs scripts/check.mjs');
  });

  it('should take a Node from .nvmrc that the engines field allows, and a Pages URL the settings accept', () => {
    const nvmrc = readFileSync('.nvmrc', 'utf8').trim();
    expect(JSON.parse(readFileSync('package.json', 'utf8')).engines.node).toBe('>=22.18.0');
    // A bare major resolves to its newest release; 22's is past 22.18.
    expect(Number(nvmrc)).toBeGreaterThanOrEqual(22);
    expect(parseSettings({ SITE_URL: 'https://org.github.io/repo', KB_CONTENT_DIR: '/w/tree/content' }, '/w/scaffold-kb')).toMatchObject({ basePath: '/repo', siteOrigin: 'https://org.github.io' });
  });
});

describe('the README\'s host configurations', () => {
  it('should show the _headers file the build writes', () => {
    const written = formatHeadersFile(hostHeaderRules('')).split('\n').filter((l) => !l.startsWith('#')).join('\n');
    expect(fenced('')).toContain(written);
  });

  it('should send every security header, with its exact value, from nginx and Caddy', () => {
    for (const lang of ['nginx', 'caddy']) {
      const [block] = fenced(lang);
      expect(block, lang).toBeDefined();
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(block, `${lang}: ${name}`).toContain(`${name} "${value}"`);
    }
  });
});
