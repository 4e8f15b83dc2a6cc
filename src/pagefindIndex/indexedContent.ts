import { ELEMENT_NODE, parse, TEXT_NODE } from 'ultrahtml';

/**
 * What Pagefind reads of a built page, in a form two pages can be compared by: the page's
 * language and its `data-pagefind-body` element, without what `data-pagefind-ignore` hides
 * (but with the metadata and filters Pagefind still takes from inside it). An older release's
 * entry page whose indexed content is the latest's is taken from the latest's index
 * (mergeIndexes.ts) instead of being indexed again.
 *
 * Links are the one thing that differs between the same page in two releases: each release's
 * point into its own folder. `links` names the prefix of this page's site and the one it is
 * compared with; only `href`s are rewritten, as Pagefind indexes no link targets. Anything
 * else that differs (an image's `src`, say, which Pagefind keeps) makes the pages differ, and
 * the page is indexed again.
 */

interface Node {
  type: number;
  name?: string;
  value?: string;
  attributes?: Record<string, string>;
  children?: Node[];
}

const BODY = '<article data-pagefind-body';

/** Pagefind takes these from inside ignored elements too (`data-pagefind-ignore` is "index" by default). */
const KEPT_WHEN_IGNORED = ['data-pagefind-meta', 'data-pagefind-filter', 'data-pagefind-sort'];

export interface LinkPrefixes {
  /** Where this page's site links start: `/v3.40.0/`, `/docs/v3.40.0/`. */
  from: string;
  /** The same links in the page compared with: `/`, `/docs/`. */
  to: string;
}

function write(node: Node, out: string[], links: LinkPrefixes | undefined, ignored: boolean): void {
  for (const child of node.children ?? []) {
    if (child.type === TEXT_NODE) {
      if (!ignored) out.push(`"${child.value ?? ''}`);
      continue;
    }
    if (child.type !== ELEMENT_NODE) continue;
    const attributes = child.attributes ?? {};
    const hidden = ignored || 'data-pagefind-ignore' in attributes;
    const kept = hidden && KEPT_WHEN_IGNORED.some((a) => a in attributes);
    if (hidden && !kept) {
      write(child, out, links, true);
      continue;
    }
    const attrs = Object.entries(attributes).map(([name, value]) =>
      name === 'href' && links && value.startsWith(links.from) ? `${name}=${links.to}${value.slice(links.from.length)}` : `${name}=${value}`,
    );
    out.push(`<${child.name} ${JSON.stringify(attrs)}`);
    write(child, out, links, false);
    out.push(`</${child.name}`);
  }
}

/** The page's indexed content as one string; nothing for a page without an indexed article. */
export function indexedContent(html: string, links?: LinkPrefixes): string | undefined {
  const start = html.indexOf(BODY);
  const end = html.lastIndexOf('</article>');
  // One indexed article, as entry pages have; anything else is left to Pagefind.
  if (start < 0 || end < start || html.indexOf(BODY, start + 1) >= 0) return undefined;
  const open = html.indexOf('<html');
  const language = open < 0 ? '' : (/\blang="([^"]*)"/.exec(html.slice(open, html.indexOf('>', open)))?.[1] ?? '');
  const out: string[] = [`lang=${language}`];
  write(parse(html.slice(start, end + '</article>'.length)) as Node, out, links, false);
  return out.join('\n');
}
