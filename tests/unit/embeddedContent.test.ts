import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/tree/loadTree';
import { buildMethodology } from '../../src/lib/kb/projectTypes';
import { indexSteps } from '../../src/lib/kb/stepIndex';

const names = (prefix: string, suffixes: string[]) => suffixes.map((s) => `${prefix}-${s}`).sort();

// The twelve entries scaffold 3.9.1 ships per project type (same names).
const DOMAINS: Record<string, string[]> = {
  'data-pipeline': names('data-pipeline', [
    'architecture', 'batch-patterns', 'conventions', 'dev-environment', 'orchestration', 'project-structure',
    'quality', 'requirements', 'schema-management', 'security', 'streaming-patterns', 'testing',
  ]),
  ml: names('ml', [
    'architecture', 'conventions', 'dev-environment', 'experiment-tracking', 'model-evaluation', 'observability',
    'project-structure', 'requirements', 'security', 'serving-patterns', 'testing', 'training-patterns',
  ]),
  'browser-extension': names('browser-extension', [
    'architecture', 'content-scripts', 'conventions', 'cross-browser', 'dev-environment', 'manifest',
    'project-structure', 'requirements', 'security', 'service-workers', 'store-submission', 'testing',
  ]),
};

// Topics per entry as scaffold 3.9.1 gives them: ml and browser-extension from the scope
// (../shared/content/scope-3.9.1.md, sections 4 and 5), data-pipeline from the 3.9.1 entries themselves.
// Topic pages are linked from wikis, so an entry keeps every topic 3.9.1 gives it.
const TOPICS: Record<string, string[]> = {
  'data-pipeline-architecture': ['data-pipeline', 'architecture', 'lambda', 'kappa', 'medallion', 'bronze-silver-gold', 'cdc', 'change-data-capture'],
  'data-pipeline-batch-patterns': ['data-pipeline', 'batch', 'dag', 'partitioning', 'incremental-load', 'backfill', 'dependency-management', 'airflow'],
  'data-pipeline-conventions': ['data-pipeline', 'conventions', 'naming', 'error-handling', 'idempotency', 'dead-letter', 'patterns'],
  'data-pipeline-dev-environment': ['data-pipeline', 'dev-environment', 'docker', 'local-development', 'sample-data', 'replay', 'test-fixtures'],
  'data-pipeline-orchestration': ['data-pipeline', 'orchestration', 'dag', 'event-driven', 'scheduling', 'retry-policies', 'sla-monitoring', 'lineage', 'airflow', 'prefect', 'dagster'],
  'data-pipeline-project-structure': ['data-pipeline', 'project-structure', 'dags', 'transforms', 'sinks', 'quality', 'config', 'tests'],
  'data-pipeline-quality': ['data-pipeline', 'data-quality', 'schema-validation', 'anomaly-detection', 'great-expectations', 'dbt', 'reconciliation', 'testing'],
  'data-pipeline-requirements': ['data-pipeline', 'requirements', 'sla', 'latency', 'throughput', 'freshness', 'data-quality', 'pii', 'gdpr', 'compliance'],
  'data-pipeline-schema-management': ['data-pipeline', 'schema-management', 'schema-registry', 'schema-evolution', 'breaking-changes', 'contract-testing', 'avro', 'protobuf'],
  'data-pipeline-security': ['data-pipeline', 'security', 'pii', 'encryption', 'access-control', 'audit-logging', 'gdpr', 'data-masking'],
  'data-pipeline-streaming-patterns': ['data-pipeline', 'streaming', 'event-time', 'processing-time', 'windowing', 'watermarks', 'exactly-once', 'flink', 'kafka-streams'],
  'data-pipeline-testing': ['data-pipeline', 'testing', 'unit-tests', 'integration-tests', 'data-quality-tests', 'performance-tests', 'tdd', 'pytest'],
  'ml-architecture': ['ml', 'architecture', 'feature-store', 'model-registry', 'inference', 'serving', 'training'],
  'ml-conventions': ['ml', 'conventions', 'reproducibility', 'versioning', 'config', 'experiments'],
  'ml-dev-environment': ['ml', 'dev-environment', 'conda', 'poetry', 'jupyter', 'gpu', 'docker', 'reproducibility'],
  'ml-experiment-tracking': ['ml', 'experiment-tracking', 'mlflow', 'wandb', 'artifacts', 'sweeps', 'reproducibility'],
  'ml-model-evaluation': ['ml', 'evaluation', 'train-test-split', 'cross-validation', 'metrics', 'holdout', 'slice-analysis'],
  'ml-observability': ['ml', 'observability', 'monitoring', 'drift', 'model-decay', 'explainability', 'alerting', 'prediction-logging'],
  'ml-project-structure': ['ml', 'project-structure', 'layout', 'organization', 'artifacts', 'notebooks'],
  'ml-requirements': ['ml', 'requirements', 'metrics', 'fairness', 'bias', 'sla', 'kpi'],
  'ml-security': ['ml', 'security', 'adversarial-attacks', 'data-poisoning', 'pii', 'model-ip', 'access-control'],
  'ml-serving-patterns': ['ml', 'serving', 'torchserve', 'triton', 'bentoml', 'inference', 'ab-testing', 'canary', 'deployment'],
  'ml-testing': ['ml', 'testing', 'unit-tests', 'model-tests', 'pipeline-tests', 'regression-tests', 'tdd'],
  'ml-training-patterns': ['ml', 'training', 'data-loaders', 'distributed-training', 'ddp', 'fsdp', 'checkpointing', 'hyperparameter-tuning'],
  'browser-extension-architecture': ['browser-extension', 'architecture', 'message-passing', 'state-synchronization', 'service-worker', 'content-scripts'],
  'browser-extension-content-scripts': ['browser-extension', 'content-scripts', 'dom-manipulation', 'isolated-worlds', 'css-injection', 'postmessage'],
  'browser-extension-conventions': ['browser-extension', 'conventions', 'naming', 'i18n', 'file-organization', 'messaging'],
  'browser-extension-cross-browser': ['browser-extension', 'cross-browser', 'firefox', 'chrome', 'webextension-polyfill', 'compatibility', 'build-matrix'],
  'browser-extension-dev-environment': ['browser-extension', 'dev-environment', 'vite', 'webpack', 'hot-reload', 'web-ext', 'build'],
  'browser-extension-manifest': ['browser-extension', 'manifest', 'manifest-v3', 'permissions', 'content-scripts', 'service-worker', 'host-permissions'],
  'browser-extension-project-structure': ['browser-extension', 'project-structure', 'file-organization', 'build', 'icons'],
  'browser-extension-requirements': ['browser-extension', 'requirements', 'permissions', 'store-policies', 'accessibility', 'performance'],
  'browser-extension-security': ['browser-extension', 'security', 'csp', 'xss', 'permissions', 'least-privilege', 'eval'],
  'browser-extension-service-workers': ['browser-extension', 'service-worker', 'lifecycle', 'alarms', 'chrome-storage', 'event-driven', 'background'],
  'browser-extension-store-submission': ['browser-extension', 'store-submission', 'chrome-web-store', 'amo', 'listing-optimization', 'review-process', 'screenshots'],
  'browser-extension-testing': ['browser-extension', 'testing', 'puppeteer', 'playwright', 'unit-testing', 'e2e', 'smoke-tests', 'cross-browser'],
};

describe('the embedded knowledge base', () => {
  const { tree, warnings } = loadTree('content');
  const model = buildMethodology(tree, indexSteps(tree.steps));

  it('should load without problems or warnings', () => {
    expect(warnings).toEqual([]);
  });

  it('should hold exactly the three 3.9.1 domains', () => {
    expect([...new Set(tree.entries.map((e) => e.domain))].sort()).toEqual(Object.keys(DOMAINS).sort());
  });

  describe.each(Object.entries(DOMAINS))('%s', (domain, expected) => {
    const entries = tree.entries.filter((e) => e.domain === domain);

    it('should hold the twelve entries scaffold 3.9.1 names', () => {
      expect(entries.map((e) => e.name).sort()).toEqual(expected);
    });

    it.each(expected)('%s: 3.9.1 topics (6–10, or 3.9.1\'s own count), Summary, Deep Guidance, Pitfalls, 150–350 lines, frontmatter filled', (name) => {
      const e = entries.find((x) => x.name === name);
      expect(e, `${name} is missing from content/knowledge/${domain}/`).toBeDefined();
      if (!e) return;
      const { data } = e;
      const upstream = TOPICS[name];
      expect(upstream, `3.9.1 topics of ${name} in this test`).toBeDefined();
      expect(data.topics.length, 'topics').toBeGreaterThanOrEqual(6);
      // House maximum 10, unless 3.9.1's own list is longer (data-pipeline-orchestration has 11).
      expect(data.topics.length, 'topics').toBeLessThanOrEqual(Math.max(10, upstream.length));
      // Exactly 3.9.1's topics. Where its list is shorter than six (browser-extension-project-structure
      // has five), the house minimum needs one more, so there a superset is what is checked.
      const missing = upstream.filter((t) => !data.topics.includes(t));
      expect(missing, 'topics 3.9.1 gives the entry').toEqual([]);
      if (upstream.length >= 6) expect([...data.topics].sort(), 'no topics beyond 3.9.1\'s').toEqual([...upstream].sort());
      expect(data.description.length, 'description length').toBeLessThanOrEqual(200);
      expect(e.body.trimStart(), 'opens with a paragraph, not a # heading').not.toMatch(/^#/);
      expect(e.body).toMatch(/^## Summary$/m);
      expect(e.body).toMatch(/^## Deep Guidance$/m);
      expect(e.body, 'a Pitfalls section').toMatch(/^##(#)? Pitfalls$/m);
      const lines = readFileSync(join('content', e.file), 'utf8').split('\n').length;
      expect(lines, 'lines').toBeGreaterThanOrEqual(150);
      expect(lines, 'lines').toBeLessThanOrEqual(350);
      expect(data.volatility, 'volatility').toBeDefined();
      expect(data['last-reviewed'], 'last-reviewed').toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect('version-pin' in data, 'version-pin present (a string, or null when nothing is version-specific)').toBe(true);
      expect(data.sources?.length ?? 0, 'sources').toBeGreaterThan(0);
      for (const s of data.sources ?? []) expect(s.url, 'source url').toMatch(/^https:\/\//);
    });

    it(`should inject every ${domain} entry at some step, and define every step it names`, () => {
      const type = model.projectTypes.find((t) => t.id === domain);
      expect(type, `${domain} project type`).toBeDefined();
      expect([...type!.entries].sort()).toEqual(expected);
      const named = [...type!.base!.phases.flatMap((p) => p.items.map((i) => i.step)), ...type!.base!.stepOverrides.map((s) => s.step)];
      for (const step of named) expect(tree.steps.some((s) => s.name === step), step).toBe(true);
      expect(type!.base!.phases.some((p) => p.phase === null)).toBe(false);
    });
  });
});
