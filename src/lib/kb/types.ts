import type { KnowledgeEntryFrontmatter } from '../schema/knowledgeEntry';
import type { DepthPreset, Overlay } from '../schema/methodology';
import type { PipelineStepFrontmatter } from '../schema/pipelineStep';
import type { ProjectTypeConfig } from '../schema/projectTypeConfig';

export interface KnowledgeEntry {
  name: string;
  /** Folder under `knowledge/`; shown, never part of a URL. */
  domain: string;
  /** Relative to the content root, with forward slashes. */
  file: string;
  data: KnowledgeEntryFrontmatter;
  body: string;
  /** Line of the file where the body starts, for problems found in it. */
  bodyLine?: number;
}

export interface DomainIntro {
  domain: string;
  file: string;
  body: string;
  bodyLine?: number;
}

export interface PipelineStep {
  name: string;
  file: string;
  data: PipelineStepFrontmatter;
  body: string;
  bodyLine?: number;
}

export interface OverlayDoc {
  /** File name without extension: `backend-fintech`, `web-app-overlay`. */
  id: string;
  file: string;
  data: Overlay;
}

export interface PresetDoc {
  id: string;
  file: string;
  data: DepthPreset;
}

export interface ProjectTypeConfigDoc {
  file: string;
  data: ProjectTypeConfig;
}

export interface KnowledgeTree {
  /** Absolute path of the `content/` directory. */
  root: string;
  /** `knowledge/VERSION`, when the tree carries one. */
  version?: string;
  hasPipeline: boolean;
  entries: KnowledgeEntry[];
  domainIntros: DomainIntro[];
  steps: PipelineStep[];
  overlays: OverlayDoc[];
  presets: PresetDoc[];
  projectTypeConfigs: ProjectTypeConfigDoc[];
}
