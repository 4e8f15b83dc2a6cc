import { gunzipSync } from 'node:zlib';
import type { IndexedPage } from '../lib/search/searchPage';

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  anchors: { element: string; id: string; text?: string }[];
}

const SIGNATURE = 'pagefind_dcd';

/**
 * Reads one Pagefind fragment (gzip, then a 12-byte signature, then JSON). The build reads
 * what Pagefind indexed instead of parsing our HTML again, so markup changes cannot skew it.
 */
export function readFragment(file: string, bytes: Uint8Array): IndexedPage {
  let data = Buffer.from(bytes);
  if (data.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) data = gunzipSync(data);
  if (data.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) {
    throw new Error(`${file}: expected a Pagefind fragment starting with "${SIGNATURE}"; found something else`);
  }
  const f = JSON.parse(data.subarray(SIGNATURE.length).toString('utf8')) as Fragment;
  return {
    url: f.url,
    title: f.meta.title ?? f.url,
    content: f.content,
    topics: f.filters.topic ?? [],
    headings: f.anchors
      .filter((a) => /^h[1-6]$/i.test(a.element) && a.id && a.text?.trim())
      .map((a) => ({ id: a.id, text: a.text!.trim(), level: Number(a.element.slice(1)) })),
  };
}
