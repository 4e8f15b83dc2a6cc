import type { LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, KnowledgeBaseError, type Problem } from '../lib/kb/problems';
import { renderTreeOnCores, type BodyKind } from '../render/renderTree';
import type { RenderMemo } from '../render/renderMemo';
import { BodyPack, readBody } from '../render/bodyPack';
import { formerIdsByHeading, type AliasTable } from '../lib/kb/aliases';
import { analyseSite } from '../tree/analyseSite';
import { withFormerIds } from '../lib/markdown/renderBody';
import { buildCards, typeCardSource, type OgCard } from '../lib/og/cards';
import { ogImagePolicy, type OgImageMode } from '../lib/og/policy';
import type { Settings } from '../lib/settings';
import { buildSiteData, type SiteData } from '../lib/kb/siteModel';
import { createLinks } from '../lib/links';
import type { KnowledgeTree } from '../lib/kb/types';
import type { RenderedBody } from '../lib/markdown/renderBody';
import { encodeHeadings, type BodyHeading, type BodyRef } from '../lib/schema/bodyRef';
import { domainTitle, entryTitle } from '../lib/kb/titles';
import { gitDates } from './gitDates';

/** Where one site of the build comes from: the tree at today's URLs, or a published version. */
export interface SiteSource {
  /** Null for the tree at today's URLs; else the version whose pages sit under `/<version>/`. */
  version: string | null;
  contentDir: string;
  /** The site's base path with the version's folder: `/`, `/v3.40.0/`, `/kb/v3.40.0/`. */
  basePath: string;
  aliasesFile: string | undefined;
  /** Keep entries' markdown after rendering: comparing versions reads it. */
  keepSources?: boolean;
  /** The same tree is read again for another site of the build, which reports its warnings. */
  quiet?: boolean;
}

export interface LoadedSite {
  source: SiteSource;
  tree: KnowledgeTree;
  /** When each entry last changed, and by which measure: its `last-reviewed`, else its last commit. */
  updated: Map<string, { date: string; source: 'last-reviewed' | 'git' }>;
  /** Which link-preview cards are drawn, so pages name only those (src/lib/og/policy.ts). */
  ogMode: OgImageMode;
  /** Each entry's title (src/lib/kb/titles.ts); it needs the leading `# ` heading, known only after rendering. */
  titles: Map<string, string>;
  aliases: AliasTable;
  /** What the pages derive from the whole tree, worked out once. */
  model: SiteData;
  words: Map<string, number>;
  entries: Map<string, BodyRef>;
  steps: Map<string, BodyRef>;
  domainIntros: Map<string, BodyRef>;
  /** Link-preview cards of this site's pages, drawn by readSites once for all sites. */
  cards: OgCard[];
  /** Rendered headings of each entry, for comparing versions. */
  headings: Map<string, BodyHeading[]>;
}

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

let generation = 0;

/**
 * One folder per process and read, so a dev server and a build of the same tree never pull
 * files from under each other, and a page the dev server renders while the tree is read again
 * still finds the bodies its data names. Folders of processes that are gone go, and this
 * process's folders older than the previous read.
 */
function bodiesDir(parent: string, key: string): string {
  const current = ++generation;
  if (existsSync(parent)) {
    for (const name of readdirSync(parent)) {
      const match = new RegExp(`^${key}-(\\d+)-(\\d+)$`).exec(name);
      const [pid, gen] = [Number(match?.[1]), Number(match?.[2])];
      if (pid && ((pid === process.pid && gen < current - 1) || !alive(pid))) rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
  return join(parent, `${key}-${process.pid}-${current}`);
}

/** The problem list behind each failure, for the dev server (not `cause`: Astro would print it again). */
const failures = new WeakMap<Error, KnowledgeBaseError>();

/** The tree's problems, when `err` is the failure of a read of the tree. */
export const problemsOf = (err: unknown): KnowledgeBaseError | undefined => (err instanceof KnowledgeBaseError ? err : err instanceof Error ? failures.get(err) : undefined);

/** The problem list as a build failure or the dev overlay shows it. */
export const failureHint = (err: KnowledgeBaseError) => `${err.problems.map(formatProblem).join('\n')}\nFix each file named above and build again.`;

export function knowledgeBaseFailure(err: KnowledgeBaseError): AstroError {
  const error = new AstroError(err.message.split('\n')[0], failureHint(err));
  // The problem is in the content, not in our code: a stack trace would only send the
  // author to our files (and print absolute paths of the machine that built).
  error.stack = '';
  failures.set(error, err);
  return error;
}

/** A version's problems name it as git does a file at a ref: `v3.40.0:knowledge/ml/x.md`. */
const atVersion = (version: string, p: Problem): Problem => ({ ...p, file: `${version}:${p.file}` });
const inVersion = (version: string, err: KnowledgeBaseError) =>
  new KnowledgeBaseError(`version ${version}`, err.problems.map((p) => atVersion(version, p)), err.warnings.map((p) => atVersion(version, p)));

/** Reads, checks and renders the tree; fails with the problem list (knowledgeBaseFailure). */
export function readSite(source: SiteSource, settings: Settings, cacheDir: string, logger: LoaderContext['logger'], memo?: RenderMemo): Promise<LoadedSite> {
  const { contentDir: root, basePath: base, aliasesFile } = source;
  const key = `${root}\0${base}\0${aliasesFile ?? ''}\0${settings.ogImages ?? ''}`;
  return (async () => {
    const dir = bodiesDir(join(cacheDir, 'scaffold-kb'), createHash('sha256').update(key).digest('hex').slice(0, 16));
    const pack = new BodyPack(dir);
    let analysis;
    try {
      const renderOptions = { write: (kind: BodyKind, name: string, html: string) => pack.write(kind, name, html), releaseSources: !source.keepSources, memo };
      analysis = await analyseSite({ root, basePath: base, aliasesFile }, (tree, links) => renderTreeOnCores(tree, links, { ...renderOptions, projectRoot: process.cwd() }));
      // Former heading ids are known only once every body is rendered; the few entries with
      // anchor aliases are written again with them.
      for (const name of analysis.rendered.entries.keys()) {
        const formerIds = formerIdsByHeading(analysis.aliases, name);
        if (formerIds.size) pack.write('entries', name, withFormerIds(readBody(pack.span('entries', name)!), formerIds));
      }
    } catch (err) {
      if (err instanceof KnowledgeBaseError) throw knowledgeBaseFailure(source.version ? inVersion(source.version, err) : err);
      throw err;
    } finally {
      pack.close();
    }
    const { tree, rendered, warnings, aliases } = analysis;
    const shownAs = source.version ?? root;
    if (warnings.length && !source.quiet) logger.warn(`${warnings.length} warning(s) in ${shownAs}:\n${warnings.map((w) => formatProblem(source.version ? atVersion(source.version, w) : w)).join('\n')}`);
    const titles = new Map(tree.entries.map((e) => [e.name, entryTitle({ name: e.name, frontmatterTitle: (e.data as Record<string, unknown>).title, heading: rendered.entries.get(e.name)?.title })]));
    const model = buildSiteData(tree, titles, aliases, createLinks(base));
    const og = ogImagePolicy(settings.ogImages, tree.entries.length);
    if (!source.quiet) logger.info(`link-preview images${source.version ? ` of ${source.version}` : ''}: ${og.reason}`);
    const cards = buildCards(
      {
        entries: tree.entries.map((e) => ({ name: e.name, title: titles.get(e.name)!, description: e.data.description, domain: e.domain })),
        domains: [...new Set(tree.entries.map((e) => e.domain))].map((d) => ({ id: d, title: domainTitle(d) })),
        projectTypes: model.methodology.projectTypes.map((t) => typeCardSource(t, model.readingPaths.get(t.id)!, (n) => titles.get(n) ?? n)),
      },
      og.mode,
    );
    // A version's tree is an export of one commit: its files' own history is not there to read.
    const commits = !source.version && tree.entries.some((e) => !e.data['last-reviewed']) ? gitDates(root) : new Map<string, string>();
    const updated = new Map<string, { date: string; source: 'last-reviewed' | 'git' }>();
    for (const e of tree.entries) {
      const reviewed = e.data['last-reviewed'];
      const committed = commits.get(e.file);
      if (reviewed) updated.set(e.name, { date: reviewed, source: 'last-reviewed' });
      else if (committed) updated.set(e.name, { date: committed, source: 'git' });
    }
    return {
      source,
      tree,
      updated,
      cards,
      headings: new Map([...rendered.entries].map(([name, body]) => [name, body.headings])),
      ogMode: og.mode,
      titles,
      words: rendered.entryWords,
      aliases,
      model,
      entries: bodyRefs(pack, 'entries', rendered.entries),
      steps: bodyRefs(pack, 'steps', rendered.steps),
      domainIntros: bodyRefs(pack, 'domains', rendered.domainIntros),
    };
  })();
}

