import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { createLinks } from '../lib/links';
import { loadTree } from '../lib/kb/loadTree';
import { formatProblem, KnowledgeBaseError } from '../lib/kb/problems';
import { renderTree, type RenderedTree } from '../lib/kb/renderTree';
import type { KnowledgeTree } from '../lib/kb/types';
import { titleFromName } from '../lib/slugs';

interface LoadedSite {
  tree: KnowledgeTree;
  rendered: RenderedTree;
}

// Every collection comes from one read of the tree: cross-file rules need all of it at once,
// and reading it once per collection would multiply the build's I/O and rendering.
// Once every collection has taken its slice the read is forgotten, so the next sync (dev
// server, next build in the same process) reads the files again.
let pending: { key: string; promise: Promise<LoadedSite>; served: Set<Slice> } | undefined;

function loadSite(slice: Slice, root: string, base: string, logger: LoaderContext['logger']): Promise<LoadedSite> {
  const key = `${root}\0${base}`;
  if (pending?.key === key && !pending.served.has(slice)) {
    const { promise, served } = pending;
    served.add(slice);
    if (served.size === SLICES.length) pending = undefined;
    return promise;
  }
  const promise = (async () => {
    let loaded;
    try {
      loaded = loadTree(root);
    } catch (err) {
      if (err instanceof KnowledgeBaseError) {
        throw new AstroError(err.message.split('\n')[0], err.problems.map(formatProblem).join('\n') + '\nFix each file named above and build again.');
      }
      throw err;
    }
    const rendered = renderTree(loaded.tree, createLinks(base));
    const warnings = [...loaded.warnings, ...rendered.warnings];
    if (warnings.length) logger.warn(`${warnings.length} warning(s) in ${root}:\n${warnings.map(formatProblem).join('\n')}`);
    return { tree: loaded.tree, rendered };
  })();
  pending = { key, promise, served: new Set([slice]) };
  return promise;
}

export const SLICES = ['entries', 'steps', 'overlays', 'presets', 'domains', 'meta'] as const;
export type Slice = (typeof SLICES)[number];

/**
 * One loader per collection, all fed by the same read of the tree. The store is cleared on
 * every load: entries carry data from other files (titles, link targets), so a digest of
 * their own file alone would serve stale pages after an edit elsewhere.
 */
export function knowledgeTreeLoader(slice: Slice, root: string, base: string): Loader {
  return {
    name: `scaffold-kb:${slice}`,
    async load({ store, logger, parseData }) {
      const { tree, rendered } = await loadSite(slice, root, base, logger);
      store.clear();
      const put = async (id: string, data: Record<string, unknown>, html?: string, headings?: unknown[]) => {
        const parsed = await parseData({ id, data });
        store.set({ id, data: parsed, ...(html !== undefined ? { rendered: { html, metadata: { headings: headings as never } } } : {}) });
      };
      switch (slice) {
        case 'entries':
          for (const e of tree.entries) {
            const body = rendered.entries.get(e.name)!;
            await put(e.name, { ...e.data, domain: e.domain, file: e.file, title: body.title ?? titleFromName(e.name) }, body.html, body.headings);
          }
          break;
        case 'steps':
          for (const s of tree.steps) {
            const body = rendered.steps.get(s.name)!;
            await put(s.name, { ...s.data, file: s.file }, body.html, body.headings);
          }
          break;
        case 'overlays':
          for (const o of tree.overlays) await put(o.id, { ...o.data, file: o.file });
          break;
        case 'presets':
          for (const p of tree.presets) await put(p.id, { ...p.data, file: p.file });
          break;
        case 'domains': {
          const domains = [...new Set([...tree.entries.map((e) => e.domain), ...tree.domainIntros.map((d) => d.domain)])];
          for (const d of domains) {
            const intro = rendered.domainIntros.get(d);
            await put(d, { domain: d, file: tree.domainIntros.find((i) => i.domain === d)?.file ?? null }, intro?.html, intro?.headings);
          }
          break;
        }
        case 'meta':
          // Configs ride along here: most trees have none, and Astro warns about empty collections.
          await put('tree', {
            root: tree.root,
            version: tree.version ?? null,
            hasPipeline: tree.hasPipeline,
            projectTypeConfigs: tree.projectTypeConfigs.map((c) => c.data),
          });
          break;
      }
    },
  };
}
