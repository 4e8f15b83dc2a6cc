import type { Problem } from './problems';

/**
 * The fields scaffold reads in overlays, depth presets and step frontmatter (scaffold 3.9 to
 * 3.54). Anything else is ignored by scaffold and by this site, so a misspelt field
 * (`knowledge-override:`) would drop its content without a word: each one is a warning.
 */
const TOGGLE = ['enabled', 'conditional'];
const LIST_OVERRIDE = ['append', 'prepend', 'remove', 'replace'];
const OVERLAY = ['name', 'description', 'project-type', 'domain', 'step-overrides', 'knowledge-overrides', 'reads-overrides', 'dependency-overrides'];
const PRESET = ['name', 'description', 'default_depth', 'steps'];
const STEP = ['name', 'description', 'summary', 'phase', 'order', 'dependencies', 'outputs', 'conditional', 'knowledge-base', 'reads', 'detect', 'stateless', 'category', 'argument-hint'];

function unknown(file: string, record: unknown, known: string[], path: string, out: Problem[]): void {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return;
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) out.push({ file, field: path ? `${path}.${key}` : key, expected: `not a field scaffold reads (${known.join(', ')}), so ignored` });
  }
}

function nested(file: string, record: Record<string, unknown>, field: string, known: string[], out: Problem[]): void {
  const map = record[field];
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return;
  for (const [key, value] of Object.entries(map)) unknown(file, value, known, `${field}.${key}`, out);
}

export function unknownOverlayKeys(file: string, record: Record<string, unknown>): Problem[] {
  const out: Problem[] = [];
  unknown(file, record, OVERLAY, '', out);
  nested(file, record, 'step-overrides', TOGGLE, out);
  for (const field of ['knowledge-overrides', 'reads-overrides', 'dependency-overrides']) nested(file, record, field, LIST_OVERRIDE, out);
  return out;
}

export function unknownPresetKeys(file: string, record: Record<string, unknown>): Problem[] {
  const out: Problem[] = [];
  unknown(file, record, PRESET, '', out);
  nested(file, record, 'steps', TOGGLE, out);
  return out;
}

export function unknownStepKeys(file: string, record: Record<string, unknown>): Problem[] {
  const out: Problem[] = [];
  unknown(file, record, STEP, '', out);
  return out;
}
