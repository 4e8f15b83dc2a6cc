// Landing pages list the reading path twice (everything, this type only) so both work without
// JavaScript; with it, a two-button switch shows one list at a time.
/** A link to `#step-…` opens that step's block: the browser scrolls to a closed <details> but leaves it shut. */
export function openTargetedStep(): void {
  const open = () => {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target instanceof HTMLDetailsElement) target.open = true;
  };
  open();
  addEventListener('hashchange', open);
}

export function bootPathSwitch(): void {
  const box = document.querySelector<HTMLElement>('[data-path-switch]');
  const lists = { all: document.getElementById('reading-path'), own: document.getElementById('reading-path-own') };
  if (!box || !lists.all || !lists.own) return;
  const buttons = [...box.querySelectorAll<HTMLButtonElement>('button[data-show]')];
  const show = (which: string) => {
    lists.all!.hidden = which !== 'all';
    lists.own!.hidden = which !== 'own';
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.show === which));
  };
  for (const t of document.querySelectorAll<HTMLElement>('[data-path-title]')) t.hidden = true;
  for (const b of buttons) b.addEventListener('click', () => show(b.dataset.show!));
  box.hidden = false;
  show('all');
}
