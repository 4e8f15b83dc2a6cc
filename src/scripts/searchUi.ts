import { escapeHtml, toResultView, type ResultView } from '../lib/search/resultView';
import {
  hasCriteria,
  pagefindFilters,
  parseSearchState,
  serializeSearchState,
  toggleValue,
  type SearchState,
} from '../lib/search/searchState';
import { basePath, getPagefind, NO_INDEX_MESSAGE, type PagefindSearch } from './pagefindClient';
import { activeOption, clearActive, moveActive, renderResults } from './resultList';

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

async function resultViews(res: PagefindSearch, limit: number) {
  const data = await Promise.all(res.results.slice(0, limit).map((r) => r.data()));
  return data.map((d) => toResultView(d));
}

/**
 * Calls `show` with the leading results as their fragments arrive, so the best match is on
 * screen before the sixth has loaded. Stops as soon as the query is no longer current.
 */
async function streamResultViews(res: PagefindSearch, limit: number, stale: () => boolean, show: (views: ResultView[]) => void) {
  const pending = res.results.slice(0, limit).map((r) => r.data().then((d) => toResultView(d)));
  const views: ResultView[] = [];
  for (const p of pending) {
    const view = await p;
    if (stale()) return;
    views.push(view);
    show(views);
  }
  if (!pending.length) show(views);
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

/** The header box: results as you type in a popup under the input. */
export function attachHeaderSearch(input: HTMLInputElement): void {
  if (input.dataset.attached) return;
  input.dataset.attached = 'true';
  const form = input.form!;
  const popup = form.querySelector<HTMLElement>('[data-search-popup]')!;
  const list = document.getElementById('kb-search-results')!;
  const footer = form.querySelector<HTMLElement>('[data-search-footer]')!;
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

  const run = async () => {
    const q = input.value.trim();
    // Searches run one at a time; one whose text was typed over is abandoned mid-way.
    const stale = () => input.value.trim() !== q;
    if (!q) {
      close();
      status.textContent = '';
      return;
    }
    let res: PagefindSearch | null;
    try {
      res = await (await getPagefind()).search(q);
    } catch {
      list.hidden = true;
      footer.textContent = NO_INDEX_MESSAGE;
      open();
      return;
    }
    if (!res || stale()) return;
    const total = res.results.length;
    const page = escapeHtml(searchUrl({ q, type: [], topic: [] }));
    await streamResultViews(res, 6, stale, (views) => {
      replaceOptions(input, list, renderResults(views, 'hs'));
      list.hidden = views.length === 0;
      footer.innerHTML = views.length ? `<a href="${page}">All ${total} results and filters</a>` : `No results for “${escapeHtml(q)}”. <a href="${page}">Try the search page</a>`;
      open();
    });
    // Announced once, when the list is complete, rather than once per arriving result.
    if (!stale()) status.textContent = `${total} ${total === 1 ? 'result' : 'results'} for ${q}`;
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
  if (input.value.trim()) schedule();
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
  let current = parseSearchState(location.search);
  input.value = current.q;
  let seq = 0;

  let pf;
  try {
    pf = await getPagefind();
  } catch {
    status.textContent = NO_INDEX_MESSAGE;
    return;
  }
  const totals = await pf.filters();

  const renderFacets = (state: SearchState, counts: Record<string, Record<string, number>>) => {
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
    const res = await pf.search(state.q || null, { filters: pagefindFilters(state) });
    if (mine !== seq || !res) return;
    const views = await resultViews(res, 20);
    if (mine !== seq) return;
    list.innerHTML = renderResults(views, 'sp');
    clearActive(input, list);
    input.setAttribute('aria-expanded', String(views.length > 0));
    const n = res.results.length;
    const filtersText = [...state.type.map((t) => `type ${t}`), ...state.topic.map((t) => `topic ${t}`)].join(', ');
    status.textContent =
      `${n} ${n === 1 ? 'result' : 'results'}` +
      (state.q ? ` for “${state.q}”` : '') +
      (filtersText ? ` with ${filtersText}` : '') +
      (n > views.length ? `; showing the first ${views.length}` : '');
    empty.hidden = n > 0;
    if (!n) {
      emptyQuery.textContent = state.q ? `No entry matches “${state.q}”${filtersText ? ` with ${filtersText}` : ''}.` : `No entry has ${filtersText}.`;
    }
    const counts = await facetCounts(state, res);
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
