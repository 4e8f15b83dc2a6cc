import { describe, expect, it } from 'vitest';
import { matchSections } from '../../src/lib/versions/renames';
import type { Section } from '../../src/lib/versions/sections';

const section = (id: string, text: string): Section => ({ id, depth: 2, heading: id, text });
const prose = (n: number, extra = '') => `${Array.from({ length: n }, (_, i) => `word${i}`).join(' ')}${extra}`;

describe('lining up the sections of two versions of an entry', () => {
  it('should keep sections by id and pair a removed and an added heading that kept most of their wording', () => {
    const match = matchSections([section('a', 'same'), section('old', prose(20))], [section('a', 'same'), section('new', prose(20, ' and a bit more'))]);
    expect(match.kept.map((k) => k.after.id)).toEqual(['a']);
    expect(match.renamed.map((r) => [r.before.id, r.after.id, r.by])).toEqual([['old', 'new', 'content']]);
    expect(match.removed).toEqual([]);
    expect(match.added).toEqual([]);
  });

  it('should not pair sections that share less than half their wording', () => {
    const match = matchSections([section('old', prose(10))], [section('new', `${prose(4)} ${'other '.repeat(12)}`)]);
    expect(match.renamed).toEqual([]);
    expect(match.removed.map((s) => s.id)).toEqual(['old']);
    expect(match.added.map((s) => s.id)).toEqual(['new']);
  });

  it('should trust anchor-aliases over wording, and pair empty sections only by alias', () => {
    const before = [section('setup', 'completely old words here'), section('empty-a', ''), section('empty-b', '')];
    const after = [section('install', 'nothing alike at all now'), section('empty-c', ''), section('empty-d', '')];
    const match = matchSections(before, after, new Map([['setup', 'install'], ['empty-a', 'empty-c']]));
    expect(match.renamed.map((r) => [r.before.id, r.after.id, r.by])).toEqual([
      ['setup', 'install', 'anchor-alias'],
      ['empty-a', 'empty-c', 'anchor-alias'],
    ]);
    expect(match.removed.map((s) => s.id)).toEqual(['empty-b']);
    expect(match.added.map((s) => s.id)).toEqual(['empty-d']);
  });

  it('should pair one to one, the closest pair first, when one section was split in two', () => {
    const whole = prose(30);
    const match = matchSections([section('whole', whole)], [section('half', prose(15)), section('most', prose(27))]);
    expect(match.renamed.map((r) => [r.before.id, r.after.id])).toEqual([['whole', 'most']]);
    expect(match.added.map((s) => s.id)).toEqual(['half']);
  });
});
