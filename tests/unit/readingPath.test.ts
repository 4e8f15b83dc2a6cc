import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/tree/loadTree';
import { buildMethodology } from '../../src/lib/kb/projectTypes';
import { buildReadingPath, domainConfigKey, entryHomes, ownItems, readingMinutes, readingPathExport } from '../../src/lib/kb/readingPath';
import { countWords } from '../../src/lib/text';
import { indexSteps } from '../../src/lib/kb/stepIndex';
import { stepBlockId } from '../../src/lib/slugs';
import { entryPlace, pathItems, placeOnPath } from '../../src/lib/kb/entryPath';
import { entry, goodTree, step, tempTree } from '../helpers/tempTree';

function paths(root: string) {
  const { tree } = loadTree(root);
  const index = indexSteps(tree.steps);
  const methodology = buildMethodology(tree, index);
  return methodology.projectTypes.map((t) => buildReadingPath(t, index, tree.presets));
}

const overlay = (type: string, body: string) => `name: ${type}\ndescription: ${type} projects.\nproject-type: ${type}\n${body}`;

/** Two types over three steps; the steps name base knowledge, the overlays add, remove, replace and toggle. */
function richTree() {
  return tempTree({
    'knowledge/core/testing.md': entry('testing'),
    'knowledge/core/arch.md': entry('arch'),
    'knowledge/core/old-way.md': entry('old-way'),
    'knowledge/core/shared-extra.md': entry('shared-extra'),
    'knowledge/web/web-arch.md': entry('web-arch'),
    'knowledge/web/web-testing.md': entry('web-testing'),
    'knowledge/web/web-new-way.md': entry('web-new-way'),
    'knowledge/web/web-pay.md': entry('web-pay'),
    'knowledge/cli/cli-arch.md': entry('cli-arch'),
    'knowledge/game/game-ai.md': entry('game-ai'),
    'pipeline/foundation/tdd.md': step('tdd', 'foundation', 250).replace('knowledge-base: []', 'knowledge-base: [testing, old-way]'),
    'pipeline/architecture/system-architecture.md': step('system-architecture', 'architecture', 710).replace('knowledge-base: []', 'knowledge-base: [arch]'),
    'pipeline/architecture/ai-design.md': step('ai-design', 'architecture', 720, 'conditional: if-needed\n').replace('knowledge-base: []', 'knowledge-base: [game-ai]'),
    'pipeline/pre/create-prd.md': step('create-prd', 'pre', 110),
    'pipeline/quality/staging.md': step('staging', 'quality', 900),
    'methodology/deep.yml': 'name: deep\ndescription: Deep.\ndefault_depth: 5\nsteps:\n  ai-design: { enabled: false }\n  staging: { enabled: true, conditional: if-needed }\n',
    'methodology/mvp.yml': 'name: mvp\ndescription: Fast.\ndefault_depth: 1\nsteps:\n  ai-design: { enabled: false }\n  tdd: { enabled: false }\n',
    'methodology/web-overlay.yml': overlay(
      'web',
      'step-overrides:\n  staging: { enabled: false }\nknowledge-overrides:\n  system-architecture:\n    append: [web-arch, arch, shared-extra]\n  tdd:\n    prepend: [web-testing]\n    replace: { old-way: web-new-way }\n  create-prd:\n    append: [web-arch]\n  staging:\n    append: [web-testing]\n',
    ),
    'methodology/web-pay.yml': 'name: web-pay\ndescription: Payments.\nproject-type: web\ndomain: pay\nknowledge-overrides:\n  system-architecture:\n    append: [web-pay, web-arch]\n',
    'methodology/cli-overlay.yml': overlay('cli', 'step-overrides:\n  ai-design: { enabled: true }\nknowledge-overrides:\n  tdd:\n    remove: [old-way]\n  system-architecture:\n    append: [cli-arch, shared-extra]\n'),
  });
}

describe('reading path', () => {
  const [cli, web] = paths(richTree());

  it('should list every entry once, in order of first need (phase, then step)', () => {
    expect(web.items.map((i) => i.name)).toEqual(['web-arch', 'web-testing', 'testing', 'web-new-way', 'arch', 'shared-extra', 'web-pay']);
    expect(web.items.find((i) => i.name === 'web-arch')).toMatchObject({ firstStep: 'create-prd', steps: ['create-prd', 'system-architecture'] });
  });

  it("should tell the type's own entries from base knowledge every type gets", () => {
    const origin = Object.fromEntries(web.items.map((i) => [i.name, i.origin]));
    expect(origin).toEqual({
      'web-arch': 'type', 'web-testing': 'type', testing: 'base', 'web-new-way': 'type', arch: 'type', 'shared-extra': 'type', 'web-pay': 'domain',
    });
    expect(web.items.find((i) => i.name === 'web-pay')!.domain).toBe('pay');
    expect(ownItems(web).map((i) => i.name)).toEqual(['web-arch', 'web-testing', 'web-new-way', 'arch', 'shared-extra', 'web-pay']);
  });

  it("should give each step its complete knowledge: the step's own list after removals and replacements, plus the overlay's", () => {
    const blocks = new Map(web.phases.flatMap((p) => p.items).map((b) => [b.step, b]));
    expect(blocks.get('tdd')!.entries).toEqual([
      { name: 'web-testing', origin: 'type' },
      { name: 'testing', origin: 'base' },
      { name: 'web-new-way', origin: 'type' },
    ]);
    expect(blocks.get('system-architecture')!.entries.map((e) => `${e.name}:${e.origin}`)).toEqual(['arch:type', 'web-arch:type', 'shared-extra:type', 'web-pay:domain']);
    const cliTdd = cli.phases.flatMap((p) => p.items).find((b) => b.step === 'tdd')!;
    expect(cliTdd.entries).toEqual([{ name: 'testing', origin: 'base' }]);
  });

  it('should order step blocks by phase then step, with stable ids', () => {
    expect(web.phases.map((p) => [p.phase, p.items.map((b) => b.id)])).toEqual([
      ['pre', ['step-create-prd']],
      ['foundation', ['step-tdd']],
      ['architecture', ['step-system-architecture']],
      ['quality', ['step-staging']],
    ]);
    expect(stepBlockId('tdd')).toBe('step-tdd');
  });

  it('should mark steps skipped or conditional, the overlay winning over the deepest preset and the step', () => {
    const status = (p: typeof web, s: string) => {
      const b = p.phases.flatMap((g) => g.items).find((x) => x.step === s);
      return b && [b.status, b.condition, b.statusSource];
    };
    expect(status(web, 'staging')).toEqual(['skipped', undefined, 'web overlay']);
    expect(status(web, 'tdd')).toEqual(['runs', undefined, 'step definition']);
    // Skipped by the deepest preset and named by no web overlay: no block, its knowledge not in the path.
    expect(status(web, 'ai-design')).toBeUndefined();
    expect(web.items.some((i) => i.name === 'game-ai')).toBe(false);
    // The cli overlay switches it on; the step itself says "if-needed", and is named as the source of the condition.
    expect(status(cli, 'ai-design')).toEqual(['conditional', 'if-needed', 'step definition']);
    expect(cli.items.map((i) => i.name)).toContain('game-ai');
  });

  it("should leave a skipped step's knowledge out of the path", () => {
    // web-testing is also appended at the skipped staging step; it is in the path through tdd only.
    expect(web.items.find((i) => i.name === 'web-testing')!.steps).toEqual(['tdd']);
    const [webApp] = paths(goodTree());
    expect(webApp.items.map((i) => i.name)).toEqual(['alpha', 'beta']);
    const tdd = webApp.phases.flatMap((p) => p.items).find((b) => b.step === 'tdd')!;
    expect(tdd).toMatchObject({ status: 'skipped', entries: [{ name: 'gamma', origin: 'domain', domain: 'fintech' }] });
  });

  it('should give an entry a home only when exactly one type adds it', () => {
    const homes = entryHomes([cli, web]);
    expect(homes.get('web-arch')).toBe('web');
    expect(homes.get('cli-arch')).toBe('cli');
    expect(homes.get('web-pay')).toBe('web');
    expect(homes.has('shared-extra')).toBe(false);
    expect(homes.has('testing')).toBe(false);
  });

  it('should export a JSON-ready view', () => {
    const out = readingPathExport(web, (n) => ({ title: n.toUpperCase(), description: `d ${n}`, url: `/kb/${n}/`, words: 660 }));
    expect(out.readingPath[0]).toEqual({
      name: 'web-arch', title: 'WEB-ARCH', description: 'd web-arch', url: '/kb/web-arch/', readingMinutes: 3, origin: 'type', firstStep: 'create-prd', steps: ['create-prd', 'system-architecture'],
    });
    expect(out.steps.find((s) => s.step === 'staging')).toMatchObject({ id: 'step-staging', phase: 'quality', status: 'skipped' });
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });
});

describe('reading time', () => {
  it('should count words, not punctuation or markup', () => {
    expect(countWords('## Title\n\nOne two, three — four.\n\n- five\n')).toBe(6);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(1100)).toBe(5);
  });
});

describe('domainConfigKey', () => {
  it("should take the reference's key, else scaffold's camel-case convention", () => {
    expect(domainConfigKey('backend')).toBe('backendConfig');
    expect(domainConfigKey('data-pipeline')).toBe('dataPipelineConfig');
    expect(domainConfigKey('research', 'researchSettings')).toBe('researchSettings');
  });
});

describe('entryPlace', () => {
  const [cli, web] = paths(richTree());
  const homes = entryHomes([cli, web]);
  const home = (name: string) => {
    const type = homes.get(name);
    return type ? { type, items: pathItems((type === 'web' ? web : cli).items) } : undefined;
  };

  it("should put an entry whose home is one type on that type's whole path, with the landing's numbers", () => {
    const place = entryPlace('web-new-way', 'web', home('web-new-way'), []);
    // The whole path is web-arch, web-testing, testing (base), web-new-way, …: the landing numbers it 4th.
    expect(place).toMatchObject({ kind: 'type', id: 'web', ownOnly: false, index: 3, prev: 'testing', next: 'arch' });
    expect(place.items.map((i) => i.name)).toEqual(web.items.map((i) => i.name));
    expect(place.items.find((i) => i.name === 'testing')?.own).toBe(false);
    expect(entryPlace('web-arch', 'web', home('web-arch'), []).prev).toBeUndefined();
    expect(entryPlace('web-pay', 'web', home('web-pay'), []).next).toBeUndefined();
  });

  it('should follow the domain for shared entries', () => {
    const place = entryPlace('testing', 'core', home('testing'), ['arch', 'old-way', 'testing']);
    expect(place).toMatchObject({ kind: 'domain', id: 'core', index: 2, prev: 'old-way', next: undefined });
  });
});

describe('placeOnPath', () => {
  const [, web] = paths(richTree());
  const items = pathItems(web.items);

  it("should place base knowledge on a type's whole path, which the reader followed from the landing", () => {
    expect(placeOnPath('testing', 'web', items)).toMatchObject({ kind: 'type', id: 'web', index: 2, prev: 'web-testing', next: 'web-new-way' });
  });

  it("should walk only the type's own entries when the reader chose them, skipping base knowledge", () => {
    const place = placeOnPath('web-new-way', 'web', items, true)!;
    expect(place.items.map((i) => i.name)).toEqual(['web-arch', 'web-testing', 'web-new-way', 'arch', 'shared-extra', 'web-pay']);
    expect(place).toMatchObject({ ownOnly: true, index: 2, prev: 'web-testing', next: 'arch' });
    expect(placeOnPath('testing', 'web', items, true)).toBeUndefined();
  });

  it('should say so when the path does not hold the entry', () => {
    expect(placeOnPath('cli-arch', 'web', items)).toBeUndefined();
  });
});
