import { describe, expect, it } from 'vitest';
import { changesAtom, type FeedInput } from '../../src/lib/versions/atomFeed';

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

function unescape(text: string): string {
  return text.replace(/&([a-z]+|#39);/g, (_, name: string) => ENTITIES[name]);
}

/**
 * A strict reader for the XML subset a feed uses (declaration, elements, quoted attributes, text
 * with the five entities): throws on anything else, so a stray `<` or `&` fails the test.
 */
function parseXml(xml: string): XmlElement {
  const token = /<\?xml[^?]*\?>|<\/([A-Za-z][\w:.-]*)>|<([A-Za-z][\w:.-]*)((?:\s+[A-Za-z][\w:.-]*="[^"<&]*(?:&(?:[a-z]+|#39);[^"<&]*)*")*)\s*(\/?)>|([^<]+)/y;
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  while (token.lastIndex < xml.length) {
    const at = token.lastIndex;
    const m = token.exec(xml);
    if (!m) throw new Error(`not well-formed at ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
    const [, close, open, attrs, selfClosing, text] = m;
    const top = stack[stack.length - 1];
    if (close) {
      if (top.name !== close) throw new Error(`</${close}> closes <${top.name}>`);
      stack.pop();
    } else if (open) {
      const el: XmlElement = { name: open, attrs: {}, children: [], text: '' };
      for (const [, k, v] of attrs.matchAll(/([A-Za-z][\w:.-]*)="([^"]*)"/g)) el.attrs[k] = unescape(v);
      top.children.push(el);
      if (!selfClosing) stack.push(el);
    } else if (text !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos|#39);)/.test(text)) throw new Error(`bare & in ${JSON.stringify(text)}`);
      top.text += unescape(text);
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (root.children.length !== 1) throw new Error('expected one root element');
  return root.children[0];
}

const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name)!;

const hostile = 'Tom & Jerry <script>"quoted"</script> \'single\'';

function feed(overrides: Partial<FeedInput> = {}): XmlElement {
  return parseXml(
    changesAtom({
      siteUrl: 'https://kb.example.org/',
      feedUrl: '/changes.xml',
      updated: '2026-03-01',
      items: [
        {
          id: 'tag:kb.example.org,2026:changes/v3.40.0..v3.54.0/ml',
          title: `ML: ${hostile}`,
          url: '/v3.54.0/changes/ml/',
          updated: '2026-03-01T10:00:00+01:00',
          summary: `2 entries added & ${hostile}`,
          html: `<p class="x">Added <a href="/a?b=1&c=2">A &amp; B</a></p>`,
        },
        { id: '/v3.54.0/changes/web-app/', title: 'Web app', url: 'https://kb.example.org/v3.54.0/changes/web-app/', updated: '2026-03-01', summary: 'No changes.' },
      ],
      ...overrides,
    }),
  );
}

describe('the what-changed Atom feed', () => {
  it('should be well-formed Atom with the feed’s id, self link, author and dates', () => {
    const root = feed();
    expect(root.name).toBe('feed');
    expect(root.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(child(root, 'id').text).toBe('https://kb.example.org/changes.xml');
    expect(root.children.find((c) => c.name === 'link' && c.attrs.rel === 'self')!.attrs.href).toBe('https://kb.example.org/changes.xml');
    expect(child(child(root, 'author'), 'name').text).toBe('What changed');
    expect(child(root, 'updated').text).toBe('2026-03-01T00:00:00.000Z');
    expect(root.children.filter((c) => c.name === 'entry')).toHaveLength(2);
  });

  it('should escape <, &, " and quotes so every text reads back as given', () => {
    const [first] = feed().children.filter((c) => c.name === 'entry');
    expect(child(first, 'title').text).toBe(`ML: ${hostile}`);
    expect(child(first, 'summary').text).toBe(`2 entries added & ${hostile}`);
    expect(child(first, 'content').attrs.type).toBe('html');
    expect(child(first, 'content').text).toBe('<p class="x">Added <a href="/a?b=1&c=2">A &amp; B</a></p>');
    expect(parseXml(changesAtom({ siteUrl: 'https://x.org/', feedUrl: '/f.xml', updated: '2026-01-01', title: 'a "b" & <c>', items: [] })).children[1].text).toBe('a "b" & <c>');
  });

  it('should keep a tag: id, make a relative id and url absolute, and write dates in UTC', () => {
    const [first, second] = feed().children.filter((c) => c.name === 'entry');
    expect(child(first, 'id').text).toBe('tag:kb.example.org,2026:changes/v3.40.0..v3.54.0/ml');
    expect(child(first, 'link').attrs.href).toBe('https://kb.example.org/v3.54.0/changes/ml/');
    expect(child(first, 'updated').text).toBe('2026-03-01T09:00:00.000Z');
    expect(child(second, 'id').text).toBe('https://kb.example.org/v3.54.0/changes/web-app/');
    expect(second.children.map((c) => c.name)).not.toContain('content');
  });

  it('should drop control characters XML cannot carry, and refuse a date it cannot read', () => {
    const root = feed({ title: 'bell\u0007 here' });
    expect(child(root, 'title').text).toBe('bell here');
    expect(() => changesAtom({ siteUrl: 'https://x.org/', feedUrl: '/f.xml', updated: '2026-01-01', items: [{ id: 'a', title: 't', url: '/', updated: 'last week', summary: '' }] })).toThrow(
      'items[0].updated: expected an ISO 8601 date, found "last week"',
    );
  });

  it('should be caught by the checker when something is left unescaped', () => {
    expect(() => parseXml('<feed><title>a & b</title></feed>')).toThrow(/bare &/);
    expect(() => parseXml('<feed><title>a < b</title></feed>')).toThrow(/not well-formed/);
    expect(() => parseXml('<feed><title>a</feed>')).toThrow(/closes/);
  });
});
