import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Heading, Link, Root as MdastRoot } from 'mdast';
import rehypeHighlight from 'rehype-highlight';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { createHeadingSlugger } from '../slugs';
import { resolveRelativeLink, type LinkTarget } from './resolveRelativeLink';

export interface TocHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface OutgoingLink {
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
  deadLinks: string[];
}

export interface RenderOptions {
  file: string;
  targets: ReadonlyMap<string, LinkTarget>;
}

interface RenderState {
  title?: string;
  headings: TocHeading[];
  links: OutgoingLink[];
  deadLinks: string[];
}

interface FileData {
  options: RenderOptions;
  state: RenderState;
}

const dataOf = (file: VFile) => file.data as unknown as FileData;

function remarkEntryStructure() {
  return (tree: MdastRoot, file: VFile) => {
    const { options, state } = dataOf(file);
    const first = tree.children[0];
    if (first?.type === 'heading' && first.depth === 1) {
      state.title = mdText(first).trim() || undefined;
      tree.children.shift();
    }
    visit(tree, 'heading', (node: Heading) => {
      // The page owns the only h1; body h1s become sections.
      if (node.depth === 1) node.depth = 2;
    });
    visit(tree, 'link', (node: Link, index, parent) => {
      const res = resolveRelativeLink(options.file, node.url, options.targets);
      if (res.action === 'rewrite') {
        node.url = res.url;
        state.links.push({ target: res.target, anchor: res.anchor });
      } else if (res.action === 'unlink' && parent && index !== undefined) {
        state.deadLinks.push(res.reason);
        parent.children.splice(index, 1, ...node.children);
        return [SKIP, index];
      }
      return undefined;
    });
  };
}

function mdText(node: { children?: unknown[]; value?: string }): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((c) => mdText(c as { children?: unknown[]; value?: string })).join('');
}

function rehypeEntryChrome() {
  return (tree: HastRoot, file: VFile) => {
    const { state } = dataOf(file);
    const slug = createHeadingSlugger();
    let tables = 0;
    visit(tree, 'element', (node: Element, index, parent) => {
      const depth = /^h([2-6])$/.exec(node.tagName)?.[1];
      if (depth) {
        const text = hastToString(node).trim();
        const id = slug(text);
        node.properties.id = id;
        state.headings.push({ depth: Number(depth), slug: id, text });
        node.children.push({
          type: 'element',
          tagName: 'a',
          properties: { className: ['anchor'], href: `#${id}`, ariaLabel: `Link to section: ${text}`, dataPagefindIgnore: '' },
          children: [{ type: 'text', value: '#' }],
        });
        return SKIP;
      }
      // Wide tables and code scroll on their own; keyboard users need to reach them to scroll.
      if ((node.tagName === 'table' || node.tagName === 'pre') && parent && index !== undefined) {
        if (node.tagName === 'pre') {
          node.properties.tabIndex = 0;
          return SKIP;
        }
        // Landmarks need distinct names; the header row says what the table compares.
        const header = hastToString(node.children.find((c) => c.type === 'element' && c.tagName === 'thead') ?? node)
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, 60);
        const wrapper: Element = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-wrap'], tabIndex: 0, role: 'region', ariaLabel: `Table ${++tables}: ${header}` },
          children: [node as ElementContent],
        };
        parent.children[index] = wrapper;
        return SKIP;
      }
      return undefined;
    });
  };
}

// Built once: constructing a unified pipeline per entry costs more than rendering a small one.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkEntryStructure)
  .use(remarkRehype)
  .use(rehypeHighlight, { detect: false })
  .use(rehypeEntryChrome)
  .use(rehypeStringify)
  .freeze();

/** Markdown body → HTML with stable heading ids, rewritten links and highlighted code. */
export async function renderBody(markdown: string, options: RenderOptions): Promise<RenderedBody> {
  const state: RenderState = { headings: [], links: [], deadLinks: [] };
  const vfile = new VFile({ value: markdown, data: { options, state } as unknown as VFile['data'] });
  const file = await processor.process(vfile);
  return { html: String(file), headings: state.headings, title: state.title, links: state.links, deadLinks: state.deadLinks };
}
