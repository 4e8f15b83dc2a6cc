import { describe, expect, it } from 'vitest';
import { indexedContent } from '../../src/pagefindIndex/indexedContent';

const page = (article: string, lang = 'en') => `<!doctype html><html lang="${lang}" data-kb-base="/x/"><head><title>T</title></head><body><nav>site nav</nav>${article}<footer>f</footer></body></html>`;
const entry = (o: { link?: string; text?: string; ignored?: string; img?: string; filter?: string } = {}) =>
  page(`<article data-pagefind-body><h1 data-pagefind-meta="title">Title</h1>
<div class="actions" data-pagefind-ignore><button data-copy="https://kb.example.org${o.link ?? '/'}kb/a/">${o.ignored ?? 'Copy link'}</button>${o.filter ? `<span hidden data-pagefind-filter="topic:${o.filter}"></span>` : ''}</div>
<div class="prose"><p>${o.text ?? 'Some text'} and <a href="${o.link ?? '/'}kb/b/#part">b</a>.</p>${o.img ? `<img src="${o.img}" alt="">` : ''}</div>
</article>`);
const today = indexedContent(entry());
const old = { from: '/v1.0.0/', to: '/' };

describe('what Pagefind reads of an entry page', () => {
  it('should be the same for a release’s page whose links point into its own folder', () => {
    expect(today).toBeDefined();
    expect(indexedContent(entry({ link: '/v1.0.0/' }), old)).toBe(today);
    // Without the release's prefix the links differ.
    expect(indexedContent(entry({ link: '/v1.0.0/' }))).not.toBe(today);
  });

  it('should ignore what data-pagefind-ignore hides, but not the filters Pagefind still takes from inside it', () => {
    expect(indexedContent(entry({ ignored: 'Copy link to the latest release' }))).toBe(today);
    expect(indexedContent(entry({ filter: 'pii' }))).not.toBe(today);
  });

  it('should differ for other text, another language, or an image (its src is kept by Pagefind)', () => {
    expect(indexedContent(entry({ text: 'Other text' }))).not.toBe(today);
    expect(indexedContent(page(entry().match(/<article[\s\S]*<\/article>/)![0], 'de'))).not.toBe(today);
    expect(indexedContent(entry({ link: '/v1.0.0/', img: '/v1.0.0/a.png' }), old)).not.toBe(indexedContent(entry({ img: '/a.png' })));
  });

  it('should leave pages without one indexed article to Pagefind', () => {
    expect(indexedContent(page('<main>no article</main>'))).toBeUndefined();
    expect(indexedContent(page('<article data-pagefind-body>a</article><article data-pagefind-body>b</article>'))).toBeUndefined();
  });
});
