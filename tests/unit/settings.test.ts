import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSettings, SETTING_NAMES, SettingsError, versionNameProblem, withSettings } from '../../src/lib/settings';

const cwd = '/work/site';
const parse = (env: Record<string, string>) => parseSettings(env, cwd);

/** The one problem line a bad environment gives, as the build prints it. */
function problemLines(env: Record<string, string>): string[] {
  try {
    parse(env);
  } catch (err) {
    expect(err).toBeInstanceOf(SettingsError);
    return (err as Error).message.split('\n').filter((l) => l.startsWith('- '));
  }
  throw new Error(`expected ${JSON.stringify(env)} to be rejected`);
}

describe('site settings', () => {
  it('should give the defaults for an empty environment, and treat empty values as unset', () => {
    const expected = { contentDir: '/work/site/content', siteOrigin: undefined, basePath: '', aliasesFile: undefined, previousPermalinks: undefined, strict: false, ogImages: undefined, editUrl: undefined, versions: undefined, latestVersion: undefined };
    expect(parse({})).toEqual(expected);
    expect(parse(Object.fromEntries(SETTING_NAMES.map((n) => [n, ''])))).toEqual(expected);
  });

  it('should resolve paths against the working directory', () => {
    const s = parse({ KB_CONTENT_DIR: '../scaffold/content', KB_ALIASES: 'aliases.yml', KB_PREVIOUS_PERMALINKS: '/old/permalinks.json' });
    expect(s.contentDir).toBe('/work/scaffold/content');
    expect(s.aliasesFile).toBe('/work/site/aliases.yml');
    expect(s.previousPermalinks).toBe('/old/permalinks.json');
  });

  describe('booleans (KB_STRICT)', () => {
    it.each(['1', 'true', 'yes', 'TRUE', 'Yes'])('should read %s as on', (v) => expect(parse({ KB_STRICT: v }).strict).toBe(true));
    it.each(['0', 'false', 'no', 'False'])('should read %s as off', (v) => expect(parse({ KB_STRICT: v }).strict).toBe(false));
    it.each(['on', 'maybe', '2', 'y'])('should reject %s', (v) => {
      expect(problemLines({ KB_STRICT: v })).toEqual([`- environment — **KB_STRICT**: expected one of 1, 0, true, false, yes, no; found "${v}"`]);
    });
  });

  describe('SITE_URL', () => {
    it('should keep the origin and take a path as the base path (GitHub Pages project sites)', () => {
      expect(parse({ SITE_URL: 'https://docs.example.com' })).toMatchObject({ siteOrigin: 'https://docs.example.com', basePath: '' });
      expect(parse({ SITE_URL: 'https://docs.example.com/' })).toMatchObject({ siteOrigin: 'https://docs.example.com', basePath: '' });
      expect(parse({ SITE_URL: 'https://org.github.io/repo' })).toMatchObject({ siteOrigin: 'https://org.github.io', basePath: '/repo' });
      expect(parse({ SITE_URL: 'http://127.0.0.1:4321/team/handbook/' })).toMatchObject({ siteOrigin: 'http://127.0.0.1:4321', basePath: '/team/handbook' });
    });

    it('should accept BASE_PATH when it agrees with the path of SITE_URL, and reject it when not', () => {
      expect(parse({ SITE_URL: 'https://org.github.io/repo', BASE_PATH: '/repo/' }).basePath).toBe('/repo');
      expect(parse({ SITE_URL: 'https://docs.example.com', BASE_PATH: '/kb' }).basePath).toBe('/kb');
      expect(problemLines({ SITE_URL: 'https://org.github.io/repo', BASE_PATH: '/docs' })).toEqual([
        '- environment — **BASE_PATH**: expected /repo (the path of SITE_URL https://org.github.io/repo), or BASE_PATH unset so it is taken from SITE_URL; found "/docs"',
      ]);
    });

    const expected = 'expected an absolute http(s) URL such as https://docs.example.com or https://org.github.io/repo, with no query, fragment or credentials';
    it.each(['docs.example.com', 'javascript:alert(1)', 'ftp://docs.example.com', 'https://docs.example.com/?v=1', 'https://docs.example.com/#top', 'https://user:pw@docs.example.com', 'https://docs.example.com/a/../b', 'https://docs.example.com/a b'])(
      'should reject %s',
      (v) => expect(problemLines({ SITE_URL: v })).toEqual([`- environment — **SITE_URL**: ${expected}; found ${JSON.stringify(v)}`]),
    );
  });

  describe('BASE_PATH', () => {
    it.each([
      ['/', ''],
      ['/kb', '/kb'],
      ['/kb/', '/kb'],
      ['/team/handbook_v2/', '/team/handbook_v2'],
    ])('should read %s as %s', (v, base) => expect(parse({ BASE_PATH: v }).basePath).toBe(base));

    it.each([
      ['/docs?v=1', 'a query (?)'],
      ['\\evil.example', 'a backslash'],
      ['/docs#top', 'a fragment (#)'],
      ['/a/../b', 'a ".." segment'],
      ['//evil.example', 'an empty segment (//)'],
      ['/a//b', 'an empty segment (//)'],
      ['kb', 'no leading /'],
      ['/my docs', 'the segment "my docs", which has characters other than letters, digits, ".", "_", "~" and "-"'],
      ['/%2e%2e', 'the segment "%2e%2e", which has characters other than letters, digits, ".", "_", "~" and "-"'],
    ])('should reject %s', (v, why) => {
      expect(problemLines({ BASE_PATH: v })).toEqual([
        `- environment — **BASE_PATH**: expected "/" or a path such as /docs or /team/handbook: segments of letters, digits, ".", "_", "~" or "-", with no backslash, query, fragment, ".." or "//" (this one has ${why}); found ${JSON.stringify(v)}`,
      ]);
    });
  });

  it('should take the link-preview modes and reject others', () => {
    expect(parse({ KB_OG_IMAGES: ' off ' }).ogImages).toBe('off');
    expect(parse({ KB_OG_IMAGES: 'domains' }).ogImages).toBe('domains');
    expect(problemLines({ KB_OG_IMAGES: 'all' })).toEqual(['- environment — **KB_OG_IMAGES**: expected one of entries, domains, off; found "all"']);
  });

  it('should take an edit URL, ending it with a slash, and reject one that is not http(s)', () => {
    expect(parse({ KB_EDIT_URL: 'https://github.com/org/scaffold/edit/main/content' }).editUrl).toBe('https://github.com/org/scaffold/edit/main/content/');
    for (const v of ['github.com/org/scaffold', 'javascript:alert(1)', 'https://x.example/edit?file=']) {
      expect(problemLines({ KB_EDIT_URL: v })).toEqual([
        `- environment — **KB_EDIT_URL**: expected an absolute http(s) URL that a file's path in the tree is appended to, such as https://github.com/org/scaffold/edit/main/content/; found ${JSON.stringify(v)}`,
      ]);
    }
  });

  describe('versions (KB_VERSIONS, KB_LATEST)', () => {
    const NAME = 'expected a version name of letters, digits, ".", "-" or "_" that starts with a letter or digit, with no ".." and no .html ending (the version is published at /<name>/)';
    const reserved = (name: string) => new RegExp(`^expected a version name other than the first URL segments the site uses itself \\(kb, types, .*, sitemap…; in any case\\), since the version is published at /${name.replace(/\./g, '\\.')}/$`);

    it('should read a list, trimming each name, or all, and leave the single-version site unset', () => {
      expect(parse({ KB_VERSIONS: ' v3.40.0, v3.54.0 ' })).toMatchObject({ versions: ['v3.40.0', 'v3.54.0'], latestVersion: undefined });
      expect(parse({ KB_VERSIONS: 'v3.40.0' }).versions).toEqual(['v3.40.0']);
      expect(parse({ KB_VERSIONS: 'all' }).versions).toBe('all');
      expect(parse({}).versions).toBeUndefined();
    });

    it('should take KB_LATEST when it is one of the listed versions, or any good name with all', () => {
      expect(parse({ KB_VERSIONS: 'v3.40.0,v3.54.0', KB_LATEST: 'v3.40.0' }).latestVersion).toBe('v3.40.0');
      expect(parse({ KB_VERSIONS: 'all', KB_LATEST: 'v3.40.0' }).latestVersion).toBe('v3.40.0');
    });

    it.each(['my version', '.hidden', '-rc', '_v1', 'v1..2', 'a/b', 'v1#2', 'v1?x', '%2e%2e', 'vé', 'index.html', 'v1.htm'])('should reject the name %j', (name) => {
      expect(versionNameProblem(name)).toBe(NAME);
      expect(problemLines({ KB_VERSIONS: name })).toEqual([`- environment — **KB_VERSIONS**: ${NAME}; found ${JSON.stringify(name)}`]);
    });

    it.each(['kb', 'KB', 'types', 'search', 'about', 'changes', 'og', 'pagefind', 'versions.json', 'robots.txt', 'sitemap-index.xml', 'sitemap-0.xml', 'llms.txt', 'llms-full.txt', 'kb.json', 'permalinks.json', '404', 'favicon.svg'])(
      'should reject %j, a first URL segment of the site',
      (name) => {
        expect(versionNameProblem(name)).toMatch(reserved(name));
        const [line] = problemLines({ KB_VERSIONS: `v1,${name}` });
        expect(line.startsWith('- environment — **KB_VERSIONS**: expected a version name other than')).toBe(true);
        expect(line.endsWith(`; found ${JSON.stringify(name)} in ${JSON.stringify(`v1,${name}`)}`)).toBe(true);
      },
    );

    it.each(['v3.40.0', '3.40', 'V3_40-rc.1', 'main', 'release-2026', 'kb2', 'type', 'v1.0.html5'])('should accept the name %j', (name) => {
      expect(versionNameProblem(name)).toBeUndefined();
      expect(parse({ KB_VERSIONS: name }).versions).toEqual([name]);
    });

    it.each([
      ['v1,,v2', 'expected a comma-separated list of version names such as v3.40.0,v3.54.0, or all; found an empty name in "v1,,v2"'],
      ['v1,', 'expected a comma-separated list of version names such as v3.40.0,v3.54.0, or all; found an empty name in "v1,"'],
      ['all,v1', 'expected either all or a list of version names, not both; found "all,v1"'],
      ['v1,v2,v1', 'expected each version once; found "v1" twice in "v1,v2,v1"'],
      ['v1,V1', 'expected each version once; found "v1" and "V1", one folder on a case-insensitive disk'],
    ])('should reject the list %j', (value, line) => {
      expect(problemLines({ KB_VERSIONS: value })).toEqual([`- environment — **KB_VERSIONS**: ${line}`]);
    });

    it('should list every bad name of the list at once', () => {
      expect(problemLines({ KB_VERSIONS: 'v1,kb,a b,v1' }).map((l) => /; found (.*)$/.exec(l)?.[1])).toEqual(['"kb" in "v1,kb,a b,v1"', '"a b" in "v1,kb,a b,v1"', '"v1" twice in "v1,kb,a b,v1"']);
    });

    it('should reject KB_LATEST that is not a listed version, has a bad name, or comes without KB_VERSIONS', () => {
      expect(problemLines({ KB_VERSIONS: 'v3.40.0,v3.54.0', KB_LATEST: 'v3.30.0' })).toEqual([
        '- environment — **KB_LATEST**: expected one of the versions in KB_VERSIONS (v3.40.0, v3.54.0); found "v3.30.0"',
      ]);
      expect(problemLines({ KB_LATEST: 'v3.30.0' })).toEqual([
        "- environment — **KB_LATEST**: expected KB_VERSIONS to be set too: KB_LATEST names which of its versions is published at today's URLs; found \"v3.30.0\"",
      ]);
      expect(problemLines({ KB_VERSIONS: 'all', KB_LATEST: 'a/b' })).toEqual([`- environment — **KB_LATEST**: ${NAME}; found "a/b"`]);
      expect(problemLines({ KB_VERSIONS: 'all', KB_LATEST: 'search' })[0]).toMatch(/^- environment — \*\*KB_LATEST\*\*: expected a version name other than .*; found "search"$/);
    });

    it('should report disagreeing settings together', () => {
      expect(problemLines({ SITE_URL: 'https://org.github.io/repo', BASE_PATH: '/docs', KB_LATEST: 'v1' }).map((l) => /\*\*(\w+)\*\*/.exec(l)?.[1])).toEqual(['BASE_PATH', 'KB_LATEST']);
    });
  });

  it('should list every bad setting at once', () => {
    expect(problemLines({ SITE_URL: 'docs.example.com', KB_STRICT: 'on', BASE_PATH: 'x' }).map((l) => /\*\*(\w+)\*\*/.exec(l)?.[1])).toEqual(['SITE_URL', 'BASE_PATH', 'KB_STRICT']);
  });

  it('should give test builds an environment with exactly the overrides set', () => {
    const env = withSettings({ PATH: '/bin', SITE_URL: 'https://leak.example', KB_STRICT: '1' }, { BASE_PATH: '/kb' });
    expect(env).toEqual({ PATH: '/bin', BASE_PATH: '/kb' });
  });

  it('should be documented, one README row per setting and no other', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = /\| variable \| meaning \| default \|\n\| --- \| --- \| --- \|\n((?:\|.*\n)+)/.exec(readme)?.[1] ?? '';
    const documented = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...SETTING_NAMES].sort());
  });
});
