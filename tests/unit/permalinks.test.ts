import { describe, expect, it } from 'vitest';
import { comparePermalinks, describeBroken, normalizePagePath, PermalinksSchema, type Permalinks } from '../../src/lib/permalinks/permalinks';

const build = (over: Partial<Permalinks> = {}): Permalinks => ({
  format: 1,
  pages: ['/', '/kb/alpha/', '/kb/beta/'],
  entries: { alpha: { url: '/kb/alpha/', anchors: ['setup', 'usage'] }, beta: { url: '/kb/beta/', anchors: ['intro'] } },
  aliases: { entries: {}, anchors: {} },
  ...over,
});

describe('the published-URL contract', () => {
  it('should normalise build pathnames to site paths', () => {
    expect(normalizePagePath('kb/alpha/')).toBe('/kb/alpha/');
    expect(normalizePagePath('')).toBe('/');
    expect(normalizePagePath('kb/alpha')).toBe('/kb/alpha/');
    expect(normalizePagePath('/llms.txt')).toBe('/llms.txt');
  });

  it('should pass when nothing changed', () => {
    expect(comparePermalinks(build(), build())).toEqual([]);
  });

  it('should name a removed entry page and a removed anchor', () => {
    const after = build({ pages: ['/', '/kb/alpha/'], entries: { alpha: { url: '/kb/alpha/', anchors: ['setup'] } } });
    expect(comparePermalinks(build(), after)).toEqual([
      { id: '/kb/beta/', kind: 'page' },
      { id: 'alpha#usage', kind: 'anchor' },
    ]);
    expect(describeBroken(comparePermalinks(build(), after), 'old.json')).toContain('- alpha#usage: heading gone');
  });

  it('should accept a renamed entry with an alias page and a renamed heading with an anchor alias', () => {
    const after = build({
      pages: ['/', '/kb/alpha/', '/kb/beta/', '/kb/gamma/'],
      entries: { alpha: { url: '/kb/alpha/', anchors: ['setup', 'how-to-use', 'usage'] }, gamma: { url: '/kb/gamma/', anchors: ['introduction', 'intro'] } },
      aliases: { entries: { beta: 'gamma' }, anchors: { alpha: { usage: 'how-to-use' }, gamma: { intro: 'introduction' } } },
    });
    // An alias keeps the old page published, and anchors of the old name are checked on the new entry.
    expect(comparePermalinks(build(), after)).toEqual([]);
    const withoutAnchorAlias = { ...after, entries: { ...after.entries, gamma: { url: '/kb/gamma/', anchors: ['introduction'] } }, aliases: { entries: { beta: 'gamma' }, anchors: {} } };
    expect(comparePermalinks(build(), withoutAnchorAlias)).toEqual([{ id: 'beta#intro', kind: 'anchor' }]);
  });

  it('should describe the file it reads with a schema', () => {
    expect(PermalinksSchema().safeParse(build()).success).toBe(true);
    expect(PermalinksSchema().safeParse({ ...build(), format: 2 }).success).toBe(false);
  });
});
