import { createHash } from 'node:crypto';
import type { RenderedBody } from '../lib/markdown/renderBody';
import type { LinkTarget } from '../lib/markdown/resolveRelativeLink';
import type { RenderJob, RenderResult } from './renderPool';

/**
 * Bodies rendered once per build, however many sites the build publishes. A versioned build
 * reads the latest release twice (today's URLs and its pinned folder) and older releases that
 * mostly repeat it: 291 of v3.40.0's 299 entries are v3.54.0's word for word.
 *
 * A body's HTML depends on its site in two ways only: the URLs its links point at (each site
 * has its own base path) and which of the files it links to exist (a dead link is unlinked).
 * So bodies are rendered with a placeholder per link target, `\0<id>\0`, which a site swaps
 * for its own URL; and a remembered body is reused only where every file it looked up exists,
 * or is missing, as it was. markdown-it turns every NUL of a source into U+FFFD, so a
 * placeholder can only come from here.
 */

interface Remembered {
  result: RenderResult;
  lookups: [string, boolean][];
}

/** Link targets as the renderer sees them: a placeholder for each URL. */
export interface SymbolicTargets {
  targets: ReadonlyMap<string, LinkTarget>;
  /** The body as this site publishes it: its URLs, and its links' real targets. */
  resolve(result: RenderResult): RenderResult;
}

const PLACEHOLDER = /\0(\d+)\0/g;

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export class RenderMemo {
  private readonly ids = new Map<string, number>();
  private readonly paths: string[] = [];
  private readonly bodies = new Map<string, Remembered[]>();
  hits = 0;
  misses = 0;
  private readonly remember: boolean;

  /**
   * @param remember Off for a build of one site: nothing would be reused, and holding every
   *   page's HTML is what the body pack exists to avoid (loadSite.ts).
   */
  constructor(remember = true) {
    this.remember = remember;
  }

  private idOf(path: string): number {
    let id = this.ids.get(path);
    if (id === undefined) {
      id = this.paths.length;
      this.ids.set(path, id);
      this.paths.push(path);
    }
    return id;
  }

  symbolic(real: ReadonlyMap<string, LinkTarget>): SymbolicTargets {
    const targets = new Map([...real].map(([path, t]) => [path, { ...t, url: `\0${this.idOf(path)}\0` }]));
    const targetOf = (id: string) => {
      const target = real.get(this.paths[Number(id)]);
      if (!target) throw new Error(`a rendered body links to ${this.paths[Number(id)]}, which this site does not have`);
      return target;
    };
    const resolve = ({ body, words, lookups }: RenderResult): RenderResult => ({
      words,
      lookups,
      body: {
        ...body,
        html: body.html.replace(PLACEHOLDER, (_, id: string) => escapeAttribute(targetOf(id).url)),
        links: body.links.map((link) => ({ ...link, target: targetOf(link.target.url.slice(1, -1)) })),
      },
    });
    return { targets, resolve };
  }

  /** What a body's rendering depends on besides its links: taken before the job hands its markdown on. */
  key(job: RenderJob): string {
    if (!this.remember) return '';
    return createHash('sha256').update(`${job.file}\0${job.plain ? 1 : 0}${job.countWords ? 1 : 0}\0${job.markdown}`).digest('base64');
  }

  /** The body rendered before from the same source, if the files it looked up are here as they were there. */
  find(key: string, targets: ReadonlyMap<string, LinkTarget>): RenderResult | undefined {
    if (!this.remember) return undefined;
    const found = this.bodies.get(key)?.find((r) => r.lookups.every(([path, hit]) => targets.has(path) === hit));
    if (found) this.hits++;
    else this.misses++;
    return found && copyResult(found.result);
  }

  keep(key: string, result: RenderResult): void {
    if (!this.remember) return;
    this.bodies.set(key, [...(this.bodies.get(key) ?? []), { result: copyResult(result), lookups: result.lookups ?? [] }]);
  }
}

/** The collector empties what it is handed (html, links); the memo keeps its own copy. */
function copyResult({ body, words, lookups }: RenderResult): RenderResult {
  const copy: RenderedBody = { ...body, headings: [...body.headings], links: [...body.links], deadLinks: [...body.deadLinks], notes: [...body.notes], unsafeUrls: [...body.unsafeUrls] };
  return { body: copy, words, lookups };
}
