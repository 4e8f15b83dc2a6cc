import { resolveRelativeLink, type LinkTarget } from '../markdown/resolveRelativeLink';

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const INLINE_LINK = /(\]\(\s*<?)([^)\s>]+)/g;
const REFERENCE = /^(\s{0,3}\[[^\]]+\]:\s*<?)(\S+?)(>?(?:\s|$))/;

/**
 * An entry's markdown as a reader pastes it elsewhere: links between files of the tree become
 * absolute page URLs, because `../core/testing.md` means nothing in a wiki. Code is left as written.
 */
export function absolutizeLinks(
  source: string,
  file: string,
  targets: ReadonlyMap<string, LinkTarget>,
  absolute: (url: string) => string,
): string {
  const rewrite = (href: string) => {
    const res = resolveRelativeLink(file, href, targets);
    return res.action === 'rewrite' ? absolute(res.url) : href;
  };
  let fence: string | undefined;
  return source
    .split('\n')
    .map((line) => {
      const f = FENCE.exec(line)?.[1];
      if (f && (!fence || (f[0] === fence[0] && f.length >= fence.length && line.trim() === f))) {
        fence = fence ? undefined : f;
        return line;
      }
      if (fence) return line;
      const ref = REFERENCE.exec(line);
      if (ref) return line.replace(REFERENCE, (_m, a: string, href: string, b: string) => a + rewrite(href) + b);
      return line.replace(INLINE_LINK, (_m, a: string, href: string) => a + rewrite(href));
    })
    .join('\n');
}
