import { count } from '../../lib/text';
import { escapeHtml } from './resultView';
import {
  hasCriteria,
  pagefindFilters,
  parseSearchState,
  serializeSearchState,
  toggleValue,
  type SearchState,
} from './searchState';
import { noMatchHeading, relatedText, searchStatus } from './noMatch';
import { basePath } from './indexPath';
import { getPagefind, getPagefindEverywhere, getPrefixIndex, NO_INDEX_MESSAGE, type Pagefind, type PagefindSearch } from './pagefindClient';
import { labelVersions, otherIndexes, readVersionScope } from './versionScope';
import { indexBase } from './indexPath';
import { activeOption, clearActive, moveActive, renderResults } from './resultList';
import { quickViews, runSearch, type SearchOutcome } from './searchRun';

const searchUrl = (state: SearchState) => `${basePath}search/${serializeSearchState(state)}`;

function debounce(fn: () => void, ms: number): () => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(t);
    t = setTimeout(fn, ms);
  };
}

function wireKeys(input: HTMLInputElement, list: HTMLElement, onEscape: () => void): void {
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      moveActive(input, list, e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      const option = activeOption(list);
      if (option) {
        e.preventDefault();
        location.assign(option.href);
      }
    } else if (e.key === 'Escape') {
      onEscape();
    }
  });
}

/** Re-renders a listbox without losing the option the reader has arrowed to. */
function replaceOptions(input: HTMLInputElement, list: HTMLElement, html: string): void {
  const chosen = activeOption(list)?.getAttribute('href');
  list.innerHTML = html;
  clearActive(input, list);
  const again = chosen ? [...list.querySelectorAll<HTMLAnchorElement>('[role="option"]')].find((o) => o.getAttribute('href') === chosen) : undefined;
  if (again) {
    again.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', again.id);
  }
}

/** "3 results for q", "No exact match; 2 related matches for q": ends with the query, as announced. */
function statusText(out: SearchOutcome, filtersText = ''): string {
  return searchStatus(out.exactTotal, out.partial.length, out.q, filtersText);
}

/**
 * With no entry containing every term: the heading (unless the page has its own, `heading`),
 * "did you mean" links that search the suggestion in place (real links to /search/ too), and
 * whether related matches follow.
 */
function renderNotice(el: HTMLElement, out: SearchOutcome, search: (q: string) => void, filtersText = '', heading?: HTMLElement): void {
  if (out.exactTotal || !out.q) {
    el.hidden = true;
    el.textContent = '';
    return;
  }
  const title = noMatchHeading(out.q, filtersText);
  const suggest = out.suggestions.length
    ? `<span class="did-you-mean">Did you mean ${out.suggestions
        .map((s) => `<a href="${escapeHtml(searchUrl({ q: s, type: [], topic: [] }))}" data-suggest="${escapeHtml(s)}">${escapeHtml(s)}</a>`)
        .join(' or ')}?</span> `
    : '';
  if (heading) heading.textContent = title;
  el.innerHTML = `${heading ? '' : `<strong class="no-exact">${escapeHtml(title)}.</strong> `}${suggest}<span class="related-note">${escapeHtml(relatedText(out.partial.length))}</span>`;
  el.hidden = false;
  el.querySelectorAll<HTMLAnchorElement>('a[data-suggest]').forEach((a) =>
    a.addEventListener('click', (e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      search(a.dataset.suggest!);
    }),
  );
}

/** Quiet time after a keystroke before the full-text search starts. */
const SETTLE_MS = 50;

/** The header box: results as you type in a popup under the input. */
export function attachHeaderSearch(input: HTMLInputElement): void {
  if (input.dataset.attached) return;
  input.dataset.attached = 'true';
  const form = input.form!;
  const popup = form.querySelector<HTMLElement>('[data-search-popup]')!;
  const list = document.getElementById('kb-search-results')!;
  const summary = form.querySelector<HTMLElement>('[data-search-summary]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;

  const close = () => {
    popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    clearActive(input, list);
  };
  const open = () => {
    popup.hidden = false;
    input.setAttribute('aria-expanded', String(!list.hidden));
  };

  const notice = form.querySelector<HTMLElement>('[data-search-notice]')!;
  // Start the small title index now: it answers the first keystrokes while Pagefind loads.
  void getPrefixIndex().catch(() => undefined);

  // Until Pagefind's first full-text answer is on screen, each keystroke is answered at once
  // from the small title/topic index; after that, Pagefind alone answers (no flicker between the two).
  let fullShown = false;
  const quick = () => {
    const q = input.value.trim();
    if (!q || fullShown) return;
    void quickViews(q, 6)
      .then((views) => {
        if (fullShown || input.value.trim() !== q || !views.length) return;
        notice.hidden = true;
        replaceOptions(input, list, renderResults(views, 'hq'));
        list.hidden = false;
        summary.textContent = 'Searching the full text…';
        open();
      })
      .catch(() => undefined);
  };

  const run = async () => {
    const q = input.value.trim();
    // Searches run one at a time; one whose text was typed over is abandoned mid-way.
    const stale = () => input.value.trim() !== q;
    if (!q) {
      close();
      status.textContent = '';
      return;
    }
    // Letters typed in a burst are answered by the title index; the full-text search waits for
    // the burst to end, so it fetches no index chunks or fragments for half-typed words.
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    if (stale()) return;
    const page = escapeHtml(searchUrl({ q, type: [], topic: [] }));
    let out: SearchOutcome | null;
    try {
      // Each result costs a fragment of 5–10 KB gzip (the page's whole text, for excerpts): five
      // keep a first query under 150 KB on the shared corpus (six came to 155 KB), and "See all"
      // is one step away. Related matches are weak; three say enough in a popup.
      out = await runSearch(q, {}, { exact: 5, partial: 5, maxPartial: 3 }, stale);
    } catch {
      list.hidden = true;
      notice.hidden = true;
      summary.textContent = NO_INDEX_MESSAGE;
      open();
      return;
    }
    if (!out || stale()) return;
    fullShown = true;
    const partial = out.partial;
    renderNotice(notice, out, (s) => {
      input.value = s;
      input.focus();
      schedule();
    });
    replaceOptions(input, list, renderResults(out.exact, 'hs', partial));
    list.hidden = out.exact.length + partial.length === 0;
    // A versioned site's pages say which release they are (BaseLayout): the popup searches that
    // one, and the search page can widen it.
    const everywhere = document.documentElement.dataset.kbBase ? ` <a href="${escapeHtml(searchUrl({ q, type: [], topic: [], allVersions: true }))}">Search every version</a>` : '';
    summary.innerHTML = out.exactTotal
      ? `<strong>${count(out.exactTotal, 'result')}</strong> <a href="${page}">${out.exactTotal > out.exact.length ? `Show all ${out.exactTotal} with filters` : 'Filter them'}</a>${everywhere}`
      : `<strong>No exact match</strong> <a href="${page}">Open the search page</a>${everywhere}`;
    open();
    // Announced once, when the list is complete.
    status.textContent = statusText(out);
  };

  // No debounce: one search at a time, and when it ends the latest text is searched next, so
  // typing never queues a search per keystroke and the answer follows the last key at once.
  let running = false;
  let again = false;
  const schedule = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void run().finally(() => {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    });
  };
  input.addEventListener('input', quick);
  input.addEventListener('input', schedule);
  wireKeys(input, list, () => {
    close();
    input.focus();
  });
  document.addEventListener('click', (e) => {
    if (!form.contains(e.target as Node)) close();
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.childElementCount) open();
  });
  if (input.value.trim()) {
    quick();
    schedule();
  }
}

const FACETS = [
  { key: 'type', legend: 'Project type', limit: 40 },
  { key: 'topic', legend: 'Topic', limit: 25 },
] as const;

/** `/search/`: state lives in the address bar, so any search is a link that reopens it. */
export async function attachSearchPage(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search-page]');
  if (!root) return;
  const form = root.querySelector<HTMLFormElement>('[data-search-page-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const list = root.querySelector<HTMLElement>('[data-search-page-results]')!;
  const status = root.querySelector<HTMLElement>('[data-search-page-status]')!;
  const facets = root.querySelector<HTMLElement>('[data-facets]')!;
  const empty = root.querySelector<HTMLElement>('[data-search-empty]')!;
  const emptyQuery = root.querySelector<HTMLElement>('[data-search-empty-query]')!;
  const emptyTitle = root.querySelector<HTMLElement>('[data-search-empty-title]')!;
  const disclosure = root.querySelector<HTMLDetailsElement>('[data-search-filters]')!;
  const filterSummary = root.querySelector<HTMLElement>('[data-search-filter-summary]')!;
  // Versioned sites: the version being read, unless the reader widens the search to all of them.
  const scope = readVersionScope(root);
  const allVersions = root.querySelector<HTMLInputElement>('[data-all-versions]');
  const pagefindFor = (state: SearchState) => (scope && state.allVersions ? () => getPagefindEverywhere(otherIndexes(scope, indexBase)) : getPagefind);
  // A side column on wide screens starts open; on a phone the query and results come first.
  if (matchMedia('(min-width: 54rem)').matches) disclosure.open = true;
  let current = parseSearchState(location.search);
  input.value = current.q;
  if (allVersions) allVersions.checked = !!current.allVersions;
  let seq = 0;

  let pf: Pagefind;
  try {
    pf = await pagefindFor(current)();
  } catch {
    status.textContent = NO_INDEX_MESSAGE;
    return;
  }
  let totals = await pf.filters();

  const renderFacets = (state: SearchState, counts: Record<string, Record<string, number>>) => {
    const chosen = state.type.length + state.topic.length;
    const offered = FACETS.map(({ key, legend, limit }) => count(Math.min(limit, Object.values(counts[key] ?? {}).filter((n) => n > 0).length), legend.toLowerCase())).join(', ');
    filterSummary.textContent = chosen ? `(${chosen} selected)` : `(${offered})`;
    facets.innerHTML = FACETS.map(({ key, legend, limit }) => {
      const all = counts[key] ?? {};
      const selected = state[key];
      const values = Object.entries(all)
        .filter(([v, n]) => n > 0 || selected.includes(v))
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, limit);
      for (const v of selected) if (!values.some(([x]) => x === v)) values.unshift([v, all[v] ?? 0]);
      if (!values.length) return '';
      const boxes = values
        .map(([v, n]) => {
          const id = `facet-${key}-${v}`;
          const checked = selected.includes(v) ? ' checked' : '';
          return `<label for="${escapeHtml(id)}"><input type="checkbox" id="${escapeHtml(id)}" data-facet="${key}" value="${escapeHtml(v)}"${checked}> ${escapeHtml(v)} <span class="count">(${n})</span></label>`;
        })
        .join('');
      return `<fieldset><legend>${legend}</legend>${boxes}</fieldset>`;
    }).join('');
  };

  const run = async () => {
    const mine = ++seq;
    // This run answers the state as it was when it started, even if the reader changes it meanwhile.
    const state = current;
    history.replaceState(null, '', searchUrl(state));
    if (!hasCriteria(state)) {
      list.innerHTML = '';
      empty.hidden = true;
      status.textContent = 'Type a query or pick a project type or topic.';
      renderFacets(state, totals);
      return;
    }
    const out = await runSearch(state.q || null, pagefindFilters(state), { exact: 20, partial: 10 }, () => mine !== seq, pagefindFor(state));
    if (mine !== seq || !out) return;
    // Results of several versions never show without saying which version each is from.
    if (scope && state.allVersions) Object.assign(out, { exact: labelVersions(out.exact, scope), partial: labelVersions(out.partial, scope) });
    const filtersText = [...state.type.map((t) => `type ${t}`), ...state.topic.map((t) => `topic ${t}`), ...(scope && state.allVersions ? ['every version'] : [])].join(', ');
    // Exact matches, then partial ones; without exact ones, the empty state above says so first.
    list.innerHTML = renderResults(out.exact, 'sp', out.partial);
    clearActive(input, list);
    input.setAttribute('aria-expanded', String(out.exact.length + out.partial.length > 0));
    const n = out.exactTotal;
    status.textContent = statusText(out, filtersText) + (n > out.exact.length ? `; showing the first ${out.exact.length}` : '');
    empty.hidden = n > 0;
    if (!n) {
      if (state.q) {
        renderNotice(emptyQuery, out, (q) => {
          input.value = q;
          current = { ...current, q };
          void run();
        }, filtersText, emptyTitle);
        emptyQuery.hidden = false;
      } else {
        emptyTitle.textContent = noMatchHeading('', filtersText);
        emptyQuery.textContent = '';
      }
    }
    // Pagefind counts every loose match, including the ones not worth showing; with nothing
    // shown, a filter offering "ml (1)" would promise a result that is not there.
    const counts = out.exact.length + out.partial.length ? await facetCounts(state, out.search) : {};
    if (mine === seq) renderFacets(state, counts);
  };

  // Counts for a facet ignore that facet's own selection (ticking a second type widens the
  // results), so each facet with a selection needs one more search without it.
  const facetCounts = async (state: SearchState, res: PagefindSearch) => {
    const entries = await Promise.all(
      FACETS.map(async ({ key }) => {
        const others = { ...state, [key]: [] };
        if (!state[key].length) return [key, res.filters[key] ?? {}] as const;
        if (!hasCriteria(others)) return [key, totals[key] ?? {}] as const;
        const without = await pf.search(others.q || null, { filters: pagefindFilters(others) });
        return [key, without?.filters[key] ?? {}] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<string, Record<string, number>>;
  };

  allVersions?.addEventListener('change', async () => {
    current = { ...current, allVersions: allVersions.checked || undefined };
    pf = await pagefindFor(current)();
    totals = await pf.filters();
    void run();
  });
  facets.addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    const key = box.dataset.facet as 'type' | 'topic' | undefined;
    if (!key) return;
    current = { ...current, [key]: toggleValue(current[key], box.value) };
    void run().then(() => document.getElementById(box.id)?.focus());
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    current = { ...current, q: input.value.trim() };
    void run();
  });
  input.addEventListener(
    'input',
    debounce(() => {
      current = { ...current, q: input.value.trim() };
      void run();
    }, 120),
  );
  wireKeys(input, list, () => clearActive(input, list));
  await run();
}
