import { z } from 'astro/zod';

/** A rendered markdown body: the HTML file the loader wrote and the headings for the TOC. */
export const BodyRefSchema = () =>
  z.object({
    html: z.string(),
    headings: z.array(z.object({ depth: z.number(), slug: z.string(), text: z.string() })),
  });

export type BodyRef = z.output<ReturnType<typeof BodyRefSchema>>;
