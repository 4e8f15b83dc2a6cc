/**
 * The relevance suite over the shared corpus: each query names the entry a reader expects in
 * the top 3, picked by reading the corpus (the entry whose title, heading or body is about it).
 * `section` names the heading id a section sub-result of that entry must point at.
 */
export interface RelevanceQuery {
  q: string;
  expect: string;
  section?: string;
}

export const RELEVANCE_QUERIES: RelevanceQuery[] = [
  // The examples.
  { q: 'watermarks', expect: 'data-pipeline-streaming-patterns', section: 'watermarks' },
  { q: 'PII', expect: 'data-pipeline-security' },
  { q: 'exactly-once', expect: 'data-pipeline-streaming-patterns', section: 'exactly-once-semantics' },
  { q: 'manifest v3', expect: 'browser-extension-manifest' },
  { q: 'service worker lifecycle', expect: 'browser-extension-service-workers', section: 'service-worker-lifecycle' },
  { q: 'feature store', expect: 'ml-architecture', section: 'feature-store-architecture' },
  { q: 'model drift', expect: 'ml-observability' },
  { q: 'dead letter queue', expect: 'backend-worker-patterns', section: 'dead-letter-queue-handling' },
  { q: 'backfill', expect: 'data-pipeline-batch-patterns', section: 'backfill-strategies' },
  { q: 'content security policy', expect: 'web-app-security', section: 'content-security-policy-implementation' },
  { q: 'idempotency', expect: 'multi-service-api-contracts' },
  { q: 'secrets rotation', expect: 'multi-service-auth', section: 'secret-rotation-strategies' },
  // Our own, one or two per domain.
  { q: 'keychain', expect: 'macos-keychain-secrets' },
  { q: 'notarization', expect: 'macos-notarization' },
  { q: 'gas optimization', expect: 'web3-gas-optimization' },
  { q: 'reentrancy', expect: 'web3-common-vulnerabilities', section: 'reentrancy' },
  { q: 'save system', expect: 'game-save-systems' },
  { q: 'netcode', expect: 'review-netcode' },
  { q: 'push notifications', expect: 'mobile-app-push-notifications' },
  { q: 'shell completion', expect: 'cli-shell-integration', section: 'shell-completion-generation' },
  { q: 'oracle', expect: 'web3-oracles-and-external-data' },
  { q: 'app sandbox entitlements', expect: 'macos-app-sandbox-entitlements' },
  { q: 'data versioning', expect: 'data-science-data-versioning' },
  { q: 'backtesting', expect: 'research-quant-backtesting' },
  { q: 'look-ahead bias', expect: 'research-quant-backtesting', section: 'look-ahead-bias-prevention' },
  { q: 'localization', expect: 'game-localization' },
  { q: 'tree-shaking', expect: 'library-bundling' },
  { q: 'semantic versioning', expect: 'release-management' },
  { q: 'offline sync', expect: 'mobile-app-offline-patterns' },
  { q: 'circuit breaker', expect: 'multi-service-resilience' },
  { q: 'canary deployment', expect: 'ml-serving-patterns' },
  { q: 'overfitting', expect: 'research-overfitting-prevention' },
  { q: 'sharpe ratio', expect: 'research-quant-metrics' },
  { q: 'session management', expect: 'web-app-session-patterns' },
  { q: 'mcp transport', expect: 'mcp-transport-patterns' },
  { q: 'hot reload', expect: 'browser-extension-dev-environment' },
];
