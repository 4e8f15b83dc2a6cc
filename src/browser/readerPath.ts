// Loaded on an entry page opened with `?path=<type>`: swaps the sidebar, breadcrumb, header
// button and previous/next for that type's reading path, so the reader walks the order the
// landing promised. The entry's address stays its own; only the navigation changes.
import { breadcrumbHtml, pagerHtml, pathButtonHtml, pathNavHtml } from '../lib/kb/pathNavView';
import { viewFromNav, type ReadingPathNav } from '../lib/kb/readingPathNav';
import { createLinks, parseReaderPath } from '../lib/links';

// A versioned site's pages say which release's folder they are in (BaseLayout's data-kb-base).
const links = createLinks(document.documentElement.dataset.kbBase ?? import.meta.env.BASE_URL);

/**
 * Brings the current entry into the middle of the list's own scroll box, without moving the
 * page: a list drawn when the page was built does this through CSS (`scroll-initial-target`),
 * which a list replaced later does not get. Hidden (a closed panel), it waits until it opens.
 */
function revealCurrent(nav: HTMLElement): void {
  const reveal = () => {
    const current = nav.querySelector<HTMLElement>('[aria-current="page"]');
    if (current && nav.scrollHeight > nav.clientHeight) nav.scrollTop = current.offsetTop - nav.clientHeight / 2;
  };
  if (nav.checkVisibility()) reveal();
  else nav.addEventListener('toggle', reveal, { once: true });
}

/** The address without `path`/`view`: the page stays on the path it was built with. */
function dropReaderPath(): void {
  const url = new URL(location.href);
  url.searchParams.delete('path');
  url.searchParams.delete('view');
  history.replaceState(history.state, '', url);
}

export async function showReaderPath(): Promise<void> {
  const nav = document.querySelector<HTMLElement>('[data-path-nav]');
  const path = parseReaderPath(location.search);
  try {
    if (!nav || !path) return;
    const res = await fetch(links.readingPathNav(path.type));
    // A type that does not exist, or a path that does not hold this entry: today's navigation stays.
    const view = res.ok ? viewFromNav((await res.json()) as ReadingPathNav, nav.dataset.pathNav!, path.own) : undefined;
    if (!view) return dropReaderPath();
    const set = (selector: string, html: string) => {
      const el = document.querySelector(selector);
      if (el) el.innerHTML = html;
    };
    set('[data-path-body]', pathNavHtml(view));
    set('[data-pager]', pagerHtml(view));
    set('[data-path-button] .bar-text', pathButtonHtml(view));
    const crumb = document.querySelector('[data-breadcrumb] [aria-current]');
    if (crumb) set('[data-breadcrumb]', breadcrumbHtml(view.trail, crumb.textContent ?? ''));
    revealCurrent(nav);
  } catch {
    // Offline or a broken file: the navigation the page was built with is still right, just not this path's.
  } finally {
    document.documentElement.removeAttribute('data-reader-path');
  }
}
