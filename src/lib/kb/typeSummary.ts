/**
 * What a reader choosing a project type reads about it on cards, its landing and its preview
 * image. Upstream overlays describe themselves to scaffold's maintainers ("Machine learning
 * overlay — injects ML domain knowledge into existing pipeline steps for model training, …
 * patterns."); such a description is turned into the reader's terms ("Machine learning: model
 * training, … patterns."). A description that does not start "<name> overlay —" is kept as its
 * author wrote it.
 */
import type { ProjectType } from './projectTypes';

/** "Machine learning overlay — …", "Fintech domain sub-overlay — …": the subject, then what the overlay does. */
const OVERLAY_SAYS = /^(.+?)\s+(?:domain\s+)?(?:sub-)?overlay\s*[—–]\s*(.+)$/is;
/** "injects ML domain knowledge into existing pipeline steps for <topics>." */
const INJECTS_FOR = /^injects\s.*?knowledge\b.*?\binto\s+(?:the\s+)?(?:existing|relevant)\s+(?:pipeline\s+)?steps\s+for\s+(.+?)\.?$/is;
/** "adds compliance, ledger design, … knowledge to backend projects." (a list of topics, not "adds game-specific steps, injects game knowledge") */
const ADDS_KNOWLEDGE = /^adds\s+((?:(?!\bsteps?\b|\binjects?\b)[^;])+?)\s+knowledge(?:\s+(?:to|for)\b|\.?$)/is;

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * @param ownTitles titles of the type's own entries in reading order: what is said about a type
 *   whose overlay describes only its mechanics ("adds game-specific steps, remaps artifact references").
 */
export function typeSummary(type: Pick<ProjectType, 'description'>, ownTitles: readonly string[]): string {
  const description = flat(type.description);
  const said = OVERLAY_SAYS.exec(description);
  if (!said) return description;
  const [, subject, rest] = said;
  const topics = INJECTS_FOR.exec(rest)?.[1] ?? ADDS_KNOWLEDGE.exec(rest)?.[1];
  if (topics) return `${subject}: ${topics}.`;
  if (!ownTitles.length) return `${subject}.`;
  const written = `${ownTitles.length} ${ownTitles.length === 1 ? 'entry' : 'entries'} written for it`;
  return ownTitles.length > 3 ? `${subject}: ${written}, among them ${listed(ownTitles.slice(0, 3))}.` : `${subject}: ${written}: ${listed(ownTitles)}.`;
}
