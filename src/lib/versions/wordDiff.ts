export interface DiffOp {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * Past this many words inserted plus deleted the texts are shown as one removal and one
 * addition: Myers' memory grows with the square of the edits, and a diff that rewrites more
 * than this is read as a rewrite anyway.
 */
export const MAX_EDITS = 1000;

/** A word and the whitespace before it; words are compared, whitespace only travels with them. */
interface Token {
  space: string;
  word: string;
}

function tokenize(text: string): { tokens: Token[]; tail: string } {
  const tokens: Token[] = [];
  const re = /(\s*)(\S+)/g;
  let end = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    tokens.push({ space: m[1], word: m[2] });
    end = re.lastIndex;
  }
  return { tokens, tail: text.slice(end) };
}

/**
 * Myers' O(ND) shortest edit script over two word lists: the pairs (i, j) of words kept, in
 * order, or undefined when more than `maxEdits` edits are needed.
 */
function commonWords(a: readonly string[], b: readonly string[], maxEdits: number): [number, number][] | undefined {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  // v after each round d, for diagonals -d..d: enough to walk the path back.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(n + m, maxEdits); d++) {
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
      let x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return backtrack(trace, n, m);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return undefined;
}

/** Walks the rounds back from the end; `trace[d]` holds diagonals -d..d at indices 0..2d. */
function backtrack(trace: Int32Array[], n: number, m: number): [number, number][] {
  const kept: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = (k: number) => trace[d - 1][k + d - 1];
    const k = x - y;
    const down = k === -d || (k !== d && prev(k - 1) < prev(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev(prevK);
    // After the one insertion or deletion of round d, a run of equal words led to (x, y).
    const snakeX = down ? prevX : prevX + 1;
    while (x > snakeX) kept.push([--x, --y]);
    x = prevX;
    y = prevX - prevK;
  }
  while (x > 0) kept.push([--x, --y]);
  return kept.reverse();
}

/**
 * The edits that turn `before` into `after`, word by word, as runs: the `same` and `removed`
 * texts in order spell `before` exactly, the `same` and `added` texts spell `after`. A word
 * kept whose spacing changed (a line rewrapped) keeps its word as `same` and shows the old and
 * new spacing as a removal and an addition, so a page can tell rewording from rewrapping.
 */
export function wordDiff(before: string, after: string, maxEdits = MAX_EDITS): DiffOp[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  const a = tokenize(before);
  const b = tokenize(after);
  const kept = commonWords(
    a.tokens.map((t) => t.word),
    b.tokens.map((t) => t.word),
    maxEdits,
  );
  if (!kept) return runs([{ kind: 'removed', text: before }, { kind: 'added', text: after }]);
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  const take = (tokens: Token[], from: number, to: number) => tokens.slice(from, to).map((t) => t.space + t.word).join('');
  // Each gap between kept words is shown as all of its removals, then all of its additions.
  for (const [ki, kj] of kept) {
    const { space: oldSpace, word } = a.tokens[ki];
    const newSpace = b.tokens[kj].space;
    const respaced = oldSpace !== newSpace;
    ops.push(
      { kind: 'removed', text: take(a.tokens, i, ki) + (respaced ? oldSpace : '') },
      { kind: 'added', text: take(b.tokens, j, kj) + (respaced ? newSpace : '') },
      { kind: 'same', text: (respaced ? '' : oldSpace) + word },
    );
    i = ki + 1;
    j = kj + 1;
  }
  const retailed = a.tail !== b.tail;
  ops.push(
    { kind: 'removed', text: take(a.tokens, i, a.tokens.length) + (retailed ? a.tail : '') },
    { kind: 'added', text: take(b.tokens, j, b.tokens.length) + (retailed ? b.tail : '') },
    { kind: 'same', text: retailed ? '' : a.tail },
  );
  return runs(ops);
}

/** Drops empty ops and joins neighbours of one kind. */
function runs(ops: readonly DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  for (const op of ops) {
    if (!op.text) continue;
    const last = out[out.length - 1];
    if (last?.kind === op.kind) last.text += op.text;
    else out.push({ ...op });
  }
  return out;
}

/**
 * How much of two texts' wording is shared: twice the words kept over the words of both (1 for
 * the same words, 0 for none in common). Scores under `atLeast` come back as 0, found cheaply:
 * the diff stops once it has made more edits than such a score allows.
 */
export function wordSimilarity(before: string, after: string, atLeast = 0): number {
  const a = before.split(/\s+/).filter(Boolean);
  const b = after.split(/\s+/).filter(Boolean);
  const total = a.length + b.length;
  if (total === 0) return 1;
  // Each edit is one word not kept: a score s leaves room for total * (1 - s) edits.
  const kept = commonWords(a, b, Math.min(MAX_EDITS, Math.floor(total * (1 - atLeast))));
  return kept ? (2 * kept.length) / total : 0;
}
