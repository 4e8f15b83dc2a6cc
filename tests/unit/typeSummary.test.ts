import { describe, expect, it } from 'vitest';
import { typeSummary } from '../../src/lib/kb/typeSummary';

const type = (description: string) => ({ description });

describe('typeSummary', () => {
  it("should say what an upstream overlay covers in the reader's terms, not how it is wired", () => {
    expect(
      typeSummary(
        type('Machine learning overlay — injects ML domain knowledge into existing\n  pipeline steps for model training, serving, experiment tracking, evaluation,\n  observability, and MLOps patterns.\n'),
        [],
      ),
    ).toBe('Machine learning: model training, serving, experiment tracking, evaluation, observability, and MLOps patterns.');
    expect(typeSummary(type('Web3 overlay — injects smart-contract domain knowledge (EVM chains) into existing pipeline steps for contract architecture, security, and audit workflow.'), [])).toBe(
      'Web3: contract architecture, security, and audit workflow.',
    );
    expect(typeSummary(type('Fintech domain sub-overlay — adds compliance, ledger design, and risk management knowledge to backend projects.'), [])).toBe(
      'Fintech: compliance, ledger design, and risk management.',
    );
  });

  it('should fall back on what the type adds when its overlay only describes its mechanics', () => {
    const game = type('Game development overlay — adds game-specific steps, injects game knowledge into existing steps, and remaps artifact references for game projects.');
    expect(typeSummary(game, ['Game Design Document', 'Game Engine Selection', 'Game Audio', 'Game Networking'])).toBe(
      'Game development: 4 entries written for it, among them Game Design Document, Game Engine Selection and Game Audio.',
    );
    expect(typeSummary(type('MCP Server overlay — an MCP server has no UI, so the design-system and UX steps are disabled.'), ['MCP Protocol'])).toBe('MCP Server: 1 entry written for it: MCP Protocol.');
    expect(typeSummary(type('Empty overlay — remaps artifact references.'), [])).toBe('Empty.');
  });

  it('should keep a description written for readers as its author wrote it', () => {
    const own = 'Adds machine-learning guidance to the standard steps when the project trains models.';
    expect(typeSummary(type(own), ['ML Requirements'])).toBe(own);
  });
});
