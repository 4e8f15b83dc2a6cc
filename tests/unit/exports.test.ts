import { describe, expect, it } from 'vitest';
import { absolutizeLinks } from '../../src/lib/exports/entryMarkdown';
import { KbIndexSchema, stableJson } from '../../src/lib/exports/kbIndex';
import { llmsFullTxt, llmsTxt } from '../../src/lib/exports/llmsTxt';
import { createLinks } from '../../src/lib/links';
import type { LinkTarget } from '../../src/lib/markdown/resolveRelativeLink';
import { headingLinkControls, renderBody } from '../../src/lib/markdown/renderBody';
import { buildCards, cardKey, clampText } from '../../src/lib/og/cards';
import { slugFromPath, suggestEntries } from '../../src/lib/search/suggestEntries';

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

  it('should describe kb.json with a schema that rejects what it does not know', () => {
    const good = { site: { title: 't', home: '/', version: null }, entries: [{ name: 'a', title: 'A', description: 'd', topics: [], domain: 'core', projectTypes: [], url: '/kb/a/', markdownUrl: '/kb/a.md', headings: [{ depth: 2, text: 'S', id: 's', url: '/kb/a/#s' }] }] };
    expect(KbIndexSchema().parse(good)).toEqual(good);
    expect(KbIndexSchema().safeParse({ ...good, extra: 1 }).success).toBe(false);
    expect(stableJson(good)).toBe(stableJson(JSON.parse(JSON.stringify(good))));
  });

  it('should give every rendered heading a navigating # link and a hidden Markdown-link button', () => {
    const html = renderBody('## Setup & run\n\nText.\n', { file: 'x.md', targets: new Map() }).html;
    expect(html).toContain('<a class="anchor" href="#setup--run" aria-label="Link to section: Setup &amp; run"');
    expect(html).toContain('<button type="button" class="anchor-md" data-copy-md="" hidden aria-label="Copy Markdown link to section: Setup &amp; run"');
    expect(headingLinkControls('a"b', '<x>')).not.toMatch(/"b"|<x>/);
  });
});

describe('link-preview cards', () => {
  it('should cut long text at a word and key a card by what it draws', () => {
    expect(clampText('one two three four five', 14)).toBe('one two three…');
    expect(clampText('short', 10)).toBe('short');
    const [card] = buildCards({ entries: [{ name: 'a', title: 'A', description: 'D', domain: 'core' }], projectTypes: [] });
    expect(card).toEqual({ kind: 'kb', id: 'a', title: 'A', description: 'D', eyebrow: 'Knowledge entry · core' });
    expect(cardKey(card)).toBe(cardKey({ ...card }));
    expect(cardKey(card)).not.toBe(cardKey({ ...card, description: 'E' }));
    // The id is where the card is published, not what it shows: renaming alone reuses the image.
    expect(cardKey(card)).toBe(cardKey({ ...card, id: 'b' }));
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
