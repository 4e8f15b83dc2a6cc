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
}

/**
 * Picks what a result shows: the sections with the most matches (at most `maxSubs`, kept in
 * reading order) rather than the first sections of the page, so "watermarks" links to the
 * watermark section, not the introduction.
 */
export function toResultView(data: PagefindResultData, maxSubs = 3): ResultView {
  const sections = (data.sub_results ?? [])
    .map((s, i) => ({ ...s, i, hits: s.locations?.length ?? 0 }))
    .filter((s) => s.url.includes('#') && s.url !== data.url);
  const best = [...sections]
    .sort((a, b) => b.hits - a.hits || a.i - b.i)
    .slice(0, maxSubs)
    .sort((a, b) => a.i - b.i);
  return {
    url: data.url,
    title: data.meta.title ?? data.url,
    excerpt: data.excerpt,
    domain: data.meta.domain,
    types: data.filters?.type ?? [],
    subs: best.map((s) => ({ url: s.url, title: s.title, excerpt: s.excerpt })),
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Pagefind's excerpts are escaped text with `<mark>`; anything else is escaped again. */
export function safeExcerpt(excerpt: string): string {
  return excerpt
    .split(/(<mark>|<\/mark>)/)
    .map((part) => (part === '<mark>' || part === '</mark>' ? part : escapeHtml(part.replace(/&(lt|gt|amp|quot|#39);/g, (m) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" })[m]!))))
    .join('');
}
