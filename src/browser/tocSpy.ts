// Marks the table-of-contents link of the section being read (aria-current) by scroll position
// (src/lib/currentSection.ts), and names it on the "On this page" button that narrow screens
// show in the header. Loaded by tocSpyBoot.ts; without script the contents work the same, unmarked.
import { currentSection } from '../lib/currentSection';

export function spyToc(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-toc] a')];
  const headings = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
  const label = document.querySelector('[data-toc-current]');
  let marked = -2;
  let queued = false;
  const update = () => {
    queued = false;
    const root = document.documentElement;
    // Where a jump to a heading puts it: the scroll padding that clears the sticky header.
    const line = (parseFloat(getComputedStyle(root).scrollPaddingTop) || 0) + 8;
    const atBottom = root.scrollHeight > innerHeight + 1 && scrollY + innerHeight >= root.scrollHeight - 2;
    const i = currentSection(headings.map((h) => h?.getBoundingClientRect().top ?? Infinity), line, atBottom);
    if (i === marked) return;
    marked = i;
    links.forEach((a, j) => (a.ariaCurrent = j === i ? 'true' : null));
    if (label) label.textContent = i < 0 ? '' : links[i].textContent;
  };
  const queue = () => {
    if (!queued) requestAnimationFrame(update);
    queued = true;
  };
  addEventListener('scroll', queue);
  addEventListener('resize', queue);
  update();
}
