import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTree } from '../helpers/buildTree';
import { goodTree } from '../helpers/tempTree';

const ogImage = (html: string) => /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
const page = (root: string, path: string) => readFileSync(join(root, 'dist', path, 'index.html'), 'utf8');

describe('link-preview images by KB_OG_IMAGES', () => {
  it('domains: entry pages share their domain card, which is drawn; no card per entry', () => {
    const root = goodTree();
    const { status, text } = buildTree(root, { KB_OG_IMAGES: 'domains', SITE_URL: 'https://docs.example.com' });
    expect(status, text.slice(-2000)).toBe(0);
    expect(text).toContain('link-preview images: KB_OG_IMAGES=domains');
    for (const [name, domain] of [['alpha', 'core'], ['beta', 'core'], ['gamma', 'ml']]) {
      expect(ogImage(page(root, `kb/${name}`))).toBe(`https://docs.example.com/og/domains/${domain}.png`);
    }
    expect(existsSync(join(root, 'dist/og/domains/core.png'))).toBe(true);
    expect(existsSync(join(root, 'dist/og/domains/ml.png'))).toBe(true);
    expect(existsSync(join(root, 'dist/og/kb'))).toBe(false);
    expect(ogImage(page(root, 'types/web-app'))).toBe('https://docs.example.com/og/types/web-app.png');
    expect(existsSync(join(root, 'dist/og/types/web-app.png'))).toBe(true);
  }, 120_000);

  it('off: no page names an image, and the card falls back to a summary', () => {
    const root = goodTree();
    const { status, text } = buildTree(root, { KB_OG_IMAGES: 'off' });
    expect(status, text.slice(-2000)).toBe(0);
    const html = page(root, 'kb/alpha');
    expect(ogImage(html)).toBeUndefined();
    expect(html).toContain('<meta name="twitter:card" content="summary">');
    expect(existsSync(join(root, 'dist/og'))).toBe(false);
  }, 120_000);

  it('an unknown value fails the build, naming the setting and the values it takes', () => {
    const { status, text } = buildTree(goodTree(), { KB_OG_IMAGES: 'some' });
    expect(status).not.toBe(0);
    expect(text).toContain('- environment — KB_OG_IMAGES: expected one of entries, domains, off; found "some"');
    expect(text).not.toMatch(/^\s+at /m);
  }, 120_000);
});
