import { describe, expect, it } from 'vitest';
import { absolutizeLinks } from '../../src/lib/exports/entryMarkdown';
import { KbIndexSchema, stableJson, stableJsonChunks } from '../../src/lib/exports/kbIndex';
import { llmsFullTxt, llmsTxt } from '../../src/lib/exports/llmsTxt';
import { createLinks } from '../../src/lib/links';
import type { LinkTarget } from '../../src/lib/markdown/resolveRelativeLink';
import { headingLinkControls, renderBody } from '../../src/lib/markdown/renderBody';
import { buildCards, cardKey, clampText } from '../../src/lib/og/cards';
import { ENTRY_CARDS_UP_TO, entryCard, OG_IMAGE_MODES, ogImagePolicy, typeCard } from '../../src/lib/og/policy';
import { slugFromPath, suggestEntries } from '../../src/browser/search/suggestEntries';

const links = createLinks('/kb', 'https://docs.example.com/ignored/path');
const targets = new Map<string, LinkTarget>([
  ['knowledge/core/testing.md', { url: links.entry('testing'), kind: 'entry', name: 'testing' }],
  ['knowledge/ml/ml-architecture.md', { url: links.entry('ml-architecture'), kind: 'entry', name: 'ml-architecture' }],
]);

describe('exports', () => {
  it('should make links between files absolute page URLs and leave code and other links alone', () => {
    const source = [
      'See [testing](../core/testing.md#setup) and [web](https://example.org/x.md).',
      '[ref]: ./ml-architecture.md',
      '```md',
      '[inside code](../core/testing.md)',
      '```',
    ].join('\n');
    const out = absolutizeLinks(source, 'knowledge/ml/ml-serving.md', targets, links.absolute);
    expect(out).toContain('[testing](https://docs.example.com/kb/kb/testing/#setup)');
    expect(out).toContain('[web](https://example.org/x.md)');
    expect(out).toContain('[ref]: https://docs.example.com/kb/kb/ml-architecture/');
    expect(out).toContain('[inside code](../core/testing.md)');
  });

  it('should give root-relative URLs when no SITE_URL is set', () => {
    const local = createLinks('', undefined);
    expect(local.absolute(local.entry('x'))).toBe('/kb/x/');
    expect(links.absolute(links.entryMarkdown('x'))).toBe('https://docs.example.com/kb/kb/x.md');
  });

  it('should write llms.txt in the llmstxt.org shape', () => {
    const text = llmsTxt('scaffold-kb', 'A summary\nover lines.', 'Details.', [
      { heading: 'ml projects', intro: 'For ML.', links: [{ title: 'ML [Arch]', url: 'https://x/kb/a/', description: 'About a.' }] },
    ]);
    expect(text.split('\n').slice(0, 9)).toEqual(['# scaffold-kb', '', '> A summary over lines.', '', 'Details.', '', '## ml projects', '', 'For ML.']);
    expect(text).toContain('- [ML \\[Arch\\]](https://x/kb/a/): About a.');
    expect([...llmsFullTxt('All', [{ title: 'A', url: 'u', markdown: () => '---\nname: a\n---\nBody\n' }])].join('')).toContain('<!-- A: u -->\n\n---\nname: a\n---\nBody\n');
  });

  it('should stream the same bytes stableJson writes, with no item, one or several', () => {
    const head = { site: { title: 't', nested: { a: [1, 2] } }, version: null };
    for (const items of [[], [{ a: 1 }], [{ a: 1, b: [{ c: 'x\ny' }] }, 'two', [3, [4]], {}]]) {
      expect([...stableJsonChunks(head, 'entries', items)].join('')).toBe(stableJson({ ...head, entries: items }));
    }
  });

  it('should describe kb.json with a schema that rejects what it does not know', () => {
    const good = { site: { title: 't', home: '/', version: null }, entries: [{ name: 'a', title: 'A', description: 'd', topics: [], domain: 'core', projectTypes: [], url: '/kb/a/', markdownUrl: '/kb/a.md', headings: [{ depth: 2, text: 'S', id: 's', url: '/kb/a/#s' }] }] };
    expect(KbIndexSchema().parse(good)).toEqual(good);
    expect(KbIndexSchema().safeParse({ ...good, extra: 1 }).success).toBe(false);
    expect(stableJson(good)).toBe(stableJson(JSON.parse(JSON.stringify(good))));
  });

  it('should give every rendered heading a navigating # link and a hidden Markdown-link button', () => {
    const html = renderBody('## Setup & run\n\nText.\n', { file: 'x.md', targets: new Map() }).html;
    expect(html).toContain('<a class="anchor" href="#setup--run" aria-label="Link to section: Setup &amp; run"');
    expect(html).toContain('<button type="button" class="anchor-md" data-copy-md="" hidden aria-label="md: copy Markdown link to section: Setup &amp; run"');
    expect(headingLinkControls('a"b', '<x>')).not.toMatch(/"b"|<x>/);
  });
});

describe('link-preview cards', () => {
  it('should cut long text at a word and key a card by what it draws', () => {
    expect(clampText('one two three four five', 14)).toBe('one two three…');
    expect(clampText('short', 10)).toBe('short');
    // A list cut after its separator ends at the last whole item.
    expect(clampText('Alpha · Beta · Gamma', 18)).toBe('Alpha · Beta…');
    const [card] = buildCards({ entries: [{ name: 'a', title: 'A', description: 'D', domain: 'core' }], domains: [{ id: 'core', title: 'Domain: core' }], projectTypes: [] }, 'entries');
    expect(card).toEqual({ kind: 'kb', id: 'a', title: 'A', description: 'D', eyebrow: 'Knowledge entry · core' });
    expect(cardKey(card)).toBe(cardKey({ ...card }));
    expect(cardKey(card)).not.toBe(cardKey({ ...card, description: 'E' }));
    // The id is where the card is published, not what it shows: renaming alone reuses the image.
    expect(cardKey(card)).toBe(cardKey({ ...card, id: 'b' }));
  });

  const sources = {
    entries: [
      { name: 'b', title: 'Beta', description: 'B', domain: 'core' },
      { name: 'a', title: 'Alpha', description: 'A', domain: 'core' },
      { name: 'g', title: 'Gamma', description: 'G', domain: 'ml' },
    ],
    domains: [{ id: 'core', title: 'Domain: core' }, { id: 'ml', title: 'Domain: ml' }],
    projectTypes: [{ id: 'web-app', title: 'Web App', description: 'Web.', entryCount: 1 }],
  };

  it('should draw exactly the cards pages name, in each mode', () => {
    for (const mode of OG_IMAGE_MODES) {
      const drawn = new Set(buildCards(sources, mode).map((c) => `${c.kind}/${c.id}`));
      const named = new Set([
        ...sources.entries.map((e) => entryCard(mode, e)),
        ...sources.projectTypes.map((t) => typeCard(mode, t.id)),
      ].flatMap((c) => (c ? [`${c.kind}/${c.id}`] : [])));
      expect(drawn, mode).toEqual(named);
    }
    expect(buildCards(sources, 'domains').find((c) => c.id === 'core')).toEqual({ kind: 'domains', id: 'core', title: 'Domain: core', description: 'Alpha · Beta', eyebrow: 'Knowledge domain · 2 entries' });
    expect(buildCards(sources, 'off')).toEqual([]);
  });

  it('should draw a card per entry up to the limit, then per domain, unless KB_OG_IMAGES says', () => {
    expect(ogImagePolicy(undefined, ENTRY_CARDS_UP_TO).mode).toBe('entries');
    expect(ogImagePolicy(undefined, ENTRY_CARDS_UP_TO + 1)).toEqual({ mode: 'domains', reason: expect.stringContaining('KB_OG_IMAGES=entries draws one per entry') });
    expect(ogImagePolicy('entries', 10_000).mode).toBe('entries');
    expect(ogImagePolicy('off', 3).mode).toBe('off');
  });
});

describe('404 suggestions', () => {
  const entries = [
    { name: 'data-pipeline-streaming-patterns', title: 'Data Pipeline Streaming Patterns' },
    { name: 'data-pipeline-batch-patterns', title: 'Data Pipeline Batch Patterns' },
    { name: 'ml-architecture', title: 'ML Architecture' },
  ];

  it('should take the slug from the end of the path', () => {
    expect(slugFromPath('/kb/kb/Streaming-Pattern/')).toBe('streaming-pattern');
    expect(slugFromPath('/kb/x.md')).toBe('x');
    expect(slugFromPath('/%E0%A4%A/')).toBe('%e0%a4%a');
  });

  it('should put the entry a former name points to first', () => {
    expect(suggestEntries('streaming-guide', entries, { 'streaming-guide': 'data-pipeline-streaming-patterns' })[0]).toEqual({ ...entries[0], renamed: true });
  });

  it('should rank by shared words, forgiving typos and plurals', () => {
    expect(suggestEntries('streming-pattern', entries, {})[0].name).toBe('data-pipeline-streaming-patterns');
    expect(suggestEntries('ml-archtecture', entries, {})[0].name).toBe('ml-architecture');
    expect(suggestEntries('qqzzxx', entries, {})).toEqual([]);
  });
});
