import { queryTerms, wordMatcher } from '../../lib/search/terms';

/** A word: letters and digits, with inner hyphens, underscores, dots or apostrophes kept. */
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}]|[-_.'’/](?=[\p{L}\p{N}]))*/gu;
const SKIP = new Set(['SCRIPT', 'STYLE', 'MARK', 'TEXTAREA', 'INPUT', 'SELECT', 'BUTTON']);

/** Wraps every word of `root` that matches a query term in `<mark class="pagefind-highlight">`. */
export function markTerms(root: Element, q: string): HTMLElement[] {
  const matches = wordMatcher(queryTerms(q));
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement && !SKIP.has(n.parentElement.tagName) && n.nodeValue?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const marks: HTMLElement[] = [];
  for (const node of nodes) {
    const text = node.nodeValue!;
    const hits = [...text.matchAll(WORD)].filter((m) => matches(m[0]));
    if (!hits.length) continue;
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const m of hits) {
      frag.append(text.slice(at, m.index));
      const mark = document.createElement('mark');
      mark.className = 'pagefind-highlight';
      mark.textContent = m[0];
      frag.append(mark);
      marks.push(mark);
      at = m.index! + m[0].length;
    }
    frag.append(text.slice(at));
    node.replaceWith(frag);
  }
  return marks;
}

/** The heading after `heading` that ends its section: the next one of the same or a higher level. */
function sectionEnd(heading: Element): Element | null {
  const level = /^H([1-6])$/.exec(heading.tagName)?.[1];
  if (!level) return null;
  const all = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  return all.slice(all.indexOf(heading) + 1).find((h) => Number(h.tagName[1]) <= Number(level)) ?? null;
}

const follows = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

/**
 * Marks the query's terms in the entry (as typed, with or without hyphens, and other forms of
 * the same word), then brings the first mark of the section the result pointed at into view.
 */
export function highlightTerms(q: string): void {
  const root = document.querySelector('[data-pagefind-body]') ?? document.querySelector('main');
  if (!root) return;
  const marks = markTerms(root, q);
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (!target) {
    marks[0]?.scrollIntoView({ block: 'center' });
    return;
  }
  const end = sectionEnd(target);
  const first = marks.find((m) => follows(target, m) && (!end || follows(m, end)));
  // The heading stays the anchor the reader landed on; the mark is brought into view below it.
  target.scrollIntoView({ block: 'start' });
  first?.scrollIntoView({ block: 'nearest' });
}
