import hljs from 'highlight.js/lib/common';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { isOtherOrigin, SAFE_URL_EXPECTATION, unsafeUrlReason } from '../safeUrl';
import { createHeadingSlugger, footnoteIds } from '../slugs';
import { codeLanguageLabel } from './codeLanguage';
import { resolveRelativeLink, type LinkTarget, type LinkTargets } from './resolveRelativeLink';

export interface TocHeading {
  depth: number;
  slug: string;
  text: string;
}

/** Where something is written in a body: 1-based line and column of the body text. */
export interface BodyPosition {
  line: number;
  column: number;
}

export interface OutgoingLink extends BodyPosition {
  target: LinkTarget;
  anchor?: string;
}

export interface RenderedBody {
  html: string;
  /** Every heading of the body, h2–h6, with its id. */
  headings: TocHeading[];
  /** Text of a leading `# ` heading, which becomes the page title instead of a second h1. */
  title?: string;
  links: OutgoingLink[];
  /** Links that pointed at files which are not pages; their text is kept, the link dropped. */
  deadLinks: (BodyPosition & { reason: string })[];
  /** Other changes the reader should know about (an outside image shown as a link). */
  notes: (BodyPosition & { text: string })[];
  /** URLs outside the allow-list (`javascript:` …): the build fails on any of these. */
  unsafeUrls: (BodyPosition & { expected: string; found: string })[];
  /** Line of the body (1-based) where lists or quotes first nest deeper than the parser goes. */
  tooDeep?: number;
}

export interface RenderOptions {
  file: string;
  targets: LinkTargets;
  /** Problems, headings and links only, no HTML: for checks (highlighting is most of a render). */
  plain?: boolean;
}

// markdown-it, not remark: on the 4 MB upstream tree it parses several times faster, and the
// body is the bulk of a build's work. Raw HTML stays escaped: a stray tag must not break the page.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false }).use(footnote);
// markdown-it silently turns links it dislikes into text; we accept every URL here and judge
// it in rewriteLinks with the site's one rule (safeUrl.ts), so a bad URL is an error, not lost.
md.validateLink = () => true;
// Bare `ftp://…` text stays text: only the schemes the allow-list accepts become links.
md.linkify.add('ftp:', null);
const escape = md.utils.escapeHtml;
type Token = ReturnType<typeof md.parse>[number];

/** Lists and quotes nest this deep at most; markdown-it's own limit, against runaway recursion. */
export const MAX_NESTING = md.options.maxNesting;

// Past MAX_NESTING markdown-it drops the rest of the block without a word. Instead its lines
// become one paragraph of plain text, list and quote markers removed, and the line is noted.
const tokenizeBlock = md.block.tokenize.bind(md.block);
md.block.tokenize = (state, startLine, endLine) => {
  if (state.level < MAX_NESTING) return tokenizeBlock(state, startLine, endLine);
  const line = state.skipEmptyLines(startLine);
  if (line < endLine) {
    const text = state
      .getLines(line, endLine, state.blkIndent, false)
      .split('\n')
      .map((l) => l.replace(/^(?:\s*(?:>|[-*+](?=\s)|\d{1,9}[.)](?=\s)))*\s*/, ''))
      .filter(Boolean)
      .join('\n');
    const open = state.push('paragraph_open', 'p', 1);
    open.map = [line, endLine];
    const inline = state.push('inline', '', 0);
    inline.content = text;
    inline.map = [line, endLine];
    inline.children = [];
    state.push('paragraph_close', 'p', -1);
    const env = state.env as { tooDeep?: number };
    env.tooDeep ??= line + 1;
  }
  state.line = endLine;
};

function highlight(code: string, lang: string): string {
  if (lang && hljs.getLanguage(lang)) {
    try {
      return hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
    } catch {
      // A grammar that chokes on odd input is no reason to fail a build: show plain code.
    }
  }
  return escape(code);
}

// Wide code and tables scroll on their own; keyboard users need to reach them to scroll.
// Each fence says its language in a bar above it; src/browser/codeCopy.ts adds a copy button
// there, so a reader without JavaScript gets no button that cannot work.
md.renderer.rules.fence = (tokens, idx) => {
  const lang = tokens[idx].info.trim().split(/\s+/)[0] ?? '';
  const cls = lang ? ` class="hljs language-${escape(lang)}"` : '';
  const label = escape(codeLanguageLabel(lang));
  return `<div class="code"><div class="code-bar" data-pagefind-ignore=""><span class="code-lang">${label}</span></div><pre tabindex="0"><code${cls}>${highlight(tokens[idx].content, lang)}</code></pre></div>\n`;
};
md.renderer.rules.code_block = (tokens, idx) => `<pre tabindex="0"><code>${escape(tokens[idx].content)}</code></pre>\n`;
md.renderer.rules.table_open = (tokens, idx) => {
  const { label } = tokens[idx].meta as { label: string };
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="${escape(label)}"><table>\n`;
};
md.renderer.rules.table_close = () => '</table></div>\n';
md.renderer.rules.heading_close = (tokens, idx) => {
  const { id, text } = tokens[idx].meta as { id: string; text: string };
  return `${headingLinkControls(id, text)}</${tokens[idx].tag}>\n`;
};

/**
 * The `#` link every linkable heading ends with: without JavaScript it navigates; with it, it also
 * copies the section's absolute URL, and the hidden button beside it copies a Markdown link.
 * Shared by rendered bodies and by headings the page templates write (one markup, one script).
 */
export function headingLinkControls(id: string, text: string): string {
  const e = escape(id);
  const t = escape(text);
  return (
    `<a class="anchor" href="#${e}" aria-label="Link to section: ${t}" data-pagefind-ignore="">#</a>` +
    `<button type="button" class="anchor-md" data-copy-md="" hidden aria-label="md: copy Markdown link to section: ${t}" data-pagefind-ignore="">md</button>`
  );
}

/** What a heading or cell says, as plain text: code spans and link text included, markup not. */
function inlineText(token: Token | undefined): string {
  return (token?.children ?? [])
    .filter((c) => c.type === 'text' || c.type === 'code_inline' || c.type === 'softbreak')
    .map((c) => (c.type === 'softbreak' ? ' ' : c.content))
    .join('')
    .trim();
}

/**
 * Where `url` is written in the lines of an inline block (markdown-it keeps only the block's
 * lines), else the block's first line: enough for an editor to put a problem on its line.
 */
function positionIn(lines: readonly string[], inline: Token, url: string): BodyPosition {
  const [start, end] = inline.map ?? [0, 1];
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // A malformed escape is searched as written.
  }
  for (let i = start; i < end; i++) {
    const at = [url, decoded].map((u) => (u ? (lines[i] ?? '').indexOf(u) : -1)).find((n) => n >= 0);
    if (at !== undefined) return { line: i + 1, column: at + 1 };
  }
  return { line: start + 1, column: 1 };
}

function rewriteLinks(inline: Token, options: RenderOptions, result: RenderedBody, lines: readonly string[]): void {
  const children = inline.children ?? [];
  const kept: Token[] = [];
  const dropped: boolean[] = [];
  for (const child of children) {
    if (child.type === 'image') {
      const src = String(child.attrGet('src') ?? '');
      if (unsafeUrlReason(src)) {
        result.unsafeUrls.push({ expected: SAFE_URL_EXPECTATION, found: `an image with src ${JSON.stringify(src)}`, ...positionIn(lines, inline, src) });
        continue;
      }
      if (isOtherOrigin(src)) {
        // The CSP loads images from the site only; a link keeps the picture one click away.
        result.notes.push({ text: `shows an image from another origin (${src}), which the site's Content-Security-Policy blocks; shown as a link`, ...positionIn(lines, inline, src) });
        kept.push(...imageAsLink(child, src));
        continue;
      }
    }
    if (child.type === 'link_open') {
      const href = String(child.attrGet('href') ?? '');
      if (unsafeUrlReason(href)) {
        result.unsafeUrls.push({ expected: SAFE_URL_EXPECTATION, found: `a link to ${JSON.stringify(href)}`, ...positionIn(lines, inline, href) });
        dropped.push(true);
        continue;
      }
      const res = resolveRelativeLink(options.file, href, options.targets);
      if (res.action === 'rewrite') {
        child.attrSet('href', res.url);
        result.links.push({ target: res.target, anchor: res.anchor, ...positionIn(lines, inline, href) });
      } else if (res.action === 'unlink') {
        result.deadLinks.push({ reason: res.reason, ...positionIn(lines, inline, href) });
        dropped.push(true);
        continue;
      }
      dropped.push(false);
    } else if (child.type === 'link_close' && dropped.pop()) {
      continue;
    }
    kept.push(child);
  }
  inline.children = kept;
}

function imageAsLink(image: Token, src: string): Token[] {
  const open = new (image.constructor as new (type: string, tag: string, nesting: number) => Token)('link_open', 'a', 1);
  open.attrSet('href', src);
  const text = new (image.constructor as new (type: string, tag: string, nesting: number) => Token)('text', '', 0);
  text.content = `Image: ${image.content || src}`;
  const close = new (image.constructor as new (type: string, tag: string, nesting: number) => Token)('link_close', 'a', -1);
  return [open, text, close];
}

/** `style="text-align:center"` → `class="align-center"`: the CSP allows no inline styles. */
function alignToClass(t: Token): void {
  const style = t.attrGet('style');
  if (!style) return;
  const align = /text-align:\s*(left|center|right)/.exec(String(style))?.[1];
  t.attrs = (t.attrs ?? []).filter(([name]) => name !== 'style');
  if (align) t.attrJoin('class', `align-${align}`);
}

/**
 * GFM task-list items (`- [ ] step`) as ballot boxes: text, not disabled checkboxes, which
 * would be form controls without labels that nobody can tick.
 */
function markTaskItem(inline: Token): void {
  const first = inline.children?.[0];
  const match = first?.type === 'text' ? /^\[([ xX])\]\s/.exec(first.content) : null;
  if (first && match) first.content = `${match[1] === ' ' ? '☐' : '☑'} ${first.content.slice(match[0].length)}`;
}

/** Markdown body → HTML with stable heading ids, rewritten links and highlighted code. */
export function renderBody(markdown: string, options: RenderOptions): RenderedBody {
  const result: RenderedBody = { html: '', headings: [], links: [], deadLinks: [], notes: [], unsafeUrls: [] };
  const env: { footnotes?: { list?: unknown[] }; tooDeep?: number } = {};
  // Bare URLs that linkify turns into links are http(s) or mailto, which no check objects to: a
  // check skips finding them (a tenth of its time). Parsing is synchronous, so nothing else sees the switch.
  md.options.linkify = !options.plain;
  const tokens = md.parse(markdown, env);
  md.options.linkify = true;
  if (env.tooDeep) result.tooDeep = env.tooDeep;
  if (tokens[0]?.type === 'heading_open' && tokens[0].tag === 'h1') {
    result.title = inlineText(tokens[1]) || undefined;
    tokens.splice(0, 3);
  }
  // Footnotes take `fn1`, `fnref1`, …: a heading must not take them too.
  const slug = createHeadingSlugger(footnoteIds(env.footnotes?.list?.length ?? 0));
  let tables = 0;
  let lines: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'inline') {
      rewriteLinks(t, options, result, (lines ??= markdown.split('\n')));
      if (tokens[i - 2]?.type === 'list_item_open') markTaskItem(t);
    }
    else if (t.type === 'th_open' || t.type === 'td_open') alignToClass(t);
    else if (t.type === 'heading_open') {
      // The page owns the only h1; body h1s become sections.
      const tag = t.tag === 'h1' ? 'h2' : t.tag;
      const text = inlineText(tokens[i + 1]);
      // A heading with no text (an image, nothing) still needs an id to link to.
      const id = slug(text || 'section');
      t.tag = tag;
      t.attrSet('id', id);
      tokens[i + 2].tag = tag;
      tokens[i + 2].meta = { id, text };
      result.headings.push({ depth: Number(tag.slice(1)), slug: id, text });
    } else if (t.type === 'table_open') {
      // Landmarks need distinct names; the header row says what the table compares.
      const header: string[] = [];
      for (let j = i + 1; j < tokens.length && tokens[j].type !== 'thead_close'; j++) {
        if (tokens[j].type === 'inline') header.push(inlineText(tokens[j]));
      }
      t.meta = { label: `Table ${++tables}: ${header.join(' ').slice(0, 60)}` };
    }
  }
  result.html = options.plain ? '' : md.renderer.render(tokens, md.options, env);
  return result;
}

/**
 * Puts an empty element with each former id at the start of the heading that replaced it, so
 * `#old-id` scrolls to the right section without any script. Heading tags come from our own
 * renderer, so their opening tag is exactly `<hN id="...">`.
 */
export function withFormerIds(html: string, formerIds: ReadonlyMap<string, readonly string[]>): string {
  if (!formerIds.size) return html;
  const byEscapedId = new Map([...formerIds].map(([id, former]) => [escape(id), former]));
  return html.replace(/<(h[2-6]) id="([^"]*)">/g, (tag, _h, id: string) => {
    const former = byEscapedId.get(id);
    return former ? tag + former.map((f) => `<span id="${escape(f)}" class="anchor-alias"></span>`).join('') : tag;
  });
}
