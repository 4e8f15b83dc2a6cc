/**
 * scaffold's vocabulary, explained once. Landing pages show the one-line `short` form where a
 * term first appears and link to the About page, which shows `long` under the term's id.
 */
export interface Term {
  id: string;
  label: string;
  short: string;
  long: string;
}

export const TERMS = {
  step: {
    id: 'step',
    label: 'step',
    short: 'one task of the scaffold pipeline, such as choosing the tech stack or planning tests.',
    long: 'scaffold builds a project by running a pipeline of steps, one task each: write the product requirements, choose the tech stack, design the database, plan the tests. Each step names the knowledge entries to read while doing it.',
  },
  phase: {
    id: 'phase',
    label: 'phase',
    short: 'a stage of the pipeline that groups steps, such as product definition or architecture.',
    long: 'Steps are grouped into phases (product definition, foundation, architecture, quality, …). Phases run in order and so do the steps inside them, which is why a reading path follows phase order, then step order.',
  },
  overlay: {
    id: 'overlay',
    label: 'overlay',
    short: 'the file that adapts the pipeline to one project type: it adds knowledge to steps and can switch steps on or off.',
    long: 'An overlay (`methodology/<type>-overlay.yml`) adapts the shared pipeline to one project type. It adds knowledge entries to steps (appends and prepends), can remove or replace what a step names, and can switch steps on or off. Cross-cutting overlays such as multi-service apply on top of any type.',
  },
  'step-override': {
    id: 'step-override',
    label: 'step override',
    short: "an overlay's decision to switch a step on or off, or make it conditional, for its type.",
    long: "A step override is the part of an overlay that changes whether a step runs for the type: `enabled: false` drops it, `enabled: true` adds a step the presets leave out, and a `conditional` value makes it run only when the project needs it. Without an override, the deepest depth preset decides; without presets, every step runs.",
  },
  conditional: {
    id: 'conditional',
    label: 'conditional',
    short: 'a step that runs only if the project needs it (“if-needed”).',
    long: 'A conditional step is offered but not forced: with `conditional: if-needed` scaffold runs it only when the project calls for it. Landing pages say “only if needed” for such steps and “not run for this type” for steps that are switched off.',
  },
  'sub-overlay': {
    id: 'sub-overlay',
    label: 'domain sub-overlay',
    short: 'an add-on to a project type for one business domain, switched on in the project’s configuration.',
    long: 'A domain sub-overlay (`methodology/<type>-<domain>.yml`, e.g. backend + fintech) appends knowledge for one business domain. A project switches it on by naming the domain under its type’s configuration key in `.scaffold/config.yml`, e.g. `domain: fintech` under `project.backendConfig`; a list turns on several.',
  },
  'base-knowledge': {
    id: 'base-knowledge',
    label: 'base knowledge',
    short: 'entries a step names for every project type, before any overlay adds its own.',
    long: "Base knowledge is what a step names itself (`knowledge-base` in the step file): every project type gets it at that step. A landing page lists it alongside the type's own entries and lets you show only the type's own.",
  },
  'reading-path': {
    id: 'reading-path',
    label: 'reading path',
    short: 'every entry a project of the type gets, once, in the order the pipeline first needs it.',
    long: "A type's reading path lists each entry its projects get exactly once, at the first step that needs it, in phase order and then step order. Entry pages show the path of their type in a sidebar and link to the previous and next entry of it.",
  },
} as const satisfies Record<string, Term>;

export type TermId = keyof typeof TERMS;
