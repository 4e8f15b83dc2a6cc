import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinks } from '../lib/links';
import { loadTree } from '../lib/kb/loadTree';
import { formatProblem, KnowledgeBaseError } from '../lib/kb/problems';
import { renderTree, renderTreeInParallel, type BodyKind } from '../lib/kb/renderTree';
import { workersFor } from '../lib/markdown/renderPool';
import { BodyPack, readBody } from '../lib/kb/bodyPack';
import { buildAliases, formerIdsByHeading, readSiteAliases, type AliasTable } from '../lib/kb/aliases';
import { withFormerIds } from '../lib/markdown/renderBody';
import { buildCards, typeCardSource } from '../lib/og/cards';
import { buildReadingPath } from '../lib/kb/readingPath';
import { startOgImages } from '../lib/og/ogJobs';
import { ogImagePolicy, OgSettingError } from '../lib/og/policy';
import { recordAliasNames } from '../lib/kb/publishedAliases';
import { buildMethodology } from '../lib/kb/projectTypes';
import { indexSteps } from '../lib/kb/stepIndex';
import type { KnowledgeTree } from '../lib/kb/types';
import type { RenderedBody } from '../lib/markdown/renderBody';
import { encodeHeadings, type BodyRef } from '../lib/schema/bodyRef';
import { domainTitle, entryTitle } from '../lib/kb/titles';

interface LoadedSite {
  tree: KnowledgeTree;
  /** Each entry's title (src/lib/kb/titles.ts); it needs the leading `# ` heading, known only after rendering. */
  titles: Map<string, string>;
  aliases: AliasTable;
  words: Map<string, number>;
  entries: Map<string, BodyRef>;
  steps: Map<string, BodyRef>;
  domainIntros: Map<string, BodyRef>;
}

// Every collection comes from one read of the tree: cross-file rules need all of it at once,
// and reading it once per collection would multiply the build's I/O and rendering.
// Once every collection has taken its slice the read is forgotten, so the next sync (dev
// server, next build in the same process) reads the files again.
let pending: { key: string; promise: Promise<LoadedSite>; served: Set<Slice> } | undefined;

/**
 * Rendered HTML goes to files, not into Astro's data store: Astro serialises the store and
 * bundles it into the server build, which grows faster than the tree (3,000 entries spent
 * 10 s in the bundler and 27 s syncing). Pages read the body they need. Each body is written
 * as soon as it is rendered, so the build never holds every page's HTML at once (at 10,000
 * entries that, with the markdown sources, was about 1 GB of the peak).
 */
function bodyRefs(pack: BodyPack, kind: BodyKind, bodies: Map<string, RenderedBody>): Map<string, BodyRef> {
  return new Map([...bodies].map(([name, body]) => [name, { ...pack.span(kind, name)!, headings: encodeHeadings(body.headings) }]));
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * One folder per process, so a dev server and a build of the same tree never pull files from
 * under each other; folders of processes that are gone, and this process's previous one, go.
 */
function bodiesDir(parent: string, key: string): string {
  if (existsSync(parent)) {
    for (const name of readdirSync(parent)) {
      const pid = Number(new RegExp(`^${key}-(\\d+)$`).exec(name)?.[1]);
      if (pid && (pid === process.pid || !alive(pid))) rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
  return join(parent, `${key}-${process.pid}`);
}

/** Worker threads to render the tree with, besides this one (src/lib/markdown/renderPool.ts). */
function renderWorkers(tree: KnowledgeTree): number {
  let chars = 0;
  for (const list of [tree.entries, tree.steps, tree.domainIntros]) for (const item of list) chars += item.body.length;
  return workersFor(chars, availableParallelism());
}

function knowledgeBaseFailure(err: KnowledgeBaseError): AstroError {
  const error = new AstroError(err.message.split('\n')[0], err.problems.map(formatProblem).join('\n') + '\nFix each file named above and build again.');
  // The problem is in the content, not in our code: a stack trace would only send the
  // author to our files (and print absolute paths of the machine that built).
  error.stack = '';
  return error;
}

function loadSite(slice: Slice, root: string, base: string, aliasesFile: string | undefined, cacheDir: string, logger: LoaderContext['logger']): Promise<LoadedSite> {
  const key = `${root}\0${base}\0${aliasesFile ?? ''}`;
  if (pending?.key === key && !pending.served.has(slice)) {
    const { promise, served } = pending;
    served.add(slice);
    if (served.size === SLICES.length) pending = undefined;
    return promise;
  }
  const promise = (async () => {
    const dir = bodiesDir(join(cacheDir, 'scaffold-kb'), createHash('sha256').update(key).digest('hex').slice(0, 16));
    const pack = new BodyPack(dir);
    let loaded;
    let rendered;
    let aliases;
    try {
      try {
        loaded = loadTree(root);
        const renderOptions = { write: (kind: BodyKind, name: string, html: string) => pack.write(kind, name, html), releaseSources: true };
        const workers = renderWorkers(loaded.tree);
        rendered = workers
          ? await renderTreeInParallel(loaded.tree, createLinks(base), { ...renderOptions, workers, projectRoot: process.cwd() })
          : renderTree(loaded.tree, createLinks(base), renderOptions);
        if (rendered.problems.length) throw new KnowledgeBaseError(resolve(root), rendered.problems);
      } catch (err) {
        if (err instanceof KnowledgeBaseError) throw knowledgeBaseFailure(err);
        throw err;
      }
      const site = aliasesFile ? readSiteAliases(aliasesFile) : undefined;
      if (Array.isArray(site)) throw knowledgeBaseFailure(new KnowledgeBaseError(aliasesFile!, site));
      const headings = rendered.entries;
      aliases = buildAliases(loaded.tree, site, (name) => headings.get(name)?.headings.map((h) => h.slug));
      if (aliases.problems.length) throw knowledgeBaseFailure(new KnowledgeBaseError(root, aliases.problems));
      // Former heading ids are known only once every body is rendered; the few entries with
      // anchor aliases are written again with them.
      for (const name of rendered.entries.keys()) {
        const formerIds = formerIdsByHeading(aliases.table, name);
        if (formerIds.size) pack.write('entries', name, withFormerIds(readBody(pack.span('entries', name)!), formerIds));
      }
    } finally {
      pack.close();
    }
    recordAliasNames(aliases.table.entries.keys());
    const warnings = [...loaded.warnings, ...rendered.warnings];
    if (warnings.length) logger.warn(`${warnings.length} warning(s) in ${root}:\n${warnings.map(formatProblem).join('\n')}`);
    const titles = new Map(loaded.tree.entries.map((e) => [e.name, entryTitle({ name: e.name, frontmatterTitle: (e.data as Record<string, unknown>).title, heading: rendered.entries.get(e.name)?.title })]));
    const stepIndex = indexSteps(loaded.tree.steps);
    const methodology = buildMethodology(loaded.tree, stepIndex);
    let og;
    try {
      og = ogImagePolicy(process.env.KB_OG_IMAGES, loaded.tree.entries.length);
    } catch (err) {
      if (err instanceof OgSettingError) throw new AstroError('Invalid link-preview image setting', err.message);
      throw err;
    }
    logger.info(`link-preview images: ${og.reason}`);
    const cards = buildCards(
      {
        entries: loaded.tree.entries.map((e) => ({ name: e.name, title: titles.get(e.name)!, description: e.data.description, domain: e.domain })),
        domains: [...new Set(loaded.tree.entries.map((e) => e.domain))].map((d) => ({ id: d, title: domainTitle(d) })),
        projectTypes: methodology.projectTypes.map((t) => typeCardSource(t, buildReadingPath(t, stepIndex, loaded.tree.presets), (n) => titles.get(n) ?? n)),
      },
      og.mode,
    );
    // Drawn on the second core while pages are generated; the og-images integration waits for them.
    startOgImages(cards, join(cacheDir, 'scaffold-kb', 'og'), process.cwd());
    return {
      tree: loaded.tree,
      titles,
      words: rendered.entryWords,
      aliases: aliases.table,
      entries: bodyRefs(pack, 'entries', rendered.entries),
      steps: bodyRefs(pack, 'steps', rendered.steps),
      domainIntros: bodyRefs(pack, 'domains', rendered.domainIntros),
    };
  })();
  pending = { key, promise, served: new Set([slice]) };
  return promise;
}

export const SLICES = ['entries', 'steps', 'overlays', 'domains', 'meta'] as const;
export type Slice = (typeof SLICES)[number];

/**
 * One loader per collection, all fed by the same read of the tree. The store is cleared on
 * every load: entries carry data from other files (titles, link targets), so a digest of
 * their own file alone would serve stale pages after an edit elsewhere.
 */
export function knowledgeTreeLoader(slice: Slice, root: string, base: string, aliasesFile?: string): Loader {
  return {
    name: `scaffold-kb:${slice}`,
    async load({ store, logger, parseData, config }) {
      const site = await loadSite(slice, root, base, aliasesFile, fileURLToPath(config.cacheDir), logger);
      const { tree } = site;
      store.clear();
      // A copy: strings taken from a file (headings, titles) are slices that keep its whole text.
      const put = async (id: string, data: Record<string, unknown>) => {
        store.set({ id, data: await parseData({ id, data: structuredClone(data) }) });
      };
      switch (slice) {
        case 'entries':
          for (const e of tree.entries) {
            await put(e.name, { ...e.data, domain: e.domain, file: e.file, title: site.titles.get(e.name)!, words: site.words.get(e.name) ?? 0, body: site.entries.get(e.name)! });
          }
          break;
        case 'steps':
          for (const s of tree.steps) await put(s.name, { ...s.data, file: s.file, body: site.steps.get(s.name)! });
          break;
        case 'overlays':
          for (const o of tree.overlays) await put(o.id, { ...o.data, file: o.file });
          break;
        case 'domains': {
          const domains = [...new Set([...tree.entries.map((e) => e.domain), ...tree.domainIntros.map((d) => d.domain)])];
          for (const d of domains) {
            await put(d, { domain: d, file: tree.domainIntros.find((i) => i.domain === d)?.file ?? null, body: site.domainIntros.get(d) ?? null });
          }
          break;
        }
        case 'meta':
          // Configs and depth presets ride along here: many trees have none of one or the other
          // (the embedded one has no presets), and Astro warns about every empty collection.
          await put('tree', {
            root: tree.root,
            version: tree.version ?? null,
            hasPipeline: tree.hasPipeline,
            projectTypeConfigs: tree.projectTypeConfigs.map((c) => c.data),
            aliases: {
              entries: Object.fromEntries(site.aliases.entries),
              anchors: Object.fromEntries([...site.aliases.anchors].map(([name, map]) => [name, Object.fromEntries(map)])),
            },
            presets: tree.presets.map((p) => ({ id: p.id, file: p.file, data: p.data })),
          });
          break;
      }
    },
  };
}
