import { z } from 'astro/zod';
import { AnchorAliasesSchema, KebabNameSchema } from './shared';

/**
 * `KB_ALIASES=aliases.yml`: the same aliases an entry's frontmatter can carry, kept outside the
 * tree so a checkout the team does not own (upstream scaffold) stays unedited.
 *
 * ```yaml
 * entries:
 *   ml-architecture:                 # the entry's current name
 *     aliases: [ml-system-design]    # names it had before
 *     anchor-aliases: { feature-stores: feature-store-design }
 * ```
 */
export const SiteAliasesSchema = () =>
  z.strictObject({
    entries: z.record(
      KebabNameSchema(),
      z.strictObject({
        aliases: z.array(KebabNameSchema()).optional(),
        'anchor-aliases': AnchorAliasesSchema().optional(),
      }),
    ),
  });

export type SiteAliases = z.output<ReturnType<typeof SiteAliasesSchema>>;
