import { slugFromPath, suggestEntries } from '../lib/search/suggestEntries';

interface Index {
  base: string;
  entries: { name: string; title: string }[];
  aliases: Record<string, string>;
}

export function showSuggestions(): void {
  const section = document.querySelector<HTMLElement>('[data-suggest-index]');
  const list = document.getElementById('kb-suggestions');
  if (!section || !list) return;
  const index = JSON.parse(section.dataset.suggestIndex ?? '{}') as Index;
  const slug = slugFromPath(location.pathname);
  const found = suggestEntries(slug, index.entries, index.aliases);
  const search = section.querySelector<HTMLAnchorElement>('[data-suggest-search]');
  const words = slug.replace(/[-_]+/g, ' ').trim();
  if (search && words) search.href = `${index.base}/search/?q=${encodeURIComponent(words)}`;
  if (!found.length && !words) return;
  for (const s of found) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    // The old address's #section still means something on the page that replaced it.
    a.href = `${index.base}/kb/${encodeURIComponent(s.name)}/${location.hash}`;
    a.textContent = s.title;
    li.append(a);
    if (s.renamed) li.append(' (this page’s new address)');
    list.append(li);
  }
  section.hidden = false;
}
