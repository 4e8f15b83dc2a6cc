/** The llmstxt.org format: an H1, a one-line summary as a quote, then H2 sections of links. */
export interface LlmsSection {
  heading: string;
  intro?: string;
  links: { title: string; url: string; description: string }[];
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const linkText = (s: string) => oneLine(s).replace(/([\[\]])/g, '\\$1');

export function llmsTxt(title: string, summary: string, details: string, sections: LlmsSection[]): string {
  const out = [`# ${oneLine(title)}`, '', `> ${oneLine(summary)}`, '', oneLine(details), ''];
  for (const s of sections) {
    out.push(`## ${oneLine(s.heading)}`, '');
    if (s.intro) out.push(oneLine(s.intro), '');
    for (const l of s.links) out.push(`- [${linkText(l.title)}](${l.url}): ${oneLine(l.description)}`);
    out.push('');
  }
  return out.join('\n');
}

/**
 * `/llms-full.txt`: every entry's markdown, each under a line that names it and where it lives.
 * Yielded a part at a time, with each entry's markdown made only when its turn comes: at 10,000
 * entries the whole file is 200 MB, and building it as one string doubled that in memory.
 */
export function* llmsFullTxt(title: string, parts: Iterable<{ title: string; url: string; markdown: () => string }>): Generator<string> {
  yield `# ${oneLine(title)}\n`;
  for (const p of parts) yield `\n---\n\n<!-- ${oneLine(p.title)}: ${p.url} -->\n\n${p.markdown().trimEnd()}\n`;
}
