/** Counts in words that agree in number: `1 project type`, `2 project types`, `0 entries`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
