/**
 * The one rule for URLs that come from content (sources, links and images in bodies, any
 * future field): http, https, mailto, a relative path or a `#anchor`. Anything else
 * (`javascript:`, `data:`, `vbscript:`, unknown schemes) could run script or leave the reader
 * somewhere unexpected, so it is a build error, never a link.
 *
 * The check follows what a browser does with the string, not what it looks like: entities
 * are decoded (`&#106;avascript:`), and the WHATWG URL parser strips leading control
 * characters and spaces, removes tabs and newlines anywhere (`java\tscript:`) and lowercases
 * the scheme (`JaVaScRiPt:`).
 */

export const SAFE_URL_EXPECTATION = 'expected an http, https or mailto URL, a relative path or a #anchor';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
// A base with a scheme we allow, so that relative URLs resolve to something allowed.
const BASE = 'https://relative.invalid/';

const NAMED_ENTITIES: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  amp: '&',
  sol: '/',
  lpar: '(',
  rpar: ')',
  period: '.',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
};

/** Decodes numeric and the common named character references, repeatedly (`&amp;#106;`). */
function decodeEntities(s: string): string {
  let prev: string;
  let cur = s;
  let rounds = 0;
  do {
    prev = cur;
    cur = cur
      .replace(/&#x([0-9a-f]+);?/gi, (m, hex: string) => fromCodePoint(parseInt(hex, 16), m))
      .replace(/&#(\d+);?/g, (m, dec: string) => fromCodePoint(parseInt(dec, 10), m))
      .replace(/&([a-z]+);/gi, (m, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? m);
  } while (cur !== prev && ++rounds < 5);
  return cur;
}

function fromCodePoint(n: number, fallback: string): string {
  return Number.isFinite(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;
}

/** Why a URL is refused, or undefined when it is safe to publish as an href or src. */
export function unsafeUrlReason(raw: string): string | undefined {
  const decoded = decodeEntities(raw);
  // Control characters other than the tab/newline the parser removes have no place in a URL.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(decoded.trim())) return 'contains control characters';
  let url: URL;
  try {
    url = new URL(decoded, BASE);
  } catch {
    return 'is not a valid URL';
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return `uses the scheme ${url.protocol}`;
  return undefined;
}

export function isSafeUrl(raw: string): boolean {
  return unsafeUrlReason(raw) === undefined;
}

/** True when the URL points at another origin (an http(s) URL with a host, or `//host`). */
export function isOtherOrigin(raw: string): boolean {
  const s = decodeEntities(raw).trim();
  return /^(?:https?:)?\/\//i.test(s.replace(/[\t\n\r]/g, ''));
}
