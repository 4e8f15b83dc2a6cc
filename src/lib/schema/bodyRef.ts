import { z } from 'astro/zod';

export interface BodyHeading {
  depth: number;
  slug: string;
  text: string;
}

/**
 * A rendered markdown body: where the loader wrote its HTML (a byte range of a pack file,
 * src/render/bodyPack.ts), and its headings as one JSON string of [depth, slug, text] rows.
 * Astro's data store keeps (and bundles) whatever it is given; one string per body instead of an
 * object per heading took 270 MB off a 10,000-entry build.
 */
export const BodyRefSchema = () =>
  z.object({
    file: z.string(),
    start: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    headings: z.string(),
  });

export type BodyRef = z.output<ReturnType<typeof BodyRefSchema>>;

export function encodeHeadings(headings: BodyHeading[]): string {
  return JSON.stringify(headings.map((h) => [h.depth, h.slug, h.text]));
}

export function bodyHeadings(body: Pick<BodyRef, 'headings'>): BodyHeading[] {
  return (JSON.parse(body.headings) as [number, string, string][]).map(([depth, slug, text]) => ({ depth, slug, text }));
}
