// On every entry page: the sidebar scrolls its own list to the entry being read (a path can
// list 70 entries), and a reader who arrived on a type's reading path gets it (readerPath.ts).
import { parseReaderPath } from '../lib/links';

/** Brings the current entry into the middle of the list's own scroll box, without moving the page. */
export function revealCurrent(nav: HTMLElement): void {
  const current = nav.querySelector<HTMLElement>('[aria-current="page"]');
  if (current && nav.scrollHeight > nav.clientHeight) nav.scrollTop = current.offsetTop - nav.clientHeight / 2;
}

export function bootPathNav(): void {
  const nav = document.querySelector<HTMLElement>('[data-path-nav]');
  if (!nav) return;
  revealCurrent(nav);
  // On narrow screens the list is a panel: scrolled when it opens, since it has no size before.
  nav.addEventListener('toggle', () => revealCurrent(nav));
  const path = parseReaderPath(location.search);
  if (path) void import('./readerPath').then((m) => m.showReaderPath(path));
}
