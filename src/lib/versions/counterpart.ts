/**
 * The version switcher: the same page in another published version, else the nearest one.
 * Pages are named by their route path below a version's base (`kb/ml-architecture/`,
 * `types/ml/`, `` for the home), which is how every version lays out its pages.
 */

/** What a version publishes, by route: enough to tell whether a page exists there. */
export interface VersionRoutes {
  entries: string[];
  types: string[];
  topics: string[];
  domains: string[];
  steps: string[];
  overlays: string[];
  presets: boolean;
}

export interface Counterpart {
  /** Route path in the target version. */
  path: string;
  /** Set when the page does not exist there: what was missing, for the line the landing page shows. */
  missing?: string;
}

export interface CounterpartContext {
  /** Entry renames from this version to the target (old name → new name, either direction in time). */
  renames: ReadonlyMap<string, string>;
  /** The project type whose reading path is the entry's home here, for landing near it. */
  homeType?: string;
}

const LISTS = new Set(['types', 'topics', 'domains', 'steps', 'search', 'about']);

export function counterpart(routePath: string, target: VersionRoutes, context: CounterpartContext): Counterpart {
  const [kind = '', id] = routePath.split('/').filter(Boolean).map(decodeURIComponent);
  const has = (list: string[]) => id !== undefined && list.includes(id);
  const same = { path: routePath };
  const home = (missing: string): Counterpart => ({ path: '', missing });
  if (!kind || (LISTS.has(kind) && id === undefined)) return same;
  switch (kind) {
    case 'kb': {
      if (has(target.entries)) return same;
      const renamed = context.renames.get(id!);
      if (renamed && target.entries.includes(renamed)) return { path: `kb/${encodeURIComponent(renamed)}/` };
      const type = context.homeType;
      if (type && target.types.includes(type)) return { path: `types/${encodeURIComponent(type)}/`, missing: id! };
      return home(id!);
    }
    case 'types':
      return has(target.types) ? same : home(id!);
    case 'topics':
      return has(target.topics) ? same : { path: 'topics/', missing: id! };
    case 'domains':
      return has(target.domains) ? same : { path: 'domains/', missing: id! };
    case 'steps':
      return has(target.steps) ? same : { path: 'steps/', missing: id! };
    case 'overlays':
      return has(target.overlays) ? same : home(id!);
    case 'presets':
      return target.presets ? same : home('presets');
    case 'changes':
      // Site-wide pages: every version's counterpart is its home.
      return { path: '' };
    default:
      return home(routePath);
  }
}
