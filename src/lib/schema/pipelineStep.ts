import { z } from 'astro/zod';
import { KebabNameSchema, StringListSchema } from './shared';

/** Frontmatter of `pipeline/<phase>/<step>.md`. Extra fields (detect, category, ...) are kept. */
export const PipelineStepFrontmatterSchema = () =>
  z.looseObject({
    name: KebabNameSchema(),
    description: z.string().trim().min(1, { error: 'expected a non-empty string' }),
    summary: z.string().optional(),
    /** Phase id; steps are ordered by `order` across all phases. */
    phase: z.string().min(1),
    order: z.number(),
    dependencies: StringListSchema().default([]),
    outputs: StringListSchema().default([]),
    reads: StringListSchema().optional(),
    conditional: z.string().nullable().optional(),
    /** Knowledge entries every project type gets at this step. */
    'knowledge-base': StringListSchema().default([]),
  });

export type PipelineStepFrontmatter = z.output<ReturnType<typeof PipelineStepFrontmatterSchema>>;
