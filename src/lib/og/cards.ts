import { createHash } from 'node:crypto';

/** One link-preview image: what it says, and where the site publishes it. */
export interface OgCard {
  kind: 'kb' | 'types';
  id: string;
  title: string;
  description: string;
  /** The small line above the title: what kind of page this is and where it belongs. */
  eyebrow: string;
}

/**
 * Bump when the card's look changes, so cached images made with the old look are not reused.
 * The key covers everything drawn, so an unchanged page costs nothing on the next build.
 */
export const CARD_DESIGN_VERSION = 3;

export function cardKey(card: OgCard): string {
  const drawn = [CARD_DESIGN_VERSION, card.title, card.description, card.eyebrow];
  return createHash('sha256').update(JSON.stringify(drawn)).digest('hex').slice(0, 32);
}

/** Long descriptions are cut at a word so the card never overflows. */
export function clampText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

export interface CardSources {
  entries: { name: string; title: string; description: string; domain: string }[];
  projectTypes: { id: string; title: string; description: string; entryCount: number }[];
}

export function buildCards(src: CardSources): OgCard[] {
  const cards: OgCard[] = [];
  for (const e of src.entries) {
    cards.push({ kind: 'kb', id: e.name, title: clampText(e.title, 90), description: clampText(e.description, 180), eyebrow: `Knowledge entry · ${e.domain}` });
  }
  for (const t of src.projectTypes) {
    const count = `${t.entryCount} ${t.entryCount === 1 ? 'entry' : 'entries'}`;
    cards.push({ kind: 'types', id: t.id, title: clampText(t.title, 90), description: clampText(t.description, 180), eyebrow: `Project type · ${count}` });
  }
  return cards;
}
