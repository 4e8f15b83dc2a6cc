import { escapeHtml } from '../html';

export interface FeedItem {
  /** A `tag:` URI or an absolute URL that never changes for this item; relative ids resolve against siteUrl. */
  id: string;
  title: string;
  /** Absolute, or a path on the site. */
  url: string;
  /** ISO 8601; a date alone means midnight UTC. */
  updated: string;
  /** Plain text. */
  summary: string;
  /** The item's body as HTML; the feed carries it escaped, as Atom's `type="html"` wants. */
  html?: string;
}

export interface FeedInput {
  siteUrl: string;
  /** Where the feed itself is published (its id and `rel="self"` link). */
  feedUrl: string;
  /** ISO 8601: when the newest item changed. */
  updated: string;
  title?: string;
  /** Atom needs an author for the feed when its entries name none. */
  author?: string;
  items: readonly FeedItem[];
}

// XML 1.0 forbids most control characters even escaped; a stray one would make the feed unreadable.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text made safe for XML content and quoted attribute values. */
const escapeXml = (text: string) => escapeHtml(text.replace(CONTROL, ''));

/** Atom dates are RFC 3339 date-times; git and config give ISO 8601 in several shapes. */
function atomDate(value: string, what: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new Error(`${what}: expected an ISO 8601 date, found ${JSON.stringify(value)}`);
  return new Date(time).toISOString();
}

const absolute = (url: string, base: string) => new URL(url, base).href;
const isAbsoluteIri = (id: string) => /^[a-z][a-z0-9+.-]*:/i.test(id);

/** The "what changed" pages as an Atom 1.0 feed, one `<entry>` per item, newest first as given. */
export function changesAtom({ siteUrl, feedUrl, updated, title = 'What changed', author = title, items }: FeedInput): string {
  const text = (tag: string, value: string) => `<${tag}>${escapeXml(value)}</${tag}>`;
  const entries = items.map((item, i) => {
    const where = `items[${i}]`;
    const url = absolute(item.url, siteUrl);
    return [
      '  <entry>',
      `    ${text('id', isAbsoluteIri(item.id) ? item.id : absolute(item.id, siteUrl))}`,
      `    ${text('title', item.title)}`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    ${text('updated', atomDate(item.updated, `${where}.updated`))}`,
      `    <summary type="text">${escapeXml(item.summary)}</summary>`,
      ...(item.html === undefined ? [] : [`    <content type="html">${escapeXml(item.html)}</content>`]),
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${text('id', absolute(feedUrl, siteUrl))}`,
    `  ${text('title', title)}`,
    `  ${text('updated', atomDate(updated, 'updated'))}`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(absolute(feedUrl, siteUrl))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(absolute(siteUrl, siteUrl))}"/>`,
    `  <author>${text('name', author)}</author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
