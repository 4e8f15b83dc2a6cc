import { toResultView, type ResultView } from '../lib/search/resultView';
import {
  hasCriteria,
  pagefindFilters,
  parseSearchState,
  serializeSearchState,
  toggleValue,
  type SearchState,
} from '../lib/search/searchState';
import { escapeHtml } from '../lib/search/resultView';
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
 * screen before the sixth has loaded. Returns false when a newer search took over.
 */
async function streamResultViews(res: PagefindSearch, limit: number, current: () => boolean, show: (views: ResultView[]) => void) {
  const pending = res.results.slice(0, limit).map((r) => r.data().then((d) => toResultView(d)));
  const views: ResultView[] = [];
  for (const p of pending) {
    const view = await p;
    if (!current()) return false;
    views.push(view);
    show(views);
  }
  if (!pending.length) show(views);
  return true;
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
  let seq = 0;
  // The reader has focused the box: fetch the index now so the first keystroke finds it warm.
  getPagefind().catch(() => undefined);

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
    const mine = ++seq;
    const q = input.value.trim();
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
    // A newer query was typed meanwhile: its own search will follow, skip this one's fragments.
    if (mine !== seq || !res || input.value.trim() !== q) return;
    const total = res.results.length;
    const all = `<a href="${escapeHtml(searchUrl({ q, type: [], topic: [] }))}">All ${total} results and filters</a>`;
    await streamResultViews(res, 6, () => mine === seq, (views) => {
      list.innerHTML = renderResults(views, 'hs');
      list.hidden = views.length === 0;
      footer.innerHTML = views.length ? all : `No results for “${escapeHtml(q)}”. <a href="${escapeHtml(searchUrl({ q, type: [], topic: [] }))}">Try the search page</a>`;
      status.textContent = `${total} ${total === 1 ? 'result' : 'results'} for ${q}`;
      clearActive(input, list);
      open();
    });
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
  let state = parseSearchState(location.search);
  input.value = state.q;
  let seq = 0;

  let pf;
  try {
    pf = await getPagefind();
  } catch {
    status.textContent = NO_INDEX_MESSAGE;
    return;
  }
  const totals = await pf.filters();

  const renderFacets = (counts: Record<string, Record<string, number>>) => {
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
    history.replaceState(null, '', searchUrl(state));
    if (!hasCriteria(state)) {
      list.innerHTML = '';
      empty.hidden = true;
      status.textContent = 'Type a query or pick a project type or topic.';
      renderFacets(totals);
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
    renderFacets(await facetCounts(res));
  };

  // Counts for a facet ignore that facet's own selection (ticking a second type widens the
  // results), so each facet with a selection needs one more search without it.
  const facetCounts = async (res: PagefindSearch) => {
    const counts: Record<string, Record<string, number>> = {};
    for (const { key } of FACETS) {
      const others = { ...state, [key]: [] };
      if (!state[key].length) counts[key] = res.filters[key] ?? {};
      else if (!hasCriteria(others)) counts[key] = totals[key] ?? {};
      else counts[key] = (await pf.search(others.q || null, { filters: pagefindFilters(others) }))?.filters[key] ?? {};
    }
    return counts;
  };

  facets.addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    const key = box.dataset.facet as 'type' | 'topic' | undefined;
    if (!key) return;
    state = { ...state, [key]: toggleValue(state[key], box.value) };
    void run().then(() => document.getElementById(box.id)?.focus());
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    state = { ...state, q: input.value.trim() };
    void run();
  });
  input.addEventListener(
    'input',
    debounce(() => {
      state = { ...state, q: input.value.trim() };
      void run();
    }, 120),
  );
  wireKeys(input, list, () => clearActive(input, list));
  await run();
}
