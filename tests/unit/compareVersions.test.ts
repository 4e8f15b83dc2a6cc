import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions, type VersionChanges } from '../../src/lib/versions/changes';
import { changesSummary } from '../../src/lib/versions/changesSummary';
import { entry, goodTree } from '../helpers/tempTree';
import { versionSnapshot } from '../support/versionSnapshot';

const config = (options: string) => `project-type: web-app\nconfig-key: webAppConfig\ndescription: Web apps.\noptions:\n${options}`;
const option = (name: string, def: string) => `  - name: ${name}\n    type: enum\n    default: ${def}\n    description: The ${name}.\n    choices:\n      - { value: x, meaning: X. }\n      - { value: y, meaning: Y. }\n`;
const webApp = (system: string, toggles: string) =>
  `name: web-app\ndescription: Web apps.\nproject-type: web-app\nstep-overrides:\n${toggles}knowledge-overrides:\n  system-architecture:\n    append: [${system}]\n  create-prd:\n    append: [alpha]\n`;

/**
 * Two versions of the small test tree: beta reworded (description, intro, a heading renamed with
 * an anchor alias, a section added), gamma renamed to gamma-two (with an alias) and reworded,
 * delta new and injected instead of alpha at one step, a step override added, the configuration
 * reference changed, and a project type (cli) added.
 */
function twoVersions(): VersionChanges {
  const older = goodTree({
    'methodology/web-app-overlay.yml': webApp('beta, alpha', '  tdd: { enabled: false }\n'),
    'project-types/web-app.yml': config(option('colour', 'x') + option('size', 'x')),
  });
  const newer = goodTree({
    'knowledge/core/beta.md': entry(
      'beta',
      'anchor-aliases:\n  setup: install\n',
      '# Beta Guide\n\nNew intro.\n\n## Install\n\nSee [gamma](../ml/gamma-two.md#usage) and [missing](./nope.md).\n\n## Extra\n\nMore.\n',
    ).replace('About beta', 'Beta, revised'),
    'knowledge/ml/gamma-two.md': entry('gamma-two', 'aliases: [gamma]\n', '## Usage\n\nUse it well.\n'),
    'knowledge/core/delta.md': entry('delta'),
    'methodology/web-app-overlay.yml': webApp('beta, delta', '  tdd: { enabled: false }\n  create-prd: { enabled: true, conditional: if-needed }\n'),
    'methodology/web-app-fintech.yml': 'name: web-app-fintech\ndescription: Money.\nproject-type: web-app\ndomain: fintech\nknowledge-overrides:\n  tdd:\n    append: [gamma-two]\n',
    'methodology/multi-service-overlay.yml': 'name: multi-service\ndescription: Many services.\nknowledge-overrides:\n  tdd:\n    append: [gamma-two]\n',
    'methodology/cli-overlay.yml': 'name: cli\ndescription: CLIs.\nproject-type: cli\nknowledge-overrides:\n  create-prd:\n    append: [alpha]\n',
    'project-types/web-app.yml': config(option('colour', 'y') + option('shape', 'x')),
  });
  rmSync(join(newer, 'knowledge/ml/gamma.md'));
  return compareVersions(versionSnapshot(older, 'v1'), versionSnapshot(newer, 'v2'));
}

describe('comparing two versions of a small tree', () => {
  const changes = twoVersions();
  const webApp = changes.types.find((t) => t.type === 'web-app')!;

  it('should list entries added, removed, renamed and changed for the whole tree', () => {
    expect(changes.entries.added).toEqual([{ name: 'delta', title: 'Delta' }]);
    expect(changes.entries.removed).toEqual([]);
    expect(changes.entries.renamed).toEqual([{ from: 'gamma', to: 'gamma-two', by: 'alias', title: 'Gamma Two' }]);
    expect(changes.entries.changed.map((c) => [c.name, c.formerName])).toEqual([
      ['beta', undefined],
      ['gamma-two', 'gamma'],
    ]);
  });

  it('should say what changed inside an entry: description, intro, sections renamed, added and reworded', () => {
    const beta = changes.entries.changed.find((c) => c.name === 'beta')!;
    expect(beta.description).toEqual({ before: 'About beta', after: 'Beta, revised' });
    expect(beta.intro).toEqual([{ kind: 'added', text: 'New intro.' }]);
    expect(beta.sections.added).toEqual([{ id: 'extra', depth: 2, heading: 'Extra' }]);
    expect(beta.sections.removed).toEqual([]);
    expect(beta.sections.renamed).toEqual([
      {
        from: { id: 'setup', depth: 2, heading: 'Setup' },
        to: { id: 'install', depth: 2, heading: 'Install' },
        by: 'anchor-alias',
        diff: [
          { kind: 'same', text: 'See' },
          { kind: 'removed', text: ' [gamma](../ml/gamma.md#usage)' },
          { kind: 'added', text: ' [gamma](../ml/gamma-two.md#usage)' },
          { kind: 'same', text: ' and [missing](./nope.md).' },
        ],
      },
    ]);
    const gamma = changes.entries.changed.find((c) => c.name === 'gamma-two')!;
    expect(gamma.sections.reworded).toEqual([
      {
        id: 'usage',
        depth: 2,
        heading: 'Usage',
        diff: [
          { kind: 'same', text: 'Use' },
          { kind: 'removed', text: ' it.' },
          { kind: 'added', text: ' it well.' },
        ],
      },
    ]);
  });

  it('should follow the reading path of each type, with an entry new to the tree told apart', () => {
    expect(webApp.status).toBe('kept');
    expect(webApp.path.added).toEqual([{ name: 'delta', title: 'Delta', newEntry: true }]);
    expect(webApp.path.removed).toEqual([]);
    expect(webApp.path.changed).toEqual([{ name: 'beta', title: 'Beta Guide' }]);
  });

  it('should list overlay changes per file, counting a renamed entry as the same injection', () => {
    expect(webApp.overlays).toEqual([
      {
        overlay: 'web-app-overlay',
        file: 'methodology/web-app-overlay.yml',
        status: 'changed',
        injections: [{ step: 'system-architecture', injected: [{ name: 'delta', title: 'Delta' }], dropped: [{ name: 'alpha', title: 'Alpha' }] }],
        stepOverrides: [{ step: 'create-prd', change: 'added', after: { step: 'create-prd', enabled: true, conditional: 'if-needed' } }],
      },
    ]);
  });

  it('should list configuration options added, removed and given another default', () => {
    expect(webApp.config).toEqual({ added: ['shape'], removed: ['size'], defaults: [{ option: 'colour', before: 'x', after: 'y' }] });
  });

  it('should count and summarise the changes of each type in one sentence', () => {
    expect(webApp.changed).toBe(true);
    expect(changesSummary(webApp)).toBe(
      '1 entry added, 1 changed, 1 step injection added, 1 removed, 1 step override switched, 1 config option added, 1 removed, 1 config default changed.',
    );
    const cli = changes.types.find((t) => t.type === 'cli')!;
    expect(cli.status).toBe('added');
    expect(changesSummary(cli)).toBe('New project type: 1 entry added, 1 step injection added.');
  });

  it('should find nothing for a version compared with itself', () => {
    const root = goodTree();
    const same = compareVersions(versionSnapshot(root, 'v1'), versionSnapshot(root, 'v1'));
    expect(same.entries).toEqual({ added: [], removed: [], renamed: [], changed: [] });
    for (const t of same.types) {
      expect(t.changed).toBe(false);
      expect(changesSummary(t)).toBe('No changes.');
    }
  });
});
