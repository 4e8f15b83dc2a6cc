/**
 * The markup of an entry page's navigation along its path: the sidebar, the breadcrumb and the
 * previous/next links. Entry pages render it when they are built; in the browser the same
 * functions render a reading path the reader arrived on (src/browser/readerPath.ts), so both
 * ways give one markup. Pure: strings in, strings out.
 */
import { escapeHtml as esc } from '../html';
import type { EntryPlace } from './entryPath';

export interface Crumb {
  label: string;
  href: string;
}

export interface PathNavView {
  place: EntryPlace;
  /** The type's human title, or the domain as the tree names it. */
  title: string;
  /** The type's landing (its reading path) or the domain's page. */
  homeHref: string;
  /** Ancestors for the breadcrumb, outermost first. */
  trail: Crumb[];
  entryTitle: (name: string) => string;
  /** An entry's URL on this path (with the reader's `?path=` on a type's path). */
  entryHref: (name: string) => string;
}

/** The sidebar's name: what a screen reader announces for the navigation landmark. */
export function pathLabel(v: Pick<PathNavView, 'place' | 'title'>): string {
  return v.place.kind === 'type' ? `${v.title} reading path` : `${v.title} domain`;
}

/** "7 of 74", or "3 of 12 ML entries" on the type's own entries: the landing's numbers. */
export function positionText(v: Pick<PathNavView, 'place' | 'title'>): string {
  const { index, items, ownOnly } = v.place;
  return `${index + 1} of ${items.length}${ownOnly ? ` ${v.title} entries` : ''}`;
}

/** Heading, position and the list, current entry marked; the type's own entries are told from shared ones. */
export function pathNavHtml(v: PathNavView): string {
  const { place } = v;
  const markOwn = place.kind === 'type' && !place.ownOnly && place.items.some((i) => !i.own);
  const home = place.kind === 'type' ? `The ${v.title} page` : `Domain: ${v.title}`;
  const items = place.items
    .map((item, i) => {
      const current = i === place.index ? ' aria-current="page"' : '';
      const own = markOwn && item.own ? `<span class="sr-only"> (${esc(v.title)} only)</span>` : '';
      return `<li${markOwn && item.own ? ' class="path-own"' : ''}><a href="${esc(v.entryHref(item.name))}"${current}>${esc(v.entryTitle(item.name))}${own}</a></li>`;
    })
    .join('');
  return (
    `<h2 id="kb-path">${esc(pathLabel(v))}</h2>` +
    `<p class="path-pos"><span data-path-pos>${esc(positionText(v))}</span> · <a href="${esc(v.homeHref)}">${esc(home)}</a></p>` +
    (markOwn ? `<p class="path-key"><span class="path-key-own">${esc(v.title)} only</span> <span class="path-key-base">every project type</span></p>` : '') +
    `<ol class="path-steps">${items}</ol>`
  );
}

/** Previous and next along the path: real links, so they work without script; empty at a one-entry path. */
export function pagerHtml(v: PathNavView): string {
  const { place } = v;
  if (!place.prev && !place.next) return '';
  const link = (dir: 'prev' | 'next', name: string, n: number) =>
    `<a class="pager-${dir}" rel="${dir}" href="${esc(v.entryHref(name))}"><span class="pager-dir">${dir === 'prev' ? 'Previous' : 'Next'} · ${n} of ${place.items.length}</span><span class="pager-title">${esc(v.entryTitle(name))}</span></a>`;
  return (
    `<nav class="pager" aria-label="Previous and next entry">` +
    (place.prev ? link('prev', place.prev, place.index) : '<span></span>') +
    (place.next ? link('next', place.next, place.index + 2) : '') +
    `</nav>`
  );
}

/** The breadcrumb's list: ancestors as links, the current page last without one. */
export function breadcrumbHtml(trail: readonly Crumb[], current: string): string {
  return `<ol>${trail.map((t) => `<li><a href="${esc(t.href)}">${esc(t.label)}</a></li>`).join('')}<li><span aria-current="page">${esc(current)}</span></li></ol>`;
}

/**
 * The header's path button on narrow screens: "ML · 7 of 74" on screen (the position alone on the
 * narrowest), the sidebar's name and the position for screen readers.
 */
export function pathButtonHtml(v: Pick<PathNavView, 'place' | 'title'>): string {
  const kind = v.place.kind === 'type' ? 'reading path' : 'domain';
  return `<span class="bar-title">${esc(v.title)}<span class="sr-only"> ${kind},</span><span aria-hidden="true"> · </span></span><span class="bar-pos">${esc(positionText(v))}</span>`;
}
