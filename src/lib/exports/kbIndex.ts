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

const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

/**
 * The bytes of `stableJson({ ...head, [listKey]: items })`, a list item at a time, so an
 * export of 10,000 entries is never one object tree and one string in memory.
 */
export function* stableJsonChunks(head: Record<string, unknown>, listKey: string, items: Iterable<unknown>): Generator<string> {
  const fields = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${indent(JSON.stringify(v, null, 2), '  ')}`);
  let first = true;
  for (const item of items) {
    yield first ? `{\n${[...fields, ''].join(',\n')}  ${JSON.stringify(listKey)}: [\n` : ',\n';
    yield `    ${indent(JSON.stringify(item, null, 2), '    ')}`;
    first = false;
  }
  yield first ? `{\n${[...fields, ''].join(',\n')}  ${JSON.stringify(listKey)}: []\n}\n` : '\n  ]\n}\n';
}
