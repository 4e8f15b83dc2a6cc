import type { Problem } from './problems';
import type { KnowledgeTree } from './types';

/** The longest file name most file systems (ext4, APFS, NTFS) and zip archives allow. */
export const MAX_FILE_NAME_BYTES = 255;

interface Output {
  /** The URL a name becomes, as its owner is told. */
  url: string;
  file: string;
  field: string;
  value: string;
}

/**
 * Each name that becomes a file or folder of the site, with the longest file it becomes:
 * an entry is `kb/<name>/`, `kb/<name>.md` and `og/kb/<name>.png`; a project type is
 * `types/<type>/`, `types/<type>.json` and `og/types/<type>.png`.
 */
function outputs(tree: KnowledgeTree): { outputs: Output[]; longest: (Output & { suffix: string })[] } {
  const out: Output[] = [];
  const longest: (Output & { suffix: string })[] = [];
  for (const e of tree.entries) {
    const owner = { file: e.file, field: 'name', value: e.name };
    out.push({ ...owner, url: `/kb/${e.name}/` }, { ...owner, url: `/kb/${e.name}.md` });
    longest.push({ ...owner, url: `/og/kb/${e.name}.png`, suffix: '.png' });
  }
  const types = new Map<string, string>();
  for (const o of tree.overlays) {
    const type = o.data['project-type'];
    if (type !== undefined && (!types.has(type) || o.data.domain === undefined)) types.set(type, o.file);
  }
  for (const [type, file] of types) {
    const owner = { file, field: 'project-type', value: type };
    out.push({ ...owner, url: `/types/${type}/` }, { ...owner, url: `/types/${type}.json` });
    longest.push({ ...owner, url: `/types/${type}.json`, suffix: '.json' });
  }
  const domains = new Map<string, string>();
  for (const d of [...tree.entries, ...tree.domainIntros]) if (!domains.has(d.domain)) domains.set(d.domain, `knowledge/${d.domain}/`);
  for (const [domain, file] of domains) {
    const owner = { file, field: 'folder name', value: domain };
    out.push({ ...owner, url: `/domains/${domain}/` });
    longest.push({ ...owner, url: `/og/domains/${domain}.png`, suffix: '.png' });
  }
  for (const s of tree.steps) out.push({ file: s.file, field: 'name', value: s.name, url: `/steps/${s.name}/` });
  return { outputs: out, longest };
}

const bytes = (s: string) => new TextEncoder().encode(s).length;

/**
 * Names the site cannot publish as files: too long for a file name, or one URL for two
 * things on a case-insensitive disk or host (`Data-Pipeline/` and `data-pipeline/`), or a
 * page that is another name's export (project type `foo.json` beside `foo`). Either would
 * fail at the end of a build, or ship pages that overwrite each other.
 */
export function outputNameProblems(tree: KnowledgeTree): Problem[] {
  const problems: Problem[] = [];
  const { outputs: all, longest } = outputs(tree);
  const reported = new Set<string>();
  for (const o of longest) {
    const limit = MAX_FILE_NAME_BYTES - o.suffix.length;
    const size = bytes(o.value);
    if (size <= limit || reported.has(`${o.file}\0${o.field}`)) continue;
    reported.add(`${o.file}\0${o.field}`);
    problems.push({
      file: o.file,
      field: o.field,
      expected: `expected a name of at most ${limit} bytes, so that ${o.url.replace(o.value, `<${o.field === 'folder name' ? 'folder' : o.field}>`)} fits the ${MAX_FILE_NAME_BYTES}-byte limit on file names`,
      found: `a name of ${size} bytes`,
    });
  }
  const groups = new Map<string, Output[]>();
  for (const o of all) {
    const key = o.url.replace(/\/$/, '').toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const pairs = new Set<string>();
  for (const group of groups.values()) {
    // The same name twice is a duplicate, which the uniqueness rules report.
    if (new Set(group.map((o) => o.value)).size < 2) continue;
    for (const o of group) {
      for (const other of group) {
        // A type and its twin collide at /types/x/ and /types/x.json: one line says it.
        const pair = `${o.file}\0${o.value}\0${other.file}\0${other.value}`;
        if (other.value === o.value || pairs.has(pair)) continue;
        pairs.add(pair);
        const caseOnly = other.url.toLowerCase() === o.url.toLowerCase();
        problems.push({
          file: o.file,
          field: o.field,
          expected: caseOnly
            ? `expected a name that differs from "${other.value}" (${other.file}) by more than letter case: ${o.url} and ${other.url} are one address on case-insensitive disks and hosts`
            : `expected a name whose address ${o.url} is not also ${other.url}, published for "${other.value}" (${other.file})`,
          found: JSON.stringify(o.value),
        });
      }
    }
  }
  return problems;
}
