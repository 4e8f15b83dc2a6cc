import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { resolve, sep } from 'node:path';
import { KnowledgeBaseError } from '../lib/kb/problems';
import type { Settings } from '../lib/settings';
import { failureHint, problemsOf, type LoadedSite } from './loadSite';
import { loadSites, readSites, type LoadedSites } from './readSites';
import { SLICES, type Slice } from './slices';

export { SLICES, type Slice };

/**
 * A tree with problems under `npm run dev`: the server keeps running and every page shows
 * them (src/content.ts throws them as Astro's error overlay) until the files are fixed.
 */
export interface DevProblems {
  title: string;
  /** The problem list, as the build prints it. */
  message: string;
  /** Where the first problem is, relative to the content folder. */
  file?: string;
  line?: number;
  column?: number;
}

type Loaded = { sites: LoadedSites; problems?: undefined } | { sites?: undefined; problems: DevProblems };

function devProblems(err: KnowledgeBaseError): DevProblems {
  const first = err.problems[0];
  return { title: err.message.split('\n')[0], message: failureHint(err), file: first?.file, line: first?.line, column: first?.column };
}

/** Under `npm run dev` (a watcher exists) problems are shown on the pages; a build fails on them. */
async function settle(read: Promise<LoadedSites>, ctx: LoaderContext): Promise<Loaded> {
  try {
    return { sites: await read };
  } catch (err) {
    const kb = problemsOf(err);
    if (!ctx.watcher || !kb) throw err;
    ctx.logger.error(kb.message);
    return { problems: devProblems(kb) };
  }
}

/** Puts one collection's slice of every site into its store. */
async function fill(slice: Slice, { store, parseData }: LoaderContext, loaded: Loaded, root: string): Promise<void> {
  store.clear();
  // A copy: strings taken from a file (headings, titles) are slices that keep its whole text.
  const put = async (id: string, data: Record<string, unknown>) => {
    store.set({ id, data: await parseData({ id, data: structuredClone(data) }) });
  };
  if (!loaded.sites) {
    if (slice === 'meta') await put('tree', { root, version: null, release: null, versions: [], changes: [], crossVersion: null, hasPipeline: false, ogMode: 'off', model: null, problems: loaded.problems });
    return;
  }
  for (const site of loaded.sites.sites) await fillSite(slice, site, loaded.sites, put);
}

type Put = (id: string, data: Record<string, unknown>) => Promise<void>;

/** A version's items are kept apart by their id (`v3.40.0/<name>`); src/content.ts gives each site its own. */
async function fillSite(slice: Slice, site: LoadedSite, all: LoadedSites, put: Put): Promise<void> {
  const { tree } = site;
  const version = site.source.version;
  const id = (name: string) => (version ? `${version}/${name}` : name);
  switch (slice) {
    case 'entries':
      for (const e of tree.entries) {
        await put(id(e.name), { ...e.data, release: version, domain: e.domain, file: e.file, title: site.titles.get(e.name)!, words: site.words.get(e.name) ?? 0, body: site.entries.get(e.name)!, updated: site.updated.get(e.name) ?? null });
      }
      break;
    case 'steps':
      for (const s of tree.steps) await put(id(s.name), { ...s.data, release: version, file: s.file, body: site.steps.get(s.name)! });
      break;
    case 'domains': {
      const domains = [...new Set([...tree.entries.map((e) => e.domain), ...tree.domainIntros.map((d) => d.domain)])];
      for (const d of domains) {
        await put(id(d), { domain: d, release: version, file: tree.domainIntros.find((i) => i.domain === d)?.file ?? null, body: site.domainIntros.get(d) ?? null });
      }
      break;
    }
    case 'meta':
      // The site model (src/lib/kb/siteModel.ts) is worked out once from the whole tree, here
      // in the loader; the pages read it as it is (src/content.ts).
      await put(version ?? 'tree', {
        root: tree.root,
        version: tree.version ?? null,
        release: version,
        versions: all.versions,
        // Site-wide: the pages at today's URLs publish them (/changes/), every version switches with them.
        changes: version ? [] : all.changes,
        crossVersion: all.crossVersion,
        hasPipeline: tree.hasPipeline,
        ogMode: site.ogMode,
        model: site.model,
        problems: null,
      });
      break;
  }
}

/**
 * Under `npm run dev`, any change to the tree reads it again and refills every collection;
 * Astro then writes its data store and reloads the open page. One read at a time: a change
 * during a read starts one more read once it ends. Astro removes these listeners before each
 * sync of its own, which calls `load` again and registers them anew.
 */
function watchTree(contexts: Map<Slice, LoaderContext>, settings: Settings, cacheDir: string): void {
  const ctx = contexts.get('meta')!;
  const watcher = ctx.watcher!;
  const paths = [settings.contentDir, settings.aliasesFile].filter((p): p is string => !!p).map((p) => resolve(p));
  watcher.add(paths);
  const inside = (p: string) => paths.some((a) => p === a || p.startsWith(a + sep));
  let running: Promise<void> | undefined;
  let again = false;
  const refresh = async () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        const loaded = await settle(readSites(settings, cacheDir, ctx.logger), ctx);
        for (const slice of SLICES) {
          const c = contexts.get(slice);
          if (c) await fill(slice, c, loaded, settings.contentDir);
        }
        ctx.logger.info(loaded.sites ? 'content reloaded' : 'content has problems; the pages show them');
      } while (again);
    })();
    try {
      await running;
    } catch (err) {
      ctx.logger.error(err instanceof Error ? err.message : String(err));
    } finally {
      running = undefined;
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) {
    watcher.on(event, (path: string) => {
      if (!inside(path)) return;
      // An editor's save is often several events; one read covers them.
      clearTimeout(timer);
      timer = setTimeout(refresh, 50);
    });
  }
}

/**
 * One loader per collection, all fed by the same read of the tree. The store is cleared on
 * every load: entries carry data from other files (titles, link targets), so a digest of
 * their own file alone would serve stale pages after an edit elsewhere.
 */
export function knowledgeTreeLoader(slice: Slice, settings: Settings, contexts = sharedContexts): Loader {
  return {
    name: `scaffold-kb:${slice}`,
    async load(ctx) {
      const cacheDir = fileURLToPath(ctx.config.cacheDir);
      contexts.set(slice, ctx);
      const loaded = await settle(loadSites(slice, settings, cacheDir, ctx.logger), ctx);
      await fill(slice, ctx, loaded, settings.contentDir);
      // One collection watches for all five, so a change reads the tree once.
      if (slice === 'meta' && ctx.watcher) watchTree(contexts, settings, cacheDir);
    },
  };
}

/** The latest context of each collection, which a refresh fills. */
const sharedContexts = new Map<Slice, LoaderContext>();
