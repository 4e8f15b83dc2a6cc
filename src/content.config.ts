import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { KnowledgeEntryFrontmatterSchema } from './lib/schema/knowledgeEntry';
import { DepthPresetSchema, OverlaySchema } from './lib/schema/methodology';
import { PipelineStepFrontmatterSchema } from './lib/schema/pipelineStep';
import { ProjectTypeConfigSchema } from './lib/schema/projectTypeConfig';
import { BodyRefSchema } from './lib/schema/bodyRef';
import { knowledgeTreeLoader, type Slice } from './loaders/knowledgeTreeLoader';
import { siteSettings } from './siteSettings';

const settings = siteSettings();
const loader = (slice: Slice) => knowledgeTreeLoader(slice, settings);
const file = { file: z.string() };
const body = BodyRefSchema();

export const collections = {
  entries: defineCollection({
    loader: loader('entries'),
    schema: KnowledgeEntryFrontmatterSchema().extend({
      ...file,
      domain: z.string(),
      title: z.string(),
      words: z.number(),
      body,
      /** When the entry last changed: its `last-reviewed`, else its file's last commit (src/loaders/gitDates.ts). */
      updated: z.object({ date: z.string(), source: z.enum(['last-reviewed', 'git']) }).nullable(),
    }),
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
      ogMode: z.enum(['entries', 'domains', 'off']),
      projectTypeConfigs: z.array(ProjectTypeConfigSchema()),
      aliases: z.object({ entries: z.record(z.string(), z.string()), anchors: z.record(z.string(), z.record(z.string(), z.string())) }),
      presets: z.array(z.object({ id: z.string(), ...file, data: DepthPresetSchema() })),
      /** Under `npm run dev`, a tree with problems: the pages show them (src/content.ts). */
      problems: z
        .object({ title: z.string(), message: z.string(), file: z.string().optional(), line: z.number().optional(), column: z.number().optional() })
        .nullable(),
    }),
  }),
};
