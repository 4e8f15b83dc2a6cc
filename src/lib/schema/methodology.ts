import { z } from 'astro/zod';
import { StringListSchema } from './shared';

const StepToggleSchema = () =>
  z.looseObject({
    enabled: z.boolean(),
    conditional: z.string().nullable().optional(),
  });

const ListOverrideSchema = () =>
  z.looseObject({
    append: StringListSchema().optional(),
    prepend: StringListSchema().optional(),
    remove: StringListSchema().optional(),
    replace: z.record(z.string(), z.string()).optional(),
  });

const common = {
  name: z.string().min(1),
  description: z.string().trim().min(1, { error: 'expected a non-empty string' }),
};

/**
 * `methodology/<type>-overlay.yml` (and `<type>-<domain>.yml` sub-overlays): what a project
 * type switches on or off and which knowledge it injects at each step.
 */
export const OverlaySchema = () =>
  z.looseObject({
    ...common,
    /** Present on project-type overlays; absent on cross-cutting ones (multi-service). */
    'project-type': z.string().min(1).optional(),
    /** On a project type's overlay: the type's human name, unless its configuration reference gives one. */
    title: z.string().trim().min(1).optional(),
    /** Makes this a sub-overlay of its project type (backend + fintech). */
    domain: z.string().min(1).optional(),
    'step-overrides': z.record(z.string(), StepToggleSchema()).default({}),
    'knowledge-overrides': z.record(z.string(), ListOverrideSchema()).default({}),
    'reads-overrides': z.record(z.string(), ListOverrideSchema()).optional(),
    'dependency-overrides': z.record(z.string(), ListOverrideSchema()).optional(),
  });

/** `methodology/mvp.yml` and friends: which steps run at which depth. */
export const DepthPresetSchema = () =>
  z.looseObject({
    ...common,
    default_depth: z.number().int(),
    steps: z.record(z.string(), StepToggleSchema()),
  });

export type Overlay = z.output<ReturnType<typeof OverlaySchema>>;
export type DepthPreset = z.output<ReturnType<typeof DepthPresetSchema>>;

export type MethodologyKind = 'overlay' | 'preset';

/** A file is a preset when it lists `steps`; otherwise it must be an overlay. */
export function methodologyKind(data: Record<string, unknown>): MethodologyKind {
  return 'steps' in data || 'default_depth' in data ? 'preset' : 'overlay';
}
