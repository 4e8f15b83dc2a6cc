import { describe, expect, it } from 'vitest';
import { counterpart, type VersionRoutes } from '../../src/lib/versions/counterpart';
import { buildCrossVersion } from '../../src/lib/versions/crossVersion';
import type { VersionChanges } from '../../src/lib/versions/changes';
import type { VersionSnapshot } from '../../src/lib/versions/types';

const routes = (over: Partial<VersionRoutes> = {}): VersionRoutes => ({
  entries: ['ml-architecture', 'ml-security'],
  types: ['ml', 'data-pipeline'],
  topics: ['pii'],
  domains: ['ml'],
  steps: ['tech-stack'],
  overlays: ['multi-service'],
  presets: true,
  ...over,
});
const none = { renames: new Map<string, string>() };

describe('the same page in another version', () => {
  it('should keep a page the other version has', () => {
    for (const path of ['', 'kb/ml-security/', 'types/ml/', 'topics/pii/', 'domains/ml/', 'steps/tech-stack/', 'overlays/multi-service/', 'presets/', 'types/', 'search/', 'about/']) {
      expect(counterpart(path, routes(), none), path).toEqual({ path });
    }
  });

  it('should follow an entry renamed between the versions', () => {
    expect(counterpart('kb/ml-old/', routes(), { renames: new Map([['ml-old', 'ml-architecture']]) })).toEqual({ path: 'kb/ml-architecture/' });
  });

  it('should land a missing entry on its project type, else on the home, saying what was missing', () => {
    expect(counterpart('kb/brownfield-adoption/', routes(), { ...none, homeType: 'ml' })).toEqual({ path: 'types/ml/', missing: 'brownfield-adoption' });
    expect(counterpart('kb/brownfield-adoption/', routes(), { ...none, homeType: 'macos-native' })).toEqual({ path: '', missing: 'brownfield-adoption' });
    expect(counterpart('kb/brownfield-adoption/', routes(), none)).toEqual({ path: '', missing: 'brownfield-adoption' });
  });

  it('should land other missing pages on their list, or the home', () => {
    expect(counterpart('topics/watermarks/', routes(), none)).toEqual({ path: 'topics/', missing: 'watermarks' });
    expect(counterpart('steps/review-netcode/', routes(), none)).toEqual({ path: 'steps/', missing: 'review-netcode' });
    expect(counterpart('types/mcp-server/', routes(), none)).toEqual({ path: '', missing: 'mcp-server' });
    expect(counterpart('presets/', routes({ presets: false }), none)).toEqual({ path: '', missing: 'presets' });
    // Site-wide pages live once: every version's counterpart is its home, with nothing missing.
    expect(counterpart('changes/v3.40.0...v3.54.0/', routes(), none)).toEqual({ path: '' });
  });
});

/** What the switcher reads of a comparison: renamed entries and renamed headings. */
function step(older: string, newer: string, entries: [string, string][], sections: { name: string; formerName?: string; renamed: [string, string][] }[]): VersionChanges {
  const ref = (id: string) => ({ id, depth: 2, heading: id });
  return {
    older: { name: older, date: null },
    newer: { name: newer, date: null },
    entries: {
      added: [],
      removed: [],
      renamed: entries.map(([from, to]) => ({ from, to, by: 'content' as const, title: to })),
      changed: sections.map((s) => ({
        name: s.name,
        title: s.name,
        ...(s.formerName && { formerName: s.formerName }),
        sections: { added: [], removed: [], reworded: [], renamed: s.renamed.map(([a, b]) => ({ from: ref(a), to: ref(b), by: 'content' as const })) },
      })),
    },
    types: [],
  };
}

const snapshot = (name: string) => ({ name, tree: { entries: [], domainIntros: [] }, model: { methodology: { projectTypes: [], crossCutting: [] }, topics: [], stepPages: [], presets: [] } }) as unknown as VersionSnapshot;

describe('renames across several releases', () => {
  const snapshots = ['v1', 'v2', 'v3'].map(snapshot);
  // v1 → v2: entry a becomes b, its heading x becomes y; v2 → v3: heading y becomes z, and entry b's heading p becomes q.
  const cross = buildCrossVersion(snapshots, [
    step('v1', 'v2', [['a', 'b']], [{ name: 'b', formerName: 'a', renamed: [['x', 'y']] }]),
    step('v2', 'v3', [], [{ name: 'b', renamed: [['y', 'z'], ['p', 'q']] }]),
  ]);

  it('should chain renames release by release', () => {
    expect(cross.entryRenames.get('v1>v3')).toEqual(new Map([['a', 'b']]));
    expect(cross.anchorRenames.get('v1>v2')?.get('a')).toEqual(new Map([['x', 'y']]));
    expect(cross.anchorRenames.get('v1>v3')?.get('a')).toEqual(new Map([['x', 'z'], ['p', 'q']]));
  });

  it('should undo them going back in time', () => {
    expect(cross.entryRenames.get('v3>v1')).toEqual(new Map([['b', 'a']]));
    expect(cross.anchorRenames.get('v3>v1')?.get('b')).toEqual(new Map([['z', 'x'], ['q', 'p']]));
    expect(cross.anchorRenames.get('v2>v1')?.get('b')).toEqual(new Map([['y', 'x']]));
  });

  it('should know every pair and nothing for a release compared with itself', () => {
    expect([...cross.entryRenames.keys()].sort()).toEqual(['v1>v2', 'v1>v3', 'v2>v1', 'v2>v3', 'v3>v1', 'v3>v2']);
    expect(cross.entryRenames.get('v2>v3')).toEqual(new Map());
  });
});
