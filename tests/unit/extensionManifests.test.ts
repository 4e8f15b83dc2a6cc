import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeFailure, fencesIn } from '../support/codeFences';
import { mv3Problems } from '../support/mv3Manifest';

const DOMAIN = 'content/knowledge/browser-extension';
const MANIFEST_ENTRY = `${DOMAIN}/browser-extension-manifest.md`;

// Every ```json block in the browser-extension entries that is (or claims to be) a manifest.
const samples = fencesIn(DOMAIN).filter((f) => f.lang === 'json' && f.code.includes('"manifest_version"'));

describe('manifest.json samples in the browser-extension entries', () => {
  it('should exist, so the check cannot pass vacuously', () => {
    expect(samples.length, `no \`\`\`json block with "manifest_version" under ${DOMAIN}`).toBeGreaterThan(0);
  });

  it('should be checked against the rules the manifest entry states', () => {
    // The rules encoded in tests/support/mv3Manifest.ts mirror this section; if it goes, so must they.
    const entry = readFileSync(MANIFEST_ENTRY, 'utf8');
    const section = /^### Rules every MV3 manifest follows$([\s\S]*?)^##/m.exec(entry)?.[1] ?? '';
    expect(section, 'rules section of browser-extension-manifest.md').not.toBe('');
    for (const word of ['manifest_version', '75', '65535', '132', 'browser_action', 'background.service_worker',
      'host_permissions', 'web_accessible_resources', 'extension_ids', 'content_security_policy']) {
      expect(section, `the rules section mentions ${word}`).toContain(word);
    }
  });

  it.each(samples.map((f) => [`${f.file}:${f.line}`, f] as const))('%s is valid JSON and follows the MV3 rules', (_where, fence) => {
    let manifest: unknown;
    try {
      manifest = JSON.parse(fence.code);
    } catch (e) {
      expect.fail(describeFailure({ fence, error: `JSON: ${(e as Error).message}` }));
    }
    const problems = mv3Problems(manifest).map((p) => describeFailure({ fence, error: p }));
    expect(problems, `\n${problems.join('\n')}\n`).toEqual([]);
  });
});

// The checker must be able to fail: one manifest per rule, each breaking exactly that rule.
describe('the MV3 rule checker', () => {
  const good = {
    manifest_version: 3,
    name: 'Sample',
    version: '1.2.3.4',
    description: 'A sample.',
    action: { default_popup: 'popup.html' },
    background: { service_worker: 'sw.js', scripts: ['sw.js'], type: 'module' },
    permissions: ['storage', 'activeTab'],
    host_permissions: ['https://example.com/*', '<all_urls>'],
    web_accessible_resources: [{ resources: ['a.png'], matches: ['https://example.com/*'] }, { resources: ['b.png'], extension_ids: ['abc'] }],
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'", sandbox: "sandbox allow-scripts; script-src 'self' 'unsafe-eval'" },
  };

  it('should accept a manifest that follows every rule', () => {
    expect(mv3Problems(good)).toEqual([]);
    expect(mv3Problems({ manifest_version: 3, name: 'x'.repeat(75), version: '0', description: 'd'.repeat(132) })).toEqual([]);
  });

  it.each([
    ['rule 1', { manifest_version: 2 }],
    ['rule 1', { manifest_version: '3' }],
    ['rule 2', { name: 'x'.repeat(76) }],
    ['rule 3', { version: '1.02' }],
    ['rule 3', { version: '1.0.0-beta' }],
    ['rule 3', { version: '70000.0' }],
    ['rule 3', { version: '1.2.3.4.5' }],
    ['rule 3', { version: '' }],
    ['rule 4', { description: 'd'.repeat(133) }],
    ['rule 5', { browser_action: {} }],
    ['rule 5', { page_action: {} }],
    ['rule 6', { background: { service_worker: ['a.js', 'b.js'] } }],
    ['rule 6', { background: { page: 'bg.html', persistent: false } }],
    ['rule 7', { permissions: ['storage', '<all_urls>'] }],
    ['rule 7', { permissions: ['*://*/*'] }],
    ['rule 7', { optional_permissions: ['https://example.com/*'] }],
    ['rule 8', { web_accessible_resources: ['a.png'] }],
    ['rule 8', { web_accessible_resources: [{ resources: ['a.png'] }] }],
    ['rule 9', { content_security_policy: "script-src 'self'" }],
    ['rule 10', { content_security_policy: { extension_pages: "script-src 'self' https://cdn.example.com" } }],
  ] as const)('should report %s for %j', (rule, change) => {
    const problems = mv3Problems({ ...good, ...change });
    expect(problems.length, problems.join('\n')).toBeGreaterThan(0);
    expect(problems.every((p) => p.startsWith(`${rule}:`)), problems.join('\n')).toBe(true);
  });
});
