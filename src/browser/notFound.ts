import { createLinks } from '../lib/links';
import { slugFromPath, suggestEntries } from './search/suggestEntries';

interface Index {
  base: string;
  entries: { name: string; title: string }[];
  aliases: Record<string, string>;
}

/** Entries the missing address may have meant; with none, the page says so and offers to search its words. */
export function showSuggestions(): void {
  const section = document.querySelector<HTMLElement>('[data-suggest-index]');
  const title = section?.querySelector('[data-suggest-title]');
  const search = section?.querySelector<HTMLAnchorElement>('[data-suggest-search]');
  if (!section || !title || !search) return;
  const index = JSON.parse(section.dataset.suggestIndex ?? '{}') as Index;
  const links = createLinks(index.base);
  const slug = slugFromPath(location.pathname);
  const found = suggestEntries(slug, index.entries, index.aliases);
  const words = slug.replace(/[-_]+/g, ' ').trim();
  if (!found.length && !words) return;
  if (words) {
    search.href = links.search({ q: words });
    search.textContent = `Search for “${words}”`;
  }
  if (!found.length) {
    title.textContent = `No entry has a name like “${words}”`;
    section.hidden = false;
    return;
  }
  const list = document.createElement('ol');
  list.id = 'kb-suggestions';
  for (const s of found) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    // The old address's #section still means something on the page that replaced it.
    a.href = links.entry(s.name) + location.hash;
    a.textContent = s.title;
    li.append(a);
    if (s.renamed) li.append(' (this page’s new address)');
    list.append(li);
  }
  title.after(list);
  section.hidden = false;
}
