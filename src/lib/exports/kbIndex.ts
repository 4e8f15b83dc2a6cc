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

/** `/types/<type>.json`: a project type's reading path and what each step gets. */
export const ProjectTypeIndexSchema = () =>
  z.strictObject({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    url: z.string(),
    readingPath: z.array(
      z.strictObject({
        name: z.string(),
        title: z.string(),
        url: z.string(),
        /** True when the type's overlay adds it; false for knowledge every type gets at that step. */
        typeSpecific: z.boolean(),
        firstStep: z.string(),
      }),
    ),
    steps: z.array(
      z.strictObject({
        name: z.string(),
        url: z.string(),
        phase: z.string().nullable(),
        status: z.enum(['runs', 'if-needed', 'disabled']),
        entries: z.array(z.string()),
      }),
    ),
  });

export type ProjectTypeIndex = z.output<ReturnType<typeof ProjectTypeIndexSchema>>;

/** Stable JSON: the same site gives the same bytes on every build. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
