import { z } from 'astro/zod';
import { AnchorAliasesSchema, CalendarDateSchema, KebabNameSchema, SafeUrlSchema } from './shared';

export const VOLATILITY = ['stable', 'evolving', 'fast-moving'] as const;

/** One entry of `sources`: where a fact came from and when it was last checked. */
export const SourceSchema = () =>
  z.looseObject({
    url: SafeUrlSchema(),
    anchor: z.string().optional(),
    hash: z.string().optional(),
    retrieved: CalendarDateSchema().optional(),
  });

/**
 * Frontmatter of `knowledge/<domain>/<name>.md`. Unknown fields are kept: upstream adds
 * fields over time and a site that rejected them would break on the next release.
 */
export const KnowledgeEntryFrontmatterSchema = () =>
  z.looseObject({
    /** The entry's id; must equal the file name and be unique across domains. */
    name: KebabNameSchema(),
    /** One-line summary shown in lists, previews and search results. */
    description: z.string().trim().min(1, { error: 'expected a non-empty string' }),
    /** Search tags; each becomes a topic page. */
    topics: z.array(z.string().trim().min(1)),
    /** How fast the guidance goes stale. */
    volatility: z.enum(VOLATILITY).optional(),
    /** Day of the last human review, or null when never reviewed. */
    'last-reviewed': CalendarDateSchema().nullable().optional(),
    /** The tool version the guidance was written against. */
    'version-pin': z.string().nullable().optional(),
    sources: z.array(SourceSchema()).optional(),
    /** Former names: each is published as a redirect page to this entry, so old links keep working. */
    aliases: z.array(KebabNameSchema()).optional(),
    /** Former heading ids → current ones: an old `#anchor` lands on the section that replaced it. */
    'anchor-aliases': AnchorAliasesSchema().optional(),
  });

export type KnowledgeEntryFrontmatter = z.output<ReturnType<typeof KnowledgeEntryFrontmatterSchema>>;
