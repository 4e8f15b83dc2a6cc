import { describe, expect, it } from 'vitest';
import { entryTitle, lostSpellings, titleFromName, typeTitle } from '../../src/lib/kb/titles';

describe('titleFromName', () => {
  it('should title-case plain words', () => {
    expect(titleFromName('data-pipeline-security')).toBe('Data Pipeline Security');
  });

  it('should keep acronyms and brand spellings', () => {
    expect(titleFromName('ml-security')).toBe('ML Security');
    expect(titleFromName('backend-api-design')).toBe('Backend API Design');
    expect(titleFromName('macos-swiftui-appkit-interop')).toBe('macOS SwiftUI AppKit Interop');
    expect(titleFromName('macos-privacy-tcc')).toBe('macOS Privacy TCC');
    expect(titleFromName('game-modding-ugc')).toBe('Game Modding UGC');
    expect(titleFromName('mcp-sdk-selection')).toBe('MCP SDK Selection');
    expect(titleFromName('macos-ci-release-automation')).toBe('macOS CI Release Automation');
    expect(titleFromName('web3-gas-optimization')).toBe('Web3 Gas Optimization');
    expect(titleFromName('ios-oauth-grpc-graphql-dbt-json-sql')).toBe('iOS OAuth gRPC GraphQL dbt JSON SQL');
  });

  it('should keep minor words lower case except first', () => {
    expect(titleFromName('macos-keyboard-and-menus')).toBe('macOS Keyboard and Menus');
    expect(titleFromName('web3-oracles-and-external-data')).toBe('Web3 Oracles and External Data');
    expect(titleFromName('and-then')).toBe('And Then');
  });

  it('should ignore doubled hyphens', () => {
    expect(titleFromName('api--design')).toBe('API Design');
  });
});

describe('entryTitle', () => {
  it('should prefer frontmatter title, then the heading, then the name', () => {
    expect(entryTitle({ name: 'ml-security', frontmatterTitle: 'Securing models', heading: 'ML security' })).toBe('Securing models');
    expect(entryTitle({ name: 'ml-security', heading: 'Model security' })).toBe('Model security');
    expect(entryTitle({ name: 'ml-security' })).toBe('ML Security');
  });

  it('should ignore an empty or non-string frontmatter title', () => {
    expect(entryTitle({ name: 'ml-security', frontmatterTitle: '  ' })).toBe('ML Security');
    expect(entryTitle({ name: 'ml-security', frontmatterTitle: 42 })).toBe('ML Security');
    expect(entryTitle({ name: 'ml-security', heading: ' ' })).toBe('ML Security');
  });
});

describe('lostSpellings', () => {
  it('should find title-cased acronyms', () => {
    expect(lostSpellings('Ml Security')).toEqual(['Ml']);
    expect(lostSpellings('Macos Swiftui Appkit Interop')).toEqual(['Macos', 'Swiftui', 'Appkit']);
    expect(lostSpellings('Backend Api Design (Json)')).toEqual(['Api', 'Json']);
  });

  it('should accept correct spellings and ordinary words', () => {
    expect(lostSpellings('macOS SwiftUI AppKit Interop')).toEqual([]);
    expect(lostSpellings('Claude Code and Node.js tooling')).toEqual([]);
    expect(lostSpellings('ML Security')).toEqual([]);
  });
});

describe('typeTitle', () => {
  it("should spell a project type's id out in sentence case, keeping acronyms and brands", () => {
    expect(typeTitle('ml')).toBe('ML');
    expect(typeTitle('data-pipeline')).toBe('Data pipeline');
    expect(typeTitle('browser-extension')).toBe('Browser extension');
    expect(typeTitle('mcp-server')).toBe('MCP server');
    expect(typeTitle('macos-native')).toBe('macOS native');
    expect(typeTitle('web3')).toBe('Web3');
    expect(typeTitle('cli')).toBe('CLI');
  });

  it('should take the title the tree gives', () => {
    expect(typeTitle('ml', 'Machine learning')).toBe('Machine learning');
    expect(typeTitle('ml', '  ')).toBe('ML');
  });
});
