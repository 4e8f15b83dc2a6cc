// Shipped on every page, so it stays tiny: the search UI and Pagefind load only when the
// reader reaches for search (focus, `/`, Ctrl/⌘+K).
import { PREFIX_INDEX_FILE } from '../../lib/search/assets';
import { indexUrl } from './indexPath';

type SearchUi = typeof import('./searchUi');
let ui: Promise<SearchUi> | undefined;
/**
 * Asks the browser for Pagefind's script and WASM straight away, in parallel with our own
 * chunks, instead of only after the client chunk has arrived and asked for them.
 */
function preloadIndex(): void {
  const link = (rel: string, href: string, as?: string) => {
    const el = document.createElement('link');
    el.rel = rel;
    el.href = href;
    if (as) {
      el.as = as;
      el.crossOrigin = 'anonymous';
    }
    document.head.append(el);
  };
  // The small title/topic index first: it answers the first keystrokes while Pagefind loads.
  link('preload', indexUrl(PREFIX_INDEX_FILE), 'fetch');
  link('modulepreload', indexUrl('pagefind.js'));
  link('preload', indexUrl(`wasm.${document.documentElement.lang || 'unknown'}.pagefind`), 'fetch');
}

function loadUi(): Promise<SearchUi> {
  if (!ui) {
    preloadIndex();
    // The index and the UI load side by side: neither waits for the other to arrive first.
    void import('./pagefindClient').then((c) => c.getPagefind().catch(() => undefined));
    ui = import('./searchUi');
  }
  return ui;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

export function bootSearch(): void {
  const input = document.getElementById('kb-search-input') as HTMLInputElement | null;
  if (!input) return;
  // Below 900 px the box lives in a full-screen panel behind the header's Search button.
  const panel = input.closest<HTMLElement>('[data-search-panel]');
  panel?.addEventListener('toggle', (e) => {
    if ((e as ToggleEvent).newState === 'open') input.focus();
  });
  document.addEventListener('keydown', (e) => {
    const slash = e.key === '/' && !isTyping(e.target);
    const ctrlK = e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey);
    if (!slash && !ctrlK) return;
    e.preventDefault();
    if (panel && !input.checkVisibility()) panel.showPopover();
    input.focus();
    input.select();
  });
  const start = () => void loadUi().then((m) => m.attachHeaderSearch(input));
  input.addEventListener('focus', start, { once: true });
  // A pointer on its way to the box is intent enough; loading then saves the reader a wait.
  input.addEventListener('pointerenter', () => void loadUi(), { once: true });
  if (document.activeElement === input) start();
}

export function bootSearchPage(): void {
  void loadUi().then((m) => m.attachSearchPage());
}
