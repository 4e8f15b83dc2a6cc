import { concat, CborError, readHead, readText, skipItem, writeHead, writeText } from './cbor';
import type { IndexWord } from './pagefindChunks';

/**
 * Joining the word lists of Pagefind indexes built from consecutive slices of one site.
 * A word is [word, pages, variants]; pages are [page number, positions, meta positions] with
 * each page number stored as the step from the one before it, so joining lists only changes
 * the first step of each later list. Every other byte is Pagefind's.
 */

interface PageItem {
  delta: number;
  fields: number;
  /** The item's fields after the page number, as written. */
  rest: Uint8Array;
  positions: number;
}

interface WordView {
  word: string;
  pages: PageItem[];
  variants: { form: string; pages: PageItem[] }[];
}

/** The pages of a word, each read once: its page-number step, and the bytes after it; and where the list ends. */
function readPages(buf: Uint8Array, at: number): { pages: PageItem[]; end: number } {
  const list = readHead(buf, at);
  if (list.major !== 4) throw new CborError(`the pages at byte ${at} are not an array`);
  const pages: PageItem[] = [];
  let p = list.end;
  for (let i = 0; i < list.value; i++) {
    const page = readHead(buf, p);
    if (page.major !== 4 || page.value < 2) throw new CborError(`a page at byte ${p} is not an array of at least 2 fields`);
    const number = readHead(buf, page.end);
    if (number.major !== 0) throw new CborError(`a page number at byte ${page.end} is not an unsigned integer`);
    const restStart = number.end;
    const positions = readHead(buf, restStart).value;
    p = restStart;
    for (let f = 1; f < page.value; f++) p = skipItem(buf, p);
    pages.push({ delta: number.value, fields: page.value, rest: buf.subarray(restStart, p), positions });
  }
  return { pages, end: p };
}

/** A word read front to back once: [word, pages, [[form, pages], …]]. */
function readWord(bytes: Uint8Array): WordView {
  const head = readHead(bytes, 0);
  if (head.major !== 4 || head.value !== 3) throw new CborError(`a word has ${head.value} fields, expected 3 (word, pages, variants)`);
  const word = readText(bytes, head.end);
  const pages = readPages(bytes, word.end);
  const list = readHead(bytes, pages.end);
  if (list.major !== 4) throw new CborError(`the variants of "${word.text}" are not an array`);
  const variants: WordView['variants'] = [];
  let p = list.end;
  for (let i = 0; i < list.value; i++) {
    const variant = readHead(bytes, p);
    if (variant.major !== 4 || variant.value < 2) throw new CborError(`a variant of "${word.text}" is not [form, pages]`);
    const form = readText(bytes, variant.end);
    const forms = readPages(bytes, form.end);
    variants.push({ form: form.text, pages: forms.pages });
    p = forms.end;
    for (let f = 2; f < variant.value; f++) p = skipItem(bytes, p);
  }
  return { word: word.text, pages: pages.pages, variants };
}

/** One page list from several, each part's page numbers moved up by its offset. */
function joinPages(lists: { pages: PageItem[]; offset: number }[]): { bytes: Uint8Array; weight: number } {
  const parts: Uint8Array[] = [];
  let count = 0;
  let weight = 0;
  let previous = 0;
  for (const { pages, offset } of lists) {
    let page = offset;
    for (const p of pages) {
      page += p.delta;
      parts.push(writeHead(4, p.fields), writeHead(0, page - previous), p.rest);
      previous = page;
      count++;
      weight += p.positions + 1;
    }
  }
  return { bytes: concat([writeHead(4, count), ...parts]), weight };
}

/** The same word from several parts (in page order), as one word of the whole site. */
export function joinWord(items: { word: IndexWord; offset: number }[]): IndexWord {
  if (items.length === 1 && items[0].offset === 0) return items[0].word;
  const views = items.map(({ word, offset }) => ({ view: readWord(word.bytes), offset }));
  const word = views[0].view.word;
  const pages = joinPages(views.map(({ view, offset }) => ({ pages: view.pages, offset })));
  const forms = new Map<string, { pages: PageItem[]; offset: number }[]>();
  for (const { view, offset } of views) {
    for (const v of view.variants) forms.set(v.form, [...(forms.get(v.form) ?? []), { pages: v.pages, offset }]);
  }
  const variants = [...forms].map(([form, lists]) => concat([writeHead(4, 2), writeText(form), joinPages(lists).bytes]));
  const bytes = concat([writeHead(4, 3), writeText(word), pages.bytes, writeHead(4, variants.length), ...variants]);
  return { word, bytes, weight: pages.weight };
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/**
 * Merges sorted word streams (one per part, parts in page order) into one sorted stream, in
 * Pagefind's order: by the words' UTF-8 bytes.
 */
export function* mergeWordStreams(streams: Iterator<IndexWord>[], offsets: number[]): Generator<IndexWord> {
  const heads = streams.map((s) => {
    const r = s.next();
    return r.done ? undefined : { word: r.value, key: utf8(r.value.word) };
  });
  const advance = (i: number) => {
    const r = streams[i].next();
    heads[i] = r.done ? undefined : { word: r.value, key: utf8(r.value.word) };
  };
  for (;;) {
    let least: Buffer | undefined;
    for (const h of heads) if (h && (!least || Buffer.compare(h.key, least) < 0)) least = h.key;
    if (!least) return;
    const same: { word: IndexWord; offset: number }[] = [];
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (h && Buffer.compare(h.key, least) === 0) {
        same.push({ word: h.word, offset: offsets[i] });
        advance(i);
      }
    }
    yield joinWord(same);
  }
}

/** A page list with only the pages `renumber` keeps, under their new numbers (which keep the old order). */
function keepPages(pages: PageItem[], renumber: (page: number) => number | undefined): { pages: PageItem[]; weight: number } {
  const kept: PageItem[] = [];
  let weight = 0;
  let old = 0;
  let previous = 0;
  for (const p of pages) {
    old += p.delta;
    const now = renumber(old);
    if (now === undefined) continue;
    if (now < previous) throw new CborError(`pages must keep their order when an index is cut (page ${old} would become ${now}, after ${previous})`);
    kept.push({ ...p, delta: now - previous });
    previous = now;
    weight += p.positions + 1;
  }
  return { pages: kept, weight };
}

const encodePages = (pages: PageItem[]) => concat([writeHead(4, pages.length), ...pages.flatMap((p) => [writeHead(4, p.fields), writeHead(0, p.delta), p.rest])]);

/**
 * The word as an index of only some of its pages would hold it: the other pages, and forms found
 * only on them, left out. Nothing when it is on none of the pages kept.
 */
export function keepWordPages(word: IndexWord, renumber: (page: number) => number | undefined): IndexWord | undefined {
  const view = readWord(word.bytes);
  const pages = keepPages(view.pages, renumber);
  const variants = view.variants.flatMap((v) => {
    const kept = keepPages(v.pages, renumber).pages;
    return kept.length ? [concat([writeHead(4, 2), writeText(v.form), encodePages(kept)])] : [];
  });
  // A word written with accents (café) lists its pages under its forms only.
  if (!pages.pages.length && !variants.length) return undefined;
  const bytes = concat([writeHead(4, 3), writeText(view.word), encodePages(pages.pages), writeHead(4, variants.length), ...variants]);
  return { word: view.word, bytes, weight: pages.weight };
}
