import { describe, expect, it } from 'vitest';
import { renderBody } from '../../src/lib/markdown/renderBody';
import { splitSections } from '../../src/lib/versions/sections';

const rendered = (md: string) => renderBody(md, { file: 'knowledge/core/x.md', targets: new Map(), plain: true }).headings;

describe('splitting an entry into sections', () => {
  it('should cut at headings and keep each section’s own prose, with the prose before the first heading', () => {
    const md = 'Lead paragraph.\n\n## One\n\nFirst.\n\n### One A\n\nNested.\n\n## Two\nSecond\nlines.\n';
    expect(splitSections(md)).toEqual({
      intro: 'Lead paragraph.',
      sections: [
        { id: 'one', depth: 2, heading: 'One', text: 'First.' },
        { id: 'one-a', depth: 3, heading: 'One A', text: 'Nested.' },
        { id: 'two', depth: 2, heading: 'Two', text: 'Second\nlines.' },
      ],
    });
  });

  it('should not take # lines inside fenced or indented code for headings', () => {
    const md = '## Shell\n\n```bash\n# not a heading\necho hi\n```\n\n~~~~\n## nor this\n~~~~\n\n    # indented code\n\n## After\n\nEnd.\n';
    const { sections } = splitSections(md);
    expect(sections.map((s) => s.heading)).toEqual(['Shell', 'After']);
    expect(sections[0].text).toContain('# not a heading');
    expect(sections[0].text).toContain('## nor this');
  });

  it('should leave a leading # title out of the sections, as the page does', () => {
    const md = '# Title\n\nIntro text.\n\n# Body h1\n\nText.\n';
    const { intro, sections } = splitSections(md);
    expect(intro).toBe('Intro text.');
    expect(sections).toEqual([{ id: 'body-h1', depth: 2, heading: 'Body h1', text: 'Text.' }]);
  });

  it('should give the ids the renderer gives: duplicates numbered, code and links spelled out, footnote ids avoided', () => {
    const md = '## Setup\n\n## Setup\n\n## Use `make check` with [links](https://example.org)\n\n## fn1\n\nSee[^1].\n\n[^1]: A note.\n\n## Contents & more\n';
    const expected = rendered(md).map((h) => h.slug);
    expect(expected).toEqual(['setup', 'setup-1', 'use-make-check-with-links', 'fn1-1', 'contents--more']);
    // Without the rendered headings the same rule makes the same ids.
    expect(splitSections(md).sections.map((s) => s.id)).toEqual(expected);
  });

  it('should take ids from the rendered headings when they line up one for one, and only then', () => {
    const md = '## Alpha\n\nA.\n\n## Beta\n\nB.\n';
    const given = [
      { depth: 2, slug: 'first', text: 'Alpha' },
      { depth: 2, slug: 'second', text: 'Beta' },
    ];
    expect(splitSections(md, given).sections.map((s) => s.id)).toEqual(['first', 'second']);
    expect(splitSections(md, given.slice(0, 1)).sections.map((s) => s.id)).toEqual(['alpha', 'beta']);
  });
});
