import GithubSlugger from 'github-slugger';

/**
 * Ids the page chrome uses. Heading slugs are generated after them so a heading named
 * "Contents" can never steal the id of the table of contents.
 */
export const CHROME_IDS = ['kb-main', 'kb-toc', 'kb-search-input', 'kb-search-results', 'kb-search-page-input', 'kb-search-page-results', 'kb-used-by', 'kb-related', 'kb-sources', 'kb-base-knowledge', 'kb-by-type', 'kb-toggles', 'kb-definition', 'kb-entries', 'kb-announce'] as const;

/** GitHub-compatible heading ids, deduplicated per page (`setup`, `setup-1`, ...). */
export function createHeadingSlugger(): (text: string) => string {
  const slugger = new GithubSlugger();
  for (const id of CHROME_IDS) slugger.slug(id);
  return (text) => slugger.slug(text);
}

/** URL segment for a topic: case and punctuation folded, so `INVEST` and `invest` share a page. */
export function topicSlug(topic: string): string {
  return topic
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'topic';
}

/**
 * Id of a step's block on a project-type landing (`#step-tdd`): stable as long as the step's
 * name is, so wikis can link to "what a data-pipeline project reads at tdd".
 */
export function stepBlockId(step: string): string {
  return `step-${step}`;
}
