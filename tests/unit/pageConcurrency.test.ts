import { describe, expect, it } from 'vitest';
import { ENTRY_CARDS_UP_TO } from '../../src/lib/og/policy';
import { pageConcurrency } from '../../src/lib/og/pageConcurrency';

describe('pages generated at once', () => {
  it('should generate one page at a time while a card is drawn per entry, four otherwise', () => {
    expect(pageConcurrency(undefined, ENTRY_CARDS_UP_TO)).toBe(1);
    expect(pageConcurrency(undefined, ENTRY_CARDS_UP_TO + 1)).toBe(4);
    expect(pageConcurrency('entries', 10_000)).toBe(1);
    expect(pageConcurrency('off', 300)).toBe(4);
    expect(pageConcurrency('domains', 300)).toBe(4);
  });
});
