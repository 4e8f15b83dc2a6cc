// The reading-path sidebar and the table of contents are <details> so that narrow screens can
// fold them; wide screens show them open through CSS. Opening them there too keeps what
// assistive technology announces ("expanded") in line with what is on screen.
export function openWideDisclosures(): void {
  for (const [selector, width] of [['.path-nav', 900], ['.toc', 1200]] as const) {
    if (matchMedia(`(min-width:${width}px)`).matches) (document.querySelector(selector) as HTMLDetailsElement | null)?.setAttribute('open', '');
  }
}
