import { posix } from 'node:path';

export interface LinkTarget {
  url: string;
  /** Which kind of page the file becomes, so `#anchor`s can be checked against its headings. */
  kind: 'entry' | 'step' | 'domain';
  name: string;
}

/** The pages relative links may point at, by their file's path in the tree. */
export interface LinkTargets {
  get(path: string): LinkTarget | undefined;
}

export type LinkResolution =
  | { action: 'keep' }
  | { action: 'rewrite'; url: string; target: LinkTarget; anchor?: string }
  | { action: 'unlink'; reason: string };

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** True for links a static site can keep as written: other sites, mail, in-page anchors. */
function isExternalOrAnchor(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('//');
}

/**
 * Maps a link written in a content file to the page that file becomes. Authors link
 * files (`../core/testing-strategy.md#setup`); readers need pages (`/kb/testing-strategy/#setup`).
 */
export function resolveRelativeLink(
  fromFile: string,
  href: string,
  targets: LinkTargets,
): LinkResolution {
  if (!href || isExternalOrAnchor(href)) return { action: 'keep' };
  const hashAt = href.indexOf('#');
  const pathPart = safeDecode(hashAt >= 0 ? href.slice(0, hashAt) : href).split('?')[0];
  // markdown-it percent-encodes hrefs; heading ids are compared in their plain form.
  const anchor = hashAt >= 0 ? safeDecode(href.slice(hashAt + 1)) || undefined : undefined;
  const resolved = pathPart.startsWith('/')
    ? posix.normalize(pathPart.slice(1))
    : posix.normalize(posix.join(posix.dirname(fromFile), pathPart));
  const target = targets.get(resolved);
  if (!target) {
    return { action: 'unlink', reason: `links to ${href}, which is not a page of this site (resolved to ${resolved})` };
  }
  return { action: 'rewrite', url: target.url + (anchor ? `#${anchor}` : ''), target, anchor };
}
