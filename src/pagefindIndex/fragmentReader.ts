import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexedPage } from '../lib/search/searchPage';
import { VocabularyCounter } from '../lib/search/vocabulary';
import { readFragment } from './readFragment';

/** What the prefix index and the vocabulary need from an index's fragments: each page without its text, and its words counted. */
export interface ReadFragments {
  pages: Map<string, IndexedPage>;
  vocabulary: VocabularyCounter;
}

export const emptyFragments = (): ReadFragments => ({ pages: new Map(), vocabulary: new VocabularyCounter() });

interface Read {
  bytes: Buffer;
  page: IndexedPage;
  vocabulary: VocabularyCounter;
}

/**
 * Reads the fragments Pagefind wrote. With `remember`, each fragment's reading is kept for the
 * build: an older release's index takes most of its pages from today's (mergeIndexes.ts), and
 * counting a page's words is most of the cost of reading it. A fragment is named by its
 * content, and a kept reading is used only for the very same bytes.
 */
export class FragmentReader {
  private readonly kept = new Map<string, Read>();
  private readonly remember: boolean;

  constructor(remember: boolean) {
    this.remember = remember;
  }

  /** Adds the fragments of the bundle in `partDir` to `into`, all or the pages `keep` accepts; returns the names of those added. */
  read(partDir: string, into: ReadFragments, keep?: (page: IndexedPage) => boolean): string[] {
    const dir = join(partDir, 'fragment');
    const added: string[] = [];
    // Pagefind writes no fragment folder for an index of no pages.
    if (!existsSync(dir)) return added;
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.pf_fragment')) continue;
      const bytes = readFileSync(join(dir, name));
      let read = this.kept.get(name);
      if (!read?.bytes.equals(bytes)) {
        const page = readFragment(join(dir, name), bytes);
        const vocabulary = new VocabularyCounter();
        vocabulary.add(page);
        read = { bytes, page: { ...page, content: '' }, vocabulary };
        if (this.remember) this.kept.set(name, read);
      }
      if (keep && !keep(read.page)) continue;
      into.vocabulary.addCounted(read.vocabulary);
      into.pages.set(name, read.page);
      added.push(name.slice(0, -'.pf_fragment'.length));
    }
    return added;
  }
}
