import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/tree/loadTree';

// Step -> appended entries, exactly as scaffold 3.9.1's overlays have them.
// ml and browser-extension: ../shared/content/scope-3.9.1.md, section 3.
// data-pipeline: scaffold's content/methodology/data-pipeline-overlay.yml as of the 3.9.x line (no step-overrides;
// its mapping equals v3.54's minus the staging-environments override, and it skips database steps).
const ML: Record<string, string[]> = {
  'create-prd': ['ml-requirements'],
  'user-stories': ['ml-requirements'],
  'coding-standards': ['ml-conventions'],
  'project-structure': ['ml-project-structure'],
  'dev-env-setup': ['ml-dev-environment'],
  'git-workflow': ['ml-conventions'],
  'system-architecture': ['ml-architecture', 'ml-training-patterns', 'ml-serving-patterns'],
  'tech-stack': ['ml-architecture'],
  adrs: ['ml-architecture'],
  'domain-modeling': ['ml-architecture'],
  security: ['ml-security'],
  operations: ['ml-experiment-tracking', 'ml-observability'],
  tdd: ['ml-testing'],
  'add-e2e-testing': ['ml-testing'],
  'create-evals': ['ml-testing', 'ml-model-evaluation'],
  'story-tests': ['ml-testing'],
  'review-architecture': ['ml-architecture', 'ml-training-patterns', 'ml-serving-patterns'],
  'review-security': ['ml-security'],
  'review-operations': ['ml-experiment-tracking', 'ml-observability'],
  'review-testing': ['ml-testing', 'ml-model-evaluation'],
  'implementation-plan': ['ml-architecture'],
};

const be = (...s: string[]) => s.map((x) => `browser-extension-${x}`);
const BROWSER_EXTENSION: Record<string, string[]> = {
  'create-prd': be('requirements'),
  'user-stories': be('requirements'),
  'coding-standards': be('conventions', 'manifest'),
  'project-structure': be('project-structure'),
  'dev-env-setup': be('dev-environment'),
  'git-workflow': be('conventions'),
  'system-architecture': be('architecture', 'service-workers'),
  'tech-stack': be('architecture', 'manifest'),
  adrs: be('architecture'),
  'domain-modeling': be('architecture'),
  'ux-spec': be('architecture'),
  'design-system': be('conventions'),
  security: be('security', 'content-scripts'),
  operations: be('store-submission'),
  tdd: be('testing', 'cross-browser'),
  'add-e2e-testing': be('testing', 'cross-browser'),
  'create-evals': be('testing'),
  'story-tests': be('testing'),
  'review-architecture': be('architecture', 'service-workers'),
  'review-ux': be('architecture'),
  'review-security': be('security', 'content-scripts'),
  'review-operations': be('store-submission'),
  'review-testing': be('testing', 'cross-browser'),
  'implementation-plan': be('architecture'),
};

const dp = (...s: string[]) => s.map((x) => `data-pipeline-${x}`);
const DATA_PIPELINE: Record<string, string[]> = {
  'create-prd': dp('requirements'),
  'user-stories': dp('requirements'),
  'coding-standards': dp('conventions'),
  'project-structure': dp('project-structure'),
  'dev-env-setup': dp('dev-environment'),
  'git-workflow': dp('conventions'),
  'system-architecture': dp('architecture', 'batch-patterns', 'streaming-patterns'),
  'tech-stack': dp('architecture'),
  adrs: dp('architecture'),
  'domain-modeling': dp('schema-management'),
  security: dp('security'),
  operations: dp('orchestration'),
  tdd: dp('testing', 'quality'),
  'add-e2e-testing': dp('testing'),
  'create-evals': dp('testing', 'quality'),
  'story-tests': dp('testing'),
  'review-architecture': dp('architecture', 'batch-patterns', 'streaming-patterns'),
  'review-security': dp('security'),
  'review-operations': dp('orchestration'),
  'review-testing': dp('testing', 'quality'),
  'implementation-plan': dp('architecture'),
};

const TABLES: Record<string, Record<string, string[]>> = {
  ml: ML,
  'browser-extension': BROWSER_EXTENSION,
  'data-pipeline': DATA_PIPELINE,
};

// The three steps the browser-extension overlay needs that the base pipeline lacked (3.9.1 values).
const NEW_STEPS = {
  'design-system': { phase: 'environment', order: 320, dependencies: ['dev-env-setup'], conditional: 'if-needed' },
  'ux-spec': { phase: 'specification', order: 850, dependencies: ['review-architecture'], conditional: 'if-needed' },
  'review-ux': { phase: 'specification', order: 860, dependencies: ['ux-spec'], conditional: 'if-needed' },
};

interface Field {
  type: 'enum' | 'boolean' | 'list';
  required: boolean;
  default?: unknown;
  flag: string;
  values: (string | boolean)[];
}
const BOOL = [true, false];

// Fields of each 3.9.1 config schema: types, allowed values, defaults, required, and the init flag.
const CONFIGS: Record<string, { key: string; fields: Record<string, Field> }> = {
  ml: {
    key: 'mlConfig',
    fields: {
      projectPhase: { type: 'enum', required: true, default: undefined, flag: '--ml-phase', values: ['training', 'inference', 'both'] },
      modelType: { type: 'enum', required: false, default: 'deep-learning', flag: '--ml-model-type', values: ['classical', 'deep-learning', 'llm'] },
      servingPattern: { type: 'enum', required: false, default: 'none', flag: '--ml-serving', values: ['none', 'batch', 'realtime', 'edge'] },
      hasExperimentTracking: { type: 'boolean', required: false, default: true, flag: '--ml-experiment-tracking', values: BOOL },
    },
  },
  'browser-extension': {
    key: 'browserExtensionConfig',
    fields: {
      manifestVersion: { type: 'enum', required: false, default: '3', flag: '--ext-manifest', values: ['2', '3'] },
      uiSurfaces: { type: 'list', required: false, default: ['popup'], flag: '--ext-ui-surfaces', values: ['popup', 'options', 'newtab', 'devtools', 'sidepanel'] },
      hasContentScript: { type: 'boolean', required: false, default: false, flag: '--ext-content-script', values: BOOL },
      hasBackgroundWorker: { type: 'boolean', required: false, default: true, flag: '--ext-background-worker', values: BOOL },
    },
  },
  'data-pipeline': {
    key: 'dataPipelineConfig',
    fields: {
      processingModel: { type: 'enum', required: true, default: undefined, flag: '--pipeline-processing', values: ['batch', 'streaming', 'hybrid'] },
      orchestration: { type: 'enum', required: false, default: 'none', flag: '--pipeline-orchestration', values: ['none', 'dag-based', 'event-driven', 'scheduled'] },
      dataQualityStrategy: { type: 'enum', required: false, default: 'validation', flag: '--pipeline-quality', values: ['none', 'validation', 'testing', 'observability'] },
      schemaManagement: { type: 'enum', required: false, default: 'none', flag: '--pipeline-schema', values: ['none', 'schema-registry', 'contracts'] },
      hasDataCatalog: { type: 'boolean', required: false, default: false, flag: '--pipeline-catalog', values: BOOL },
    },
  },
};

// Facts every reference must state as a rule (section 0 of the scope), plus the type's --auto behaviour.
const RULES: Record<string, RegExp[]> = {
  ml: [/--auto.*--ml-phase|--ml-phase.*--auto/, /inference.*servingPattern none|servingPattern none.*inference/],
  'browser-extension': [/--auto/, /uiSurfaces.*hasContentScript.*hasBackgroundWorker/],
  'data-pipeline': [/--auto.*--pipeline-processing|--pipeline-processing.*--auto/],
};
const COMMON_RULES = [/strict object/, /only valid.*projectType is /, /cannot be combined with another family/];

const sortValues = (v: (string | boolean)[]) => [...v].map(String).sort();

describe('the embedded overlays and configuration references', () => {
  const { tree } = loadTree('content');
  const overlay = (type: string) => tree.overlays.find((o) => o.data['project-type'] === type && !o.data.domain);

  describe.each(Object.entries(TABLES))('%s', (type, table) => {
    it('should map steps to entries exactly as scaffold 3.9.1 does', () => {
      const o = overlay(type);
      expect(o, `content/methodology/${type}-overlay.yml`).toBeDefined();
      const actual = Object.fromEntries(
        Object.entries(o!.data['knowledge-overrides']).map(([step, ov]) => [step, ov.append ?? []]),
      );
      expect(actual).toEqual(table);
      for (const [step, ov] of Object.entries(o!.data['knowledge-overrides'])) {
        expect(Object.keys(ov).filter((k) => k !== 'append'), `${step}: only append, as in 3.9.1`).toEqual([]);
      }
    });

    it('should have no step-overrides (3.9.1 has none)', () => {
      expect(overlay(type)?.data['step-overrides'] ?? {}).toEqual({});
    });

    it('should name every entry of its domain at some step', () => {
      const named = new Set(Object.values(table).flat());
      const domain = tree.entries.filter((e) => e.domain === type).map((e) => e.name).sort();
      expect(domain.length).toBe(12);
      expect(domain.filter((n) => !named.has(n))).toEqual([]);
      expect([...named].filter((n) => !domain.includes(n)), 'entries the overlay names that do not exist').toEqual([]);
    });

    it('should have a step file for every step it names', () => {
      const steps = new Set(tree.steps.map((s) => s.name));
      expect(Object.keys(table).filter((s) => !steps.has(s))).toEqual([]);
    });

    it('should list exactly the 3.9.1 config fields with their choices, defaults and flags', () => {
      const spec = CONFIGS[type];
      const doc = tree.projectTypeConfigs.find((c) => c.data['project-type'] === type);
      expect(doc, `content/project-types/${type}.yml`).toBeDefined();
      const config = doc!.data;
      expect(config['config-key']).toBe(spec.key);
      expect(config.options.map((o) => o.name).sort()).toEqual(Object.keys(spec.fields).sort());
      for (const option of config.options) {
        const field = spec.fields[option.name];
        if (!field) continue;
        expect(
          {
            type: option.type,
            required: option.required,
            default: option.default,
            flag: option.flag,
            values: sortValues(option.choices.map((c) => c.value)),
          },
          option.name,
        ).toEqual({ ...field, values: sortValues(field.values) });
        for (const c of option.choices) expect(c.meaning.trim(), `${option.name}=${String(c.value)} says what it means`).not.toBe('');
      }
    });

    it('should state the 3.9.1 validation rules', () => {
      const rules = tree.projectTypeConfigs.find((c) => c.data['project-type'] === type)?.data.rules ?? [];
      for (const re of [...COMMON_RULES, ...RULES[type]]) {
        expect(rules.some((r) => re.test(r)), `a rule matching ${re}`).toBe(true);
      }
    });
  });

  it('should give design-system, ux-spec and review-ux the phase, order, dependencies and conditional of 3.9.1', () => {
    for (const [name, expected] of Object.entries(NEW_STEPS)) {
      const step = tree.steps.find((s) => s.name === name);
      expect(step, `content/pipeline/*/${name}.md`).toBeDefined();
      const { phase, order, dependencies, conditional } = step!.data;
      expect({ phase, order, dependencies, conditional }, name).toEqual(expected);
      expect(step!.file, name).toBe(`pipeline/${expected.phase}/${name}.md`);
    }
  });

  it('should give every step file the outputs and reads it has in 3.9.1, and no base knowledge on purpose', () => {
    // 3.9.1 (April 2026) dispatched reviews to Codex and Gemini; Antigravity replaced Gemini in later releases.
    const review = (dir: string) => [`docs/reviews/review-${dir}.md`, ...['review-summary.md', 'codex-review.json', 'gemini-review.json'].map((f) => `docs/reviews/${dir}/${f}`)];
    // From scaffold's content/pipeline at tag v3.9.1. `reads` names steps whose outputs a step reads; most of those
    // steps (create-vision, api-contracts, ...) are not in this tree, which is fine: reads are not links.
    const expected: Record<string, { outputs: string[]; reads?: string[] }> = {
      'create-prd': { outputs: ['docs/plan.md'], reads: ['create-vision'] },
      'user-stories': { outputs: ['docs/user-stories.md'], reads: ['innovate-prd'] },
      'tech-stack': { outputs: ['docs/tech-stack.md'], reads: ['create-prd'] },
      'coding-standards': { outputs: ['docs/coding-standards.md'], reads: ['create-prd'] },
      tdd: { outputs: ['docs/tdd-standards.md'], reads: ['create-prd', 'system-architecture'] },
      'project-structure': { outputs: ['docs/project-structure.md'], reads: ['create-prd', 'user-stories', 'tdd'] },
      'dev-env-setup': { outputs: ['docs/dev-setup.md'], reads: ['tdd'] },
      'design-system': { outputs: ['docs/design-system.md', 'docs/coding-standards.md'], reads: ['create-prd'] },
      'git-workflow': { outputs: ['docs/git-workflow.md', 'scripts/setup-agent-worktree.sh', '.github/workflows/ci.yml', '.github/pull_request_template.md'] },
      'add-e2e-testing': { outputs: ['tests/screenshots/', 'maestro/', 'playwright.config.ts'], reads: ['coding-standards', 'user-stories'] },
      'domain-modeling': { outputs: ['docs/domain-models/'], reads: ['coding-standards', 'innovate-user-stories'] },
      adrs: { outputs: ['docs/adrs/'], reads: ['create-prd', 'domain-modeling'] },
      'system-architecture': { outputs: ['docs/system-architecture.md'], reads: ['create-prd', 'domain-modeling', 'adrs'] },
      'review-prd': { outputs: ['docs/reviews/pre-review-prd.md', ...review('prd').slice(1)] },
      'review-user-stories': {
        outputs: ['docs/reviews/pre-review-user-stories.md', 'docs/reviews/user-stories/requirements-index.md', 'docs/reviews/user-stories/coverage.json', ...review('user-stories').slice(1)],
      },
      'review-domain-modeling': { outputs: review('domain-modeling') },
      'review-adrs': { outputs: review('adrs') },
      'review-architecture': { outputs: review('architecture'), reads: ['domain-modeling'] },
      'database-schema': { outputs: ['docs/database-schema.md'], reads: ['domain-modeling', 'system-architecture', 'adrs'] },
      'ux-spec': { outputs: ['docs/ux-spec.md'], reads: ['api-contracts', 'design-system'] },
      'review-ux': { outputs: review('ux'), reads: ['api-contracts'] },
      'review-testing': { outputs: review('testing'), reads: ['domain-modeling'] },
      'story-tests': { outputs: ['tests/acceptance/', 'docs/story-tests-map.md'], reads: ['tech-stack', 'coding-standards', 'project-structure', 'system-architecture', 'api-contracts', 'database-schema', 'ux-spec'] },
      'create-evals': { outputs: ['tests/evals/', 'docs/eval-standards.md'], reads: ['security', 'dev-env-setup', 'api-contracts', 'database-schema', 'ux-spec'] },
      operations: { outputs: ['docs/operations-runbook.md'], reads: ['system-architecture', 'adrs', 'dev-env-setup', 'git-workflow'] },
      'review-operations': { outputs: review('operations') },
      security: { outputs: ['docs/security-review.md'], reads: ['system-architecture', 'api-contracts', 'database-schema'] },
      'review-security': { outputs: review('security'), reads: ['api-contracts'] },
      'implementation-plan': { outputs: ['docs/implementation-plan.md'], reads: ['create-prd', 'story-tests', 'database-schema', 'api-contracts', 'ux-spec'] },
    };
    expect(tree.steps.map((s) => s.name).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, { outputs, reads }] of Object.entries(expected)) {
      const step = tree.steps.find((s) => s.name === name)!;
      expect({ outputs: step.data.outputs, reads: step.data.reads }, name).toEqual({ outputs, reads });
      // The embedded tree carries only the project types' own entries (README, landing pages): base knowledge
      // 3.9.1 names at a step is recorded in a comment in the step file, not in knowledge-base.
      expect(step.data['knowledge-base'], `${name}: knowledge-base`).toEqual([]);
      expect(readFileSync(join('content', step.file), 'utf8'), `${name}: says why knowledge-base is empty`).toMatch(/^# knowledge-base is empty on purpose: .*\n# .*scaffold 3\.9\.1 names \[[^\]]+\] here\.$/m);
    }
  });

  it('should keep database steps out of the data-pipeline overlay, as 3.9.1 does', () => {
    const steps = Object.keys(overlay('data-pipeline')?.data['knowledge-overrides'] ?? {});
    expect(steps).not.toContain('database-schema');
    expect(tree.steps.some((s) => s.name === 'staging-environments'), 'staging-environments step file').toBe(false);
  });
});
