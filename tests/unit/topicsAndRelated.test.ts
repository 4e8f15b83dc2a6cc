import { describe, expect, it } from 'vitest';
import { buildRelated } from '../../src/lib/kb/related';
import { buildTopics, topicSections } from '../../src/lib/kb/topics';
import type { KnowledgeEntry } from '../../src/lib/kb/types';

const e = (name: string, topics: string[]): KnowledgeEntry => ({
  name,
  domain: 'core',
  file: `knowledge/core/${name}.md`,
  body: '',
  data: { name, description: name, topics },
});

describe('topics', () => {
  it('should merge spellings that share a slug and count entries', () => {
    const topics = buildTopics([e('a', ['INVEST', 'testing']), e('b', ['invest']), e('c', ['invest'])]);
    expect(topics).toEqual([
      { slug: 'invest', label: 'invest', entries: ['a', 'b', 'c'] },
      { slug: 'testing', label: 'testing', entries: ['a'] },
    ]);
  });

  it('should split the index into letter sections with symbols last', () => {
    const sections = topicSections(buildTopics([e('a', ['zeta', 'alpha', '3d', 'beta'])]));
    expect(sections.map((s) => s.letter)).toEqual(['A', 'B', 'Z', '#']);
  });
});

describe('related entries', () => {
  it('should rank by shared topics then name', () => {
    const related = buildRelated([e('a', ['x', 'y', 'z']), e('b', ['x', 'y']), e('c', ['z']), e('d', ['q'])]);
    expect(related.get('a')).toEqual([
      { name: 'b', shared: 2 },
      { name: 'c', shared: 1 },
    ]);
    expect(related.get('d')).toEqual([]);
  });

  it('should ignore topics carried by a large share of the tree', () => {
    const many = Array.from({ length: 50 }, (_, i) => e(`n${i}`, ['common']));
    const related = buildRelated([...many, e('a', ['common', 'rare']), e('b', ['rare'])], { minCap: 10, maxTopicShare: 0.1 });
    expect(related.get('a')).toEqual([{ name: 'b', shared: 1 }]);
  });
});
