import { createHash } from 'node:crypto';
import type { ProjectType } from '../kb/projectTypes';
import { ownItems, type ReadingPath } from '../kb/readingPath';
import { typeSummary } from '../kb/typeSummary';
import type { CardRef, OgImageMode } from './policy';

/** One link-preview image: what it says, and where the site publishes it. */
export interface OgCard {
  kind: CardRef['kind'];
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
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.·–—-]+$/, '')}…`;
}

export interface CardSources {
  entries: { name: string; title: string; description: string; domain: string }[];
  domains: { id: string; title: string }[];
  projectTypes: { id: string; title: string; description: string; entryCount: number }[];
}

/** A project type's card says what its landing says: its title, its summary, the length of its reading path. */
export function typeCardSource(type: ProjectType, path: ReadingPath, titleOf: (name: string) => string): CardSources['projectTypes'][number] {
  return { id: type.id, title: type.title, description: typeSummary(type, ownItems(path).map((i) => titleOf(i.name))), entryCount: path.items.length };
}

const count = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

/** The cards a build draws in `mode`: the ones `entryCard` and `typeCard` name for pages. */
export function buildCards(src: CardSources, mode: OgImageMode): OgCard[] {
  if (mode === 'off') return [];
  const cards: OgCard[] = [];
  if (mode === 'entries') {
    for (const e of src.entries) {
      cards.push({ kind: 'kb', id: e.name, title: clampText(e.title, 90), description: clampText(e.description, 180), eyebrow: `Knowledge entry · ${e.domain}` });
    }
  } else {
    const byDomain = new Map<string, string[]>();
    for (const e of src.entries) byDomain.set(e.domain, [...(byDomain.get(e.domain) ?? []), e.title]);
    for (const d of src.domains) {
      const titles = (byDomain.get(d.id) ?? []).sort((a, b) => a.localeCompare(b));
      cards.push({ kind: 'domains', id: d.id, title: clampText(d.title, 90), description: clampText(titles.join(' · '), 180), eyebrow: `Knowledge domain · ${count(titles.length)}` });
    }
  }
  for (const t of src.projectTypes) {
    cards.push({ kind: 'types', id: t.id, title: clampText(t.title, 90), description: clampText(t.description, 180), eyebrow: `Project type · ${count(t.entryCount)}` });
  }
  return cards;
}
