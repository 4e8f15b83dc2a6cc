import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { contentRootFromEnv } from './lib/kb/loadTree';
import { normalizeBase } from './lib/links';
import { KnowledgeEntryFrontmatterSchema } from './lib/schema/knowledgeEntry';
import { DepthPresetSchema, OverlaySchema } from './lib/schema/methodology';
import { PipelineStepFrontmatterSchema } from './lib/schema/pipelineStep';
import { ProjectTypeConfigSchema } from './lib/schema/projectTypeConfig';
import { BodyRefSchema } from './lib/schema/bodyRef';
import { knowledgeTreeLoader, type Slice } from './loaders/knowledgeTreeLoader';

const root = contentRootFromEnv(process.env, process.cwd());
const base = normalizeBase(process.env.BASE_PATH);
const loader = (slice: Slice) => knowledgeTreeLoader(slice, root, base);
const file = { file: z.string() };
const body = BodyRefSchema();

export const collections = {
  entries: defineCollection({
    loader: loader('entries'),
    schema: KnowledgeEntryFrontmatterSchema().extend({ ...file, domain: z.string(), title: z.string(), body }),
  }),
  steps: defineCollection({ loader: loader('steps'), schema: PipelineStepFrontmatterSchema().extend({ ...file, body }) }),
  overlays: defineCollection({ loader: loader('overlays'), schema: OverlaySchema().extend(file) }),
  domains: defineCollection({ loader: loader('domains'), schema: z.object({ domain: z.string(), file: z.string().nullable(), body: body.nullable() }) }),
  meta: defineCollection({
    loader: loader('meta'),
    schema: z.object({
      root: z.string(),
      version: z.string().nullable(),
      hasPipeline: z.boolean(),
      projectTypeConfigs: z.array(ProjectTypeConfigSchema()),
      presets: z.array(z.object({ id: z.string(), ...file, data: DepthPresetSchema() })),
    }),
  }),
};
