import GithubSlugger from 'github-slugger';

/**
 * Ids the page chrome uses. Heading slugs are generated after them so a heading named
 * "Contents" can never steal the id of the table of contents.
 */
export const CHROME_IDS = ['kb-main', 'kb-toc', 'kb-search-input', 'kb-search-results', 'kb-search-page-input', 'kb-search-page-results', 'kb-used-by', 'kb-related', 'kb-sources', 'kb-base-knowledge', 'kb-by-type', 'kb-toggles', 'kb-definition', 'kb-entries', 'kb-theme', 'kb-path', 'kb-pager', 'kb-announce', 'kb-toc-panel', 'kb-path-nav', 'kb-menu', 'kb-search-panel'] as const;

/** Ids markdown-it-footnote gives a body with `count` footnotes (`fn1`, `fnref1`; `fnref1:1` cannot clash). */
export function footnoteIds(count: number): string[] {
  const ids: string[] = [];
  for (let n = 1; n <= count; n++) ids.push(`fn${n}`, `fnref${n}`);
  return ids;
}

/**
 * GitHub-compatible heading ids, deduplicated per page (`setup`, `setup-1`, ...). Chrome ids
 * and any `reserved` ids (footnotes) are taken first, so no id appears twice on a page.
 */
export function createHeadingSlugger(reserved: readonly string[] = []): (text: string) => string {
  const slugger = new GithubSlugger();
  for (const id of [...CHROME_IDS, ...reserved]) slugger.slug(id);
  return (text) => slugger.slug(text);
}

/**
 * URL segment for a topic. Case and punctuation fold (`INVEST` and `invest`, `ci/cd` and
 * `ci-cd` share a page), letters of every script are kept (`données` → `/topics/donn%C3%A9es/`),
 * and the symbols that tell languages apart are spelled out, so `C++`, `C#` and `C` get
 * three pages. Topics that still fold together are reported by checkTree.
 */
export function topicSlug(topic: string): string {
  const slug = topic
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\+/g, '-plus-')
    .replace(/#/g, '-sharp-')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // A topic of symbols only (`🚀`, `→`) still needs a page of its own.
  return slug || `u-${[...topic.trim()].map((c) => c.codePointAt(0)!.toString(16)).join('-')}`;
}

/**
 * Id of a step's block on a project-type landing (`#step-tdd`): stable as long as the step's
 * name is, so wikis can link to "what a data-pipeline project reads at tdd".
 */
export function stepBlockId(step: string): string {
  return `step-${step}`;
}
