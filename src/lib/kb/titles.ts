/**
 * The one rule for an entry's human title. Every page, `<title>`, card, list, search result,
 * OG image and export takes the title from here (through the site model), never from the name.
 *
 * Order: frontmatter `title` → the body's leading `# ` heading → the name in title case.
 */

/**
 * Words a naive title case would mangle ("Ml", "Macos", "Swiftui"), keyed by their lower-case
 * form as it appears between hyphens of an entry name. Built from every entry name of the
 * upstream scaffold tree plus common terms; extend it when a new name loses its spelling.
 */
export const KNOWN_WORDS: ReadonlyMap<string, string> = new Map(
  [
    'ADR', 'AI', 'API', 'APIs', 'AR', 'AWS', 'CD', 'CI', 'CLI', 'CLIs', 'CORS', 'CQRS', 'CRUD', 'CSP', 'CSS', 'CSV', 'DB', 'DDD',
    'DNS', 'DX', 'E2E', 'ETL', 'ELT', 'GCP', 'GDPR', 'HIG', 'HTML', 'HTTP', 'HTTPS', 'IaC', 'ID', 'IDs', 'IPC', 'JS', 'JSON',
    'JWT', 'K8s', 'KPI', 'LLM', 'LLMs', 'MCP', 'ML', 'MLOps', 'MVP', 'ORM', 'PII', 'PR', 'PRD', 'PRs', 'QA', 'RAG', 'REST',
    'RPC', 'SaaS', 'SDK', 'SDKs', 'SEO', 'SLA', 'SLO', 'SLOs', 'SQL', 'SSO', 'SSR', 'TCC', 'TDD', 'TLS', 'TS', 'UGC', 'UI',
    'URL', 'URLs', 'UX', 'VCS', 'VR', 'WASM', 'XR', 'YAML', 'iOS', 'iPadOS', 'macOS', 'watchOS', 'tvOS', 'visionOS',
    'SwiftUI', 'AppKit', 'UIKit', 'OAuth', 'gRPC', 'GraphQL', 'dbt', 'npm', 'pnpm', 'PyPI', 'PyTorch', 'TensorFlow',
    'JavaScript', 'TypeScript', 'GitHub', 'GitLab', 'WebSocket', 'WebSockets', 'WebAssembly', 'WebGL', 'WebGPU',
    'NoSQL', 'PostgreSQL', 'MySQL', 'SQLite', 'MongoDB', 'DynamoDB', 'LiveOps', 'dApp', 'dApps', 'DeFi', 'NFT', 'NFTs',
    'EVM', 'ERC', 'Web3', 'OpenAPI', 'AsyncAPI', 'gRPC-Web', 'Xcode', 'CloudKit', 'CoreData', 'StoreKit',
  ].map((w) => [w.toLowerCase(), w]),
);

/** Short words kept lower case inside a title ("Keyboard and Menus"), capitalised first. */
const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'via', 'with']);

/**
 * `macos-swiftui-appkit-interop` → `macOS SwiftUI AppKit Interop`. A known word keeps its
 * spelling even first in the title (`iOS Testing`, `dbt Models`): that is how its owners write it.
 * `sentence` case capitalises only the first word (`data-pipeline` → `Data pipeline`), for names
 * that read as a noun phrase in running text, such as project types.
 */
export function titleFromName(name: string, { sentence = false }: { sentence?: boolean } = {}): string {
  return name
    .split('-')
    .filter((w) => w.length > 0)
    .map((w, i) => {
      const lower = w.toLowerCase();
      const known = KNOWN_WORDS.get(lower);
      if (known) return known;
      if (i > 0 && (sentence || MINOR_WORDS.has(lower))) return lower;
      return w[0].toUpperCase() + w.slice(1);
    })
    .join(' ');
}

/**
 * A project type's human name: the `title` its configuration reference or overlay gives, else its
 * id in sentence case through the same known words as entry titles (`ml` → `ML`, `web-app` → `Web app`).
 */
export function typeTitle(id: string, given?: string): string {
  return given?.trim() || titleFromName(id, { sentence: true });
}

export interface TitleSources {
  name: string;
  /** Frontmatter `title`, if the entry has one (unknown type: frontmatter is user input). */
  frontmatterTitle?: unknown;
  /** Text of the body's leading `# ` heading. */
  heading?: string;
}

export function entryTitle({ name, frontmatterTitle, heading }: TitleSources): string {
  if (typeof frontmatterTitle === 'string' && frontmatterTitle.trim()) return frontmatterTitle.trim();
  if (heading && heading.trim()) return heading.trim();
  return titleFromName(name);
}

/**
 * Title-case words that are lost acronyms or brand spellings ("Ml", "Api", "Macos"): what a
 * title must never contain. Used by build checks; exported so other outputs can check theirs.
 */
export function lostSpellings(title: string): string[] {
  const found: string[] = [];
  const titleCased = (w: string) => w[0].toUpperCase() + w.slice(1).toLowerCase();
  for (const word of title.split(/[^A-Za-z0-9]+/)) {
    const known = word && KNOWN_WORDS.get(word.toLowerCase());
    // "Ml" for ML counts; "ml" in prose does not, nor a word whose own spelling is title case (Kafka).
    if (known && word !== known && word === titleCased(word) && known !== titleCased(known)) found.push(word);
  }
  return found;
}

/** A domain's page title: the folder name as written, which is what the tree calls it. */
export function domainTitle(domain: string): string {
  return `Domain: ${domain}`;
}
