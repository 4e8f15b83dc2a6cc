import { escapeHtml, safeExcerpt, type ResultView } from './resultView';

let uid = 0;

function renderGroup(v: ResultView, prefix: string, role: 'group' | 'none'): string {
  const id = `${prefix}-${++uid}`;
  const version = v.version ? `<span class="badge badge-version">${escapeHtml(v.version)}</span> ` : '';
  const badges = version + [...new Set([v.domain, ...v.types])].filter(Boolean).map((b) => `<span class="badge">${escapeHtml(b!)}</span>`).join(' ');
  const subs = v.subs
    .map((s) => `<a role="option" aria-selected="false" class="sub" id="${prefix}-${++uid}" href="${escapeHtml(s.url)}">↳ ${escapeHtml(s.title)}</a>`)
    .join('');
  const excerpt = v.excerpt ? `<span class="excerpt">${safeExcerpt(v.excerpt)}</span>` : '';
  const groupAttrs = role === 'group' ? ` role="group" aria-label="${escapeHtml(v.title)}"` : '';
  return `<div${groupAttrs} class="result-group">
<a role="option" aria-selected="false" class="result" id="${id}" href="${escapeHtml(v.url)}"><strong>${escapeHtml(v.title)}</strong> ${badges}${excerpt}</a>
${subs ? `<div class="subs">${subs}</div>` : ''}</div>`;
}

/**
 * Results as a listbox of link options, one group per entry: the entry, then its sections.
 * Options are the links themselves so middle-click and "copy link" keep working. Partial
 * matches related to the query follow in one group of their own under a visible "Related matches" label.
 */
export function renderResults(views: ResultView[], prefix: string, partial: ResultView[] = []): string {
  const exact = views.map((v) => renderGroup(v, prefix, 'group')).join('');
  if (!partial.length) return exact;
  const label = `${prefix}-${++uid}`;
  return `${exact}<div role="group" class="partial-matches" aria-labelledby="${label}"><p class="partial-label" id="${label}">Related matches</p>${partial
    .map((v) => renderGroup(v, prefix, 'none'))
    .join('')}</div>`;
}

/** Arrow-key movement over the options of a listbox, announced through aria-activedescendant. */
export function moveActive(input: HTMLInputElement, list: HTMLElement, step: 1 | -1): void {
  const options = [...list.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
  if (!options.length) return;
  const current = options.findIndex((o) => o.getAttribute('aria-selected') === 'true');
  const next = current < 0 ? (step === 1 ? 0 : options.length - 1) : (current + step + options.length) % options.length;
  options.forEach((o, i) => o.setAttribute('aria-selected', String(i === next)));
  input.setAttribute('aria-activedescendant', options[next].id);
  options[next].scrollIntoView({ block: 'nearest' });
}

export function activeOption(list: HTMLElement): HTMLAnchorElement | null {
  return list.querySelector<HTMLAnchorElement>('[role="option"][aria-selected="true"]');
}

export function clearActive(input: HTMLInputElement, list: HTMLElement): void {
  input.removeAttribute('aria-activedescendant');
  list.querySelectorAll('[aria-selected="true"]').forEach((o) => o.setAttribute('aria-selected', 'false'));
}
