// Loaded on the first click of a copy control. Absolute URLs come from the page's canonical
// link (SITE_URL plus base path) and fall back to the address the page was opened at.

function pageUrl(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return canonical || location.origin + location.pathname;
}

function sectionUrl(id: string): string {
  return new URL(`#${id}`, pageUrl()).href;
}

/** A heading's own words, without the controls and former-id markers inside it. */
function headingText(heading: Element): string {
  // A step block's controls sit beside its summary, which also holds badges and counts.
  const label = heading.getAttribute('data-heading-label');
  if (label) return label;
  let text = '';
  for (const node of heading.childNodes) {
    if (node instanceof Element && node.matches('.anchor, .anchor-md, .anchor-alias')) continue;
    text += node.textContent ?? '';
  }
  return text.trim();
}

const mdText = (s: string) => s.replace(/([\[\]\\])/g, '\\$1');

function pageTitle(): string {
  return document.querySelector('main h1')?.textContent?.trim() || document.title;
}

async function write(text: string | Promise<string>): Promise<void> {
  // ClipboardItem accepts a promise, so the copy keeps the click's permission while a fetch runs.
  if (typeof text !== 'string' && 'ClipboardItem' in window && navigator.clipboard?.write) {
    const blob = text.then((t) => new Blob([t], { type: 'text/plain' }));
    await navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob })]);
    return;
  }
  const value = await text;
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(value);
    return;
  }
  // Plain-HTTP origins have no Clipboard API; a selected, off-screen textarea still copies.
  const area = document.createElement('textarea');
  area.value = value;
  area.setAttribute('readonly', '');
  area.className = 'sr-only';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

function announce(el: Element, message: string): void {
  const region = document.getElementById('kb-announce');
  if (region) {
    // Clearing first makes screen readers repeat a message that did not change.
    region.textContent = '';
    requestAnimationFrame(() => (region.textContent = message));
  }
  el.setAttribute('data-copied', message.startsWith('Could') ? 'error' : 'ok');
  // A code block's button says so in its own words; other controls show a mark from CSS.
  const label = el.matches('[data-copy="code"]') && !message.startsWith('Could') ? el.textContent : null;
  if (label) el.textContent = 'Copied';
  setTimeout(() => {
    el.removeAttribute('data-copied');
    if (label) el.textContent = label;
  }, 2000);
}

/** The `#` link that belongs to a Markdown button: the one just before it. */
function anchorFor(el: Element): HTMLAnchorElement | null {
  const prev = el.previousElementSibling;
  return prev instanceof HTMLAnchorElement && prev.matches('a.anchor') ? prev : null;
}

export async function copyFor(el: Element): Promise<void> {
  let text: string | Promise<string>;
  let done: string;
  if (el.matches('a.anchor') || el.matches('[data-copy-md]')) {
    const anchor = el.matches('a.anchor') ? (el as HTMLAnchorElement) : anchorFor(el);
    if (!anchor) return;
    const id = decodeURIComponent(anchor.hash.slice(1));
    const url = sectionUrl(id);
    if (el.matches('a.anchor')) {
      text = url;
      done = 'Link copied';
    } else {
      const heading = anchor.parentElement;
      const label = heading ? `${pageTitle()} › ${headingText(heading)}` : pageTitle();
      text = `[${mdText(label)}](${url})`;
      done = 'Markdown link copied';
    }
  } else if (el.getAttribute('data-copy') === 'code') {
    // The button sits in the bar just above its <pre>.
    text = el.closest('.code-bar')?.nextElementSibling?.textContent ?? '';
    done = 'Code copied';
  } else if (el.getAttribute('data-copy') === 'url') {
    text = pageUrl();
    done = 'Link copied';
  } else if (el.getAttribute('data-copy') === 'md-link') {
    text = `[${mdText(pageTitle())}](${pageUrl()})`;
    done = 'Markdown link copied';
  } else if (el.getAttribute('data-copy') === 'markdown') {
    const href = (el as HTMLAnchorElement).href;
    text = fetch(href).then((r) => {
      if (!r.ok) throw new Error(`${r.status}`);
      return r.text();
    });
    done = 'Markdown copied';
  } else {
    return;
  }
  try {
    await write(text);
    announce(el, done);
  } catch {
    announce(el, 'Could not copy: your browser refused access to the clipboard');
  }
}
