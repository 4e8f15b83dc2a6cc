/** Counts in words that agree in number: `1 project type`, `2 project types`, `0 entries`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Words of a markdown source, for reading times; a word of a code block counts once. */
export function countWords(markdown: string): number {
  return markdown
    .replace(/```[\s\S]*?```/g, (code) => code.replace(/[^\s]+/g, 'w'))
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
