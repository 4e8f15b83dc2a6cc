/**
 * The section a reader is in, from the scroll position alone (as Starlight does it): the last
 * heading whose top has gone above `line`, the line just under the sticky header where a jump to
 * a heading puts it. Every point of the page below the first heading is in some section, so the
 * contents always mark one there. At the bottom of a page that scrolls, the last headings can no
 * longer reach the line; the reader has reached the end, so the last section is the one marked.
 *
 * @param tops each heading's top relative to the viewport, in document order
 * @returns the index of the heading, or -1 above the first one
 */
export function currentSection(tops: readonly number[], line: number, atBottom: boolean): number {
  if (!tops.length) return -1;
  if (atBottom) return tops.length - 1;
  let current = -1;
  for (let i = 0; i < tops.length; i++) {
    if (tops[i] > line) break;
    current = i;
  }
  return current;
}
