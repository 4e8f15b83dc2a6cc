import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { contentRootFromEnv } from './lib/kb/loadTree';
import { normalizeBase } from './lib/links';
import { KnowledgeEntryFrontmatterSchema } from './lib/schema/knowledgeEntry';
import { DepthPresetSchema, OverlaySchema } from './lib/schema/methodology';
import { PipelineStepFrontmatterSchema } from './lib/schema/pipelineStep';
import { ProjectTypeConfigSchema } from './lib/schema/projectTypeConfig';
import { knowledgeTreeLoader, type Slice } from './loaders/knowledgeTreeLoader';

const root = contentRootFromEnv(process.env, process.cwd());
const base = normalizeBase(process.env.BASE_PATH);
const loader = (slice: Slice) => knowledgeTreeLoader(slice, root, base);
const file = { file: z.string() };
/** A rendered markdown body: the HTML file the loader wrote and the headings for the TOC. */
const BodyRefSchema = z.object({
  html: z.string(),
  headings: z.array(z.object({ depth: z.number(), slug: z.string(), text: z.string() })),
  title: z.string().optional(),
});

export const collections = {
  entries: defineCollection({
    loader: loader('entries'),
    schema: KnowledgeEntryFrontmatterSchema().extend({ ...file, domain: z.string(), title: z.string(), body: BodyRefSchema }),
  }),
  steps: defineCollection({ loader: loader('steps'), schema: PipelineStepFrontmatterSchema().extend({ ...file, body: BodyRefSchema }) }),
  overlays: defineCollection({ loader: loader('overlays'), schema: OverlaySchema().extend(file) }),
  presets: defineCollection({ loader: loader('presets'), schema: DepthPresetSchema().extend(file) }),
  domains: defineCollection({ loader: loader('domains'), schema: z.object({ domain: z.string(), file: z.string().nullable(), body: BodyRefSchema.nullable() }) }),
  meta: defineCollection({
    loader: loader('meta'),
    schema: z.object({
      root: z.string(),
      version: z.string().nullable(),
      hasPipeline: z.boolean(),
      projectTypeConfigs: z.array(ProjectTypeConfigSchema()),
    }),
  }),
};
