// On every entry page, so it stays small: the section marking (tocSpy.ts) loads when the page
// first scrolls, since above the first heading there is nothing to mark; a jump to a #section
// on arrival scrolls too. A link chosen in the narrow-screen panel closes it.
export function bootTocSpy(): void {
  const panel = document.getElementById('kb-toc-panel');
  panel?.addEventListener('click', (e) => {
    if ((e.target as Element).closest('a') && panel.matches(':popover-open')) panel.hidePopover();
  });
  if (!document.querySelector('[data-toc] a')) return;
  const load = () => void import('./tocSpy').then((m) => m.spyToc());
  if (scrollY > 0) load();
  // Scroll events cannot be cancelled, so the listener needs no `passive`.
  else addEventListener('scroll', load, { once: true });
}
