// Entry pages opened from a search result carry `?highlight=term`; only then is the
// highlighter fetched, so a plain visit loads nothing.
export function highlightFromUrl(): void {
  if (!new URLSearchParams(location.search).has('highlight')) return;
  const src = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}pagefind/pagefind-highlight.js`;
  import(/* @vite-ignore */ src)
    .then((mod: { default?: new (o: object) => unknown }) => {
      const Highlight = mod.default ?? (window as unknown as { PagefindHighlight: new (o: object) => unknown }).PagefindHighlight;
      // addStyles: false — Pagefind would inject a <style> element, which the CSP (style-src
      // 'self') blocks; site.css styles every <mark>.
      new Highlight({ highlightParam: 'highlight', markContext: '[data-pagefind-body]', addStyles: false });
      // Marks shift the layout; land on the section the result pointed at.
      if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
    })
    .catch(() => undefined);
}
