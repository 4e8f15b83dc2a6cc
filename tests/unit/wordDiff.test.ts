import { describe, expect, it } from 'vitest';
import { wordDiff, wordSimilarity, type DiffOp } from '../../src/lib/versions/wordDiff';

/** The text on one side of a diff: `before` from same + removed, `after` from same + added. */
function diffSide(ops: readonly DiffOp[], side: 'before' | 'after'): string {
  const skip = side === 'before' ? 'added' : 'removed';
  return ops.filter((op) => op.kind !== skip).map((op) => op.text).join('');
}

/** Both sides come back exactly, and runs are merged: no empty op, no two neighbours of one kind. */
function expectExact(before: string, after: string, ops: DiffOp[]): void {
  expect(diffSide(ops, 'before')).toBe(before);
  expect(diffSide(ops, 'after')).toBe(after);
  for (const [i, op] of ops.entries()) {
    expect(op.text).not.toBe('');
    if (i > 0) expect(op.kind).not.toBe(ops[i - 1].kind);
  }
}

/** A small deterministic generator (LCG), so a failing pair can be reproduced from its seed. */
function texts(seed: number, count: number): [string, string][] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pieces = ['a', 'b', 'c', 'word', '`code`', ' ', '  ', '\n', '\n\n', '\t', '-'];
  const text = () => Array.from({ length: Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join(next() < 0.5 ? ' ' : '');
  return Array.from({ length: count }, () => [text(), text()]);
}

describe('word diff', () => {
  it('should mark the words removed and added and keep the rest as it was', () => {
    const ops = wordDiff('the quick brown fox jumps', 'the slow brown fox jumps high');
    expect(ops).toEqual([
      { kind: 'same', text: 'the' },
      { kind: 'removed', text: ' quick' },
      { kind: 'added', text: ' slow' },
      { kind: 'same', text: ' brown fox jumps' },
      { kind: 'added', text: ' high' },
    ]);
  });

  it('should keep words of a rewrapped line as the same words, with only the spacing changed', () => {
    const ops = wordDiff('one two\nthree', 'one two three');
    expect(ops).toEqual([
      { kind: 'same', text: 'one two' },
      { kind: 'removed', text: '\n' },
      { kind: 'added', text: ' ' },
      { kind: 'same', text: 'three' },
    ]);
  });

  it('should reproduce both sides exactly, whitespace included, for any pair of texts', () => {
    for (const [before, after] of [['', ''], ['', 'new text '], [' old text', ''], ['  lead and tail  ', '\tlead and tail\n'], ...texts(7, 400)]) {
      expectExact(before, after, wordDiff(before, after));
    }
  });

  it('should give up on a pair past the edit cap with one removal and one addition, still exact', () => {
    const before = Array.from({ length: 50 }, (_, i) => `old${i}`).join(' ');
    const after = Array.from({ length: 50 }, (_, i) => `new${i}`).join(' ');
    expect(wordDiff(before, after, 10)).toEqual([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]);
    for (const [a, b] of texts(11, 300)) expectExact(a, b, wordDiff(a, b, 3));
  });

  it('should find the shortest edit: one word inserted into a long text is one addition', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i % 7}`);
    const before = words.join(' ');
    const after = [...words.slice(0, 1000), 'inserted', ...words.slice(1000)].join(' ');
    const ops = wordDiff(before, after);
    expect(ops.filter((o) => o.kind !== 'same')).toEqual([{ kind: 'added', text: ' inserted' }]);
  });

  it('should measure shared wording from 0 to 1', () => {
    expect(wordSimilarity('a b c d', 'a b c d')).toBe(1);
    expect(wordSimilarity('a b c d', 'a\nb   c d')).toBe(1);
    expect(wordSimilarity('a b c d', 'a b x y')).toBe(0.5);
    expect(wordSimilarity('a b', 'c d')).toBe(0);
    // A floor turns a lower score into 0 (and lets the diff stop early).
    expect(wordSimilarity('a b c d', 'a b x y', 0.5)).toBe(0.5);
    expect(wordSimilarity('a b c d', 'a b x y', 0.6)).toBe(0);
  });
});
