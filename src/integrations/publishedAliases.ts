/**
 * Former entry names known to the content loader, for build steps configured before content
 * loads (the sitemap filter). Loader and config are separate module instances: they meet on a global.
 */
const KEY = Symbol.for('scaffold-kb.alias-names');
const store = () => ((globalThis as Record<symbol, Set<string>>)[KEY] ??= new Set());

export function recordAliasNames(names: Iterable<string>): void {
  const s = store();
  s.clear();
  for (const n of names) s.add(n);
}

export function isAliasName(name: string): boolean {
  return store().has(name);
}

/** True for `/kb/<former-name>/` redirect pages and non-HTML exports: neither belongs in a sitemap. */
export function isRedirectOrMachinePage(url: string): boolean {
  const path = new URL(url).pathname;
  if (/\.[a-z0-9]+$/i.test(path)) return true;
  const alias = /\/kb\/([^/]+)\/$/.exec(path)?.[1];
  return !!alias && isAliasName(decodeURIComponent(alias));
}
