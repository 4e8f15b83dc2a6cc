import type { IndexedPage } from './searchPage';

/** A word worth suggesting: letters (digits and inner hyphens allowed), 3 to 30 long. */
const WORD = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter((w) => w.length >= 3 && w.length <= 30 && WORD.test(w));

export interface VocabularyOptions {
  /** Body words must occur this many times across the tree to be kept. */
  minBodyCount?: number;
  /** Upper bound on the number of words, to keep the file small on large trees. */
  maxWords?: number;
}

/**
 * The words "did you mean" may offer, most important first: every word of a title, heading or
 * topic, then body words frequent enough to be real vocabulary rather than one-off identifiers.
 * A word's weight is its body count plus a bonus per title (10), heading (5) and topic (5) use.
 * Pages are counted one at a time, in any order, so a build can count each slice of its index
 * as Pagefind writes it and keep no page's text.
 */
export class VocabularyCounter {
  private readonly weight = new Map<string, number>();
  private readonly named = new Set<string>();

  add(p: IndexedPage): void {
    const add = (w: string, n: number) => this.weight.set(w, (this.weight.get(w) ?? 0) + n);
    for (const w of words(p.title)) (add(w, 10), this.named.add(w));
    for (const h of p.headings) for (const w of words(h.text)) (add(w, 5), this.named.add(w));
    for (const t of p.topics) for (const w of [t, ...t.split('-')]) if (WORD.test(w) && w.length >= 3) (add(w, 5), this.named.add(w));
    for (const w of words(p.content)) add(w, 1);
  }

  /** Counts what `other` counted, as if its pages were added here. */
  addCounted(other: VocabularyCounter): void {
    for (const [w, n] of other.weight) this.weight.set(w, (this.weight.get(w) ?? 0) + n);
    for (const w of other.named) this.named.add(w);
  }

  words(opts: VocabularyOptions = {}): string[] {
    const { minBodyCount = 3, maxWords = 6000 } = opts;
    return [...this.weight]
      .filter(([w, n]) => this.named.has(w) || n >= minBodyCount)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, maxWords)
      .map(([w]) => w);
  }
}
