import { z } from 'astro/zod';

const ChoiceSchema = () =>
  z.object({
    value: z.union([z.string(), z.boolean()]),
    /** What picking this value changes in the generated project. */
    effect: z.string().min(1),
  });

/**
 * `project-types/<type>.yml`: the configuration scaffold's `init` asks for, as a reference
 * shown on the type's landing page. Optional: upstream trees do not ship it.
 */
export const ProjectTypeConfigSchema = () =>
  z.object({
    'project-type': z.string().min(1),
    'config-key': z.string().min(1),
    description: z.string().min(1),
    options: z.array(
      z.object({
        name: z.string().min(1),
        type: z.enum(['enum', 'boolean']),
        required: z.boolean().default(false),
        default: z.union([z.string(), z.boolean()]).optional(),
        description: z.string().min(1),
        choices: z.array(ChoiceSchema()).min(1),
      }),
    ),
  });

export type ProjectTypeConfig = z.output<ReturnType<typeof ProjectTypeConfigSchema>>;
