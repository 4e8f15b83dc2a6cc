import { z } from 'astro/zod';

/** `/kb.json`: every entry, with what a tool needs to link into it. Described for its readers. */
export const KbIndexSchema = () =>
  z.strictObject({
    site: z.strictObject({
      title: z.string(),
      /** Absolute under SITE_URL, else root-relative. */
      home: z.string(),
      version: z.string().nullable(),
    }),
    entries: z.array(
      z.strictObject({
        name: z.string(),
        title: z.string(),
        description: z.string(),
        topics: z.array(z.string()),
        domain: z.string(),
        /** Project types whose reading path includes the entry. */
        projectTypes: z.array(z.string()),
        url: z.string(),
        markdownUrl: z.string(),
        headings: z.array(z.strictObject({ depth: z.number().int().min(2).max(6), text: z.string(), id: z.string(), url: z.string() })),
      }),
    ),
  });

export type KbIndex = z.output<ReturnType<typeof KbIndexSchema>>;

/** `/types/<type>.json`: a project type's reading path and what each step gets (src/lib/kb/readingPath.ts). */
export const ProjectTypeIndexSchema = () => {
  const origin = z.enum(['base', 'type', 'domain']);
  return z.strictObject({
    type: z.string(),
    title: z.string(),
    description: z.string(),
    url: z.string(),
    readingPath: z.array(
      z.strictObject({
        name: z.string(),
        title: z.string(),
        description: z.string(),
        url: z.string(),
        readingMinutes: z.number().int().min(1),
        /** `type`: the type's overlay adds it; `base`: the step names it for every type; `domain`: a sub-overlay adds it. */
        origin,
        domain: z.string().optional(),
        firstStep: z.string(),
        steps: z.array(z.string()),
      }),
    ),
    steps: z.array(
      z.strictObject({
        step: z.string(),
        /** The step block's id on the landing page. */
        id: z.string(),
        phase: z.string().nullable(),
        status: z.enum(['runs', 'conditional', 'skipped']),
        condition: z.string().optional(),
        statusSource: z.string(),
        entries: z.array(z.strictObject({ name: z.string(), origin, domain: z.string().optional() })),
      }),
    ),
  });
};

export type ProjectTypeIndex = z.output<ReturnType<typeof ProjectTypeIndexSchema>>;

/** Stable JSON: the same site gives the same bytes on every build. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
