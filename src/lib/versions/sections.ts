import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type { BodyHeading } from '../schema/bodyRef';
import { createHeadingSlugger, footnoteIds } from '../slugs';

/** One heading of an entry and the prose under it, up to the next heading of any depth. */
export interface Section {
  /** The anchor the entry page gives the heading. */
  id: string;
  /** As rendered: 2–6 (body h1s become h2s). */
  depth: number;
  heading: string;
  /** The section's own markdown, trimmed; its subsections are sections of their own. */
  text: string;
}

export interface EntrySections {
  /** Markdown before the first section heading (after a leading `# ` title). */
  intro: string;
  sections: Section[];
}

// The renderer's parser and plugins (src/lib/markdown/renderBody.ts), so a line counts as a heading
// exactly when the page shows one: `#` lines inside fences, indented code or HTML blocks do not.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnote);
type Token = ReturnType<typeof md.parse>[number];

/** A heading's words as renderBody reads them (code spans and link text in, markup out). */
function headingText(inline: Token | undefined): string {
  return (inline?.children ?? [])
    .filter((c) => c.type === 'text' || c.type === 'code_inline' || c.type === 'softbreak')
    .map((c) => (c.type === 'softbreak' ? ' ' : c.content))
    .join('')
    .trim();
}

/**
 * Splits an entry body at its headings. `rendered` are the headings the loader rendered for it:
 * their ids are the anchors readers link to, so they win whenever they line up one for one with
 * the headings found here; otherwise ids are made with renderBody's rule.
 */
export function splitSections(markdown: string, rendered?: readonly BodyHeading[]): EntrySections {
  const env: { footnotes?: { list?: unknown[] } } = {};
  const tokens = md.parse(markdown, env);
  const lines = markdown.split('\n');
  const found: { start: number; end: number; level: number; text: string }[] = [];
  tokens.forEach((t, i) => {
    if (t.type === 'heading_open' && t.map) found.push({ start: t.map[0], end: t.map[1], level: Number(t.tag.slice(1)), text: headingText(tokens[i + 1]) });
  });
  // A leading `# ` heading is the page title (renderBody), not a section.
  const titled = tokens[0]?.type === 'heading_open' && tokens[0].tag === 'h1';
  const title = titled ? found.shift() : undefined;
  const paired = rendered?.length === found.length ? rendered : undefined;
  // Footnotes take `fn1`, `fnref1`, … before any heading does, as in renderBody.
  const slug = createHeadingSlugger(footnoteIds(env.footnotes?.list?.length ?? 0));
  const between = (from: number, to: number) => lines.slice(from, to).join('\n').trim();
  return {
    intro: between(title?.end ?? 0, found[0]?.start ?? lines.length),
    sections: found.map((h, i) => ({
      id: paired?.[i].slug ?? slug(h.text || 'section'),
      depth: Math.max(2, h.level),
      heading: h.text,
      text: between(h.end, found[i + 1]?.start ?? lines.length),
    })),
  };
}
