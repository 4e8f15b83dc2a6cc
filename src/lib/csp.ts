/**
 * The site's Content-Security-Policy, in one place: every page carries it as a
 * `<meta http-equiv>` (BaseLayout), the static server sends it as a header, the README tells
 * hosts to send it, and the browser tests check pages against it.
 *
 * - `script-src 'self' 'wasm-unsafe-eval'`: our bundled scripts and Pagefind's, which compiles
 *   its WebAssembly search engine (no eval of JavaScript is allowed).
 * - `style-src 'self'`: one stylesheet; no inline `style=` or `<style>` anywhere.
 * - `img-src 'self' data:`: the site's own images; no request to any other origin.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
} as const;

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, values]) => `${name} ${values.join(' ')}`)
  .join('; ');
