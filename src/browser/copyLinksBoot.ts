// On every page, so it stays tiny: one listener; the copying code loads on the first click.
type CopyLinks = typeof import('./copyLinks');
let mod: Promise<CopyLinks> | undefined;

export function bootCopyLinks(): void {
  // The Markdown-link buttons do nothing without script, so they are shown only now.
  for (const b of document.querySelectorAll<HTMLElement>('[data-copy-md][hidden], [data-copy][hidden]')) b.hidden = false;
  document.addEventListener('click', (e) => {
    const el = (e.target as Element | null)?.closest?.('a.anchor, [data-copy], [data-copy-md]');
    // A modified click means "open elsewhere": leave it to the browser.
    if (!el || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    // The `#` link still navigates to its section; everything else only copies.
    if (!el.matches('a.anchor')) e.preventDefault();
    mod ??= import('./copyLinks');
    void mod.then((m) => m.copyFor(el));
  });
}
