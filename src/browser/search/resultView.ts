import { escapeHtml } from '../../lib/html';
import { wordMatcher, type QueryTerm } from '../../lib/search/terms';

/** The slice of Pagefind's result data the UI uses. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[] | undefined>;
  sub_results?: { url: string; title: string; excerpt: string; locations?: number[] }[];
}

export interface ResultView {
  url: string;
  title: string;
  excerpt: string;
  domain?: string;
  types: string[];
  subs: { url: string; title: string; excerpt: string }[];
  /** Set when results of several versions are shown together: the one this result belongs to. */
  version?: string;
}

/**
 * Picks what a result shows: the sections that are about the query rather than the first
 * sections of the page. A section whose heading names every term comes first ("dead letter
 * queue" → "Dead Letter Queue Handling"), then headings naming some terms, then the sections
 * with the most matches; at most `maxSubs`, kept in reading order.
 */
export function toResultView(data: PagefindResultData, maxSubs = 3, terms: QueryTerm[] = [], highlight?: string): ResultView {
  const link = (url: string) => (highlight ? withHighlight(url, highlight) : url);
  const perTerm = terms.map((t) => wordMatcher([t]));
  const named = (title: string) => {
    const words = title.split(/\s+/);
    return perTerm.filter((m) => words.some(m)).length;
  };
  const sections = (data.sub_results ?? [])
    .map((s, i) => ({ ...s, i, hits: s.locations?.length ?? 0, named: named(s.title) }))
    .filter((s) => s.url.includes('#') && s.url !== data.url);
  const best = [...sections]
    .sort((a, b) => b.named - a.named || b.hits - a.hits || a.i - b.i)
    .slice(0, maxSubs)
    .sort((a, b) => a.i - b.i);
  return {
    url: link(data.url),
    title: data.meta.title ?? data.url,
    excerpt: data.excerpt,
    domain: data.meta.domain,
    types: data.filters?.type ?? [],
    subs: best.map((s) => ({ url: link(s.url), title: s.title, excerpt: s.excerpt })),
  };
}

export { escapeHtml };

/** Pagefind's excerpts are escaped text with `<mark>`; anything else is escaped again. */
export function safeExcerpt(excerpt: string): string {
  return excerpt
    .split(/(<mark>|<\/mark>)/)
    .map((part) => (part === '<mark>' || part === '</mark>' ? part : escapeHtml(part.replace(/&(lt|gt|amp|quot|#39);/g, (m) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" })[m]!))))
    .join('');
}

/**
 * A result link that carries the query, as typed, to the page it opens (`?highlight=`),
 * ahead of any `#section`; the page highlights the terms on arrival.
 */
export function withHighlight(url: string, q: string): string {
  const hashAt = url.indexOf('#');
  const path = hashAt < 0 ? url : url.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const params = new URLSearchParams(path.includes('?') ? path.slice(path.indexOf('?') + 1) : '');
  params.set('highlight', q);
  return `${path.split('?')[0]}?${params.toString().replace(/\+/g, '%20')}${hash}`;
}
