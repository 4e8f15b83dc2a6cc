import { z } from 'astro/zod';

const ValueSchema = () => z.union([z.string(), z.boolean()]);

const ChoiceSchema = () =>
  z.object({
    value: ValueSchema(),
    /**
     * What choosing this value says about the project. Not what scaffold does with it: in the
     * releases this reference describes, config values are validated and stored, nothing more.
     */
    meaning: z.string().min(1),
    /** Knowledge entries that matter most for a project with this value. */
    entries: z.array(z.string().min(1)).optional(),
  });

/**
 * `project-types/<type>.yml`: the configuration scaffold's `init` asks for, as a reference
 * shown on the type's landing page. Optional: upstream trees do not ship it.
 */
export const ProjectTypeConfigSchema = () =>
  z.object({
    'project-type': z.string().min(1),
    /** Key under `project:` in `.scaffold/config.yml`, e.g. `mlConfig`. */
    'config-key': z.string().min(1),
    /** The type's human name (`Machine learning`); without it the id is spelled out (`ml` → `ML`). */
    title: z.string().trim().min(1).optional(),
    description: z.string().min(1),
    /** Validation facts that span fields or files, one plain sentence each. */
    rules: z.array(z.string().min(1)).default([]),
    options: z.array(
      z.object({
        name: z.string().min(1),
        /** `list`: an array whose items are drawn from `choices`. */
        type: z.enum(['enum', 'boolean', 'list']),
        required: z.boolean().default(false),
        default: z.union([ValueSchema(), z.array(z.string())]).optional(),
        description: z.string().min(1),
        /** The `scaffold init` flag that sets this field. */
        flag: z.string().regex(/^--[a-z0-9-]+$/).optional(),
        /** What the interactive wizard or `--auto` does for this field, when it differs from `default`. */
        wizard: z.string().min(1).optional(),
        choices: z.array(ChoiceSchema()).min(1),
      }),
    ),
  });

export type ProjectTypeConfig = z.output<ReturnType<typeof ProjectTypeConfigSchema>>;
