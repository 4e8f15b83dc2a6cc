import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAliases, formerIdsByHeading, type SiteAliasesFile } from '../../src/lib/kb/aliases';
import { readSiteAliases } from '../../src/tree/aliasesFile';
import { readTree } from '../../src/tree/readTree';
import { withFormerIds } from '../../src/lib/markdown/renderBody';
import { entry, goodTree } from '../helpers/tempTree';

const headings: Record<string, string[]> = { alpha: ['summary'], beta: ['setup'], gamma: ['usage'] };
const headingsOf = (name: string) => headings[name];

describe('aliases', () => {
  it('should map former names and former anchors from frontmatter', () => {
    const root = goodTree({ 'knowledge/ml/gamma.md': entry('gamma', 'aliases: [old-gamma]\nanchor-aliases: { how-to-use: usage }\n', '## Usage\n\nUse it.\n') });
    const { table, problems } = buildAliases(readTree(root).tree, undefined, headingsOf);
    expect(problems).toEqual([]);
    expect(table.entries.get('old-gamma')).toBe('gamma');
    expect(formerIdsByHeading(table, 'gamma')).toEqual(new Map([['usage', ['how-to-use']]]));
  });

  it('should refuse an alias that is a current entry name, naming the file and field', () => {
    const root = goodTree({ 'knowledge/ml/gamma.md': entry('gamma', 'aliases: [alpha]\n', '## Usage\n') });
    const { problems } = buildAliases(readTree(root).tree, undefined, headingsOf);
    expect(problems).toEqual([expect.objectContaining({ file: 'knowledge/ml/gamma.md', field: 'aliases.0', found: expect.stringContaining('knowledge/core/alpha.md') })]);
  });

  it('should refuse one former name claimed by two entries', () => {
    const root = goodTree({
      'knowledge/ml/gamma.md': entry('gamma', 'aliases: [old]\n', '## Usage\n'),
      'knowledge/core/alpha.md': entry('alpha', 'aliases: [old]\n'),
    });
    const { problems } = buildAliases(readTree(root).tree, undefined, headingsOf);
    expect(problems).toHaveLength(1);
    expect(problems[0].expected).toMatch(/already an alias of/);
  });

  it('should refuse an anchor alias whose target is not a heading, or whose former id is still used', () => {
    const root = goodTree({ 'knowledge/ml/gamma.md': entry('gamma', 'anchor-aliases: { old: nowhere, usage: usage }\n', '## Usage\n') });
    const { problems } = buildAliases(readTree(root).tree, undefined, headingsOf);
    expect(problems.map((p) => p.field)).toEqual(['anchor-aliases.old', 'anchor-aliases.usage']);
    expect(problems[0].expected).toContain('expected a heading id of gamma (usage)');
  });

  it('should read a site-level file and check its entries exist', () => {
    const root = goodTree();
    const file = join(root, 'aliases.yml');
    writeFileSync(file, 'entries:\n  beta:\n    aliases: [beta-old]\n    anchor-aliases: { install: setup }\n  nobody:\n    aliases: [x]\n');
    const site = readSiteAliases(file, 'aliases.yml') as SiteAliasesFile;
    const { table, problems } = buildAliases(readTree(root).tree, site, headingsOf);
    expect(table.entries.get('beta-old')).toBe('beta');
    expect(table.anchors.get('beta')?.get('install')).toBe('setup');
    expect(problems).toEqual([expect.objectContaining({ file: 'aliases.yml', field: 'entries.nobody' })]);
  });

  it('should report a missing or malformed site-level file with its name', () => {
    expect(readSiteAliases('/nonexistent/aliases.yml', 'aliases.yml')).toEqual([expect.objectContaining({ file: 'aliases.yml', found: 'no such file' })]);
    const root = goodTree();
    writeFileSync(join(root, 'a.yml'), 'entries:\n  beta:\n    aliasez: [x]\n');
    const res = readSiteAliases(join(root, 'a.yml'), 'a.yml');
    expect(Array.isArray(res) && res[0].file).toBe('a.yml');
  });

  it('should put an element with each former id at the start of the heading that replaced it', () => {
    const html = '<h2 id="usage">Usage<a class="anchor" href="#usage">#</a></h2>\n<h3 id="other">Other</h3>';
    const out = withFormerIds(html, new Map([['usage', ['how-to-use', 'old']]]));
    expect(out).toContain('<h2 id="usage"><span id="how-to-use" class="anchor-alias"></span><span id="old" class="anchor-alias"></span>Usage');
    expect(out).toContain('<h3 id="other">Other</h3>');
  });
});
