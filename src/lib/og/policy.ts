/**
 * Which link-preview images a build draws. A card costs ~21 ms of CPU (layout, raster, PNG),
 * so one per entry is 3.5 minutes at 10,000 entries: past ENTRY_CARDS_UP_TO entries each
 * domain gets one card that its entries share, unless KB_OG_IMAGES says otherwise. Pages and
 * the drawing both ask here, so a page never names an image that was not drawn.
 */
export type OgImageMode = 'entries' | 'domains' | 'off';

export const OG_IMAGE_MODES: readonly OgImageMode[] = ['entries', 'domains', 'off'];

export const ENTRY_CARDS_UP_TO = 2000;

export interface OgImagePolicy {
  mode: OgImageMode;
  /** Why this mode, for the build log. */
  reason: string;
}

/** @param setting KB_OG_IMAGES, already checked by src/lib/settings.ts; unset lets the tree's size decide. */
export function ogImagePolicy(setting: OgImageMode | undefined, entryCount: number): OgImagePolicy {
  if (setting) return { mode: setting, reason: `KB_OG_IMAGES=${setting}` };
  if (entryCount > ENTRY_CARDS_UP_TO) {
    return {
      mode: 'domains',
      reason: `${entryCount} entries is more than ${ENTRY_CARDS_UP_TO}: one card per domain, shared by its entries (KB_OG_IMAGES=entries draws one per entry)`,
    };
  }
  return { mode: 'entries', reason: `one card per entry (${entryCount} entries)` };
}

export type CardRef = { kind: 'kb' | 'types' | 'domains'; id: string };

/** The card an entry page shows, if any. */
export function entryCard(mode: OgImageMode, entry: { name: string; domain: string }): CardRef | undefined {
  if (mode === 'entries') return { kind: 'kb', id: entry.name };
  if (mode === 'domains') return { kind: 'domains', id: entry.domain };
  return undefined;
}

/** The card a project type's landing shows, if any. */
export function typeCard(mode: OgImageMode, id: string): CardRef | undefined {
  return mode === 'off' ? undefined : { kind: 'types', id };
}
