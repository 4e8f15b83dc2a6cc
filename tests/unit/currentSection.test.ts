import { describe, expect, it } from 'vitest';
import { currentSection } from '../../src/lib/currentSection';

// Heading tops relative to the viewport; the line sits under a 100 px header.
const LINE = 124;

describe('currentSection', () => {
  it('should mark nothing above the first heading', () => {
    expect(currentSection([300, 900, 1500], LINE, false)).toBe(-1);
  });

  it('should mark the heading a jump just put under the header', () => {
    expect(currentSection([-500, 116, 700], LINE, false)).toBe(1);
  });

  it('should keep marking a section while its heading is long gone above and the next is still below', () => {
    // Mid-way through a long section no heading is on screen at all.
    expect(currentSection([-4000, -2500, 1300], LINE, false)).toBe(1);
  });

  it('should mark the last section at the bottom of the page, where its heading can no longer reach the line', () => {
    expect(currentSection([-3000, -200, 400, 650], LINE, true)).toBe(3);
    expect(currentSection([-3000, -200, 400, 650], LINE, false)).toBe(1);
  });

  it('should mark nothing on a page without headings', () => {
    expect(currentSection([], LINE, true)).toBe(-1);
  });
});
