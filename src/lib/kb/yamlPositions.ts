import { EVENT_ID, getScalarValue, parseEvents, type Event } from 'js-yaml';

export interface Position {
  /** 1-based, in the text given. */
  line: number;
  column: number;
}

/** Where a YAML event starts in the text. */
function startOf(e: Event): number {
  if (e.type === EVENT_ID.SCALAR) return e.anchorStart >= 0 ? Math.min(e.anchorStart, e.valueStart) : e.valueStart;
  if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) return e.start;
  if (e.type === EVENT_ID.ALIAS) return e.anchorStart - 1;
  return -1;
}

type Frame = { kind: 'mapping'; path: string; key?: string } | { kind: 'sequence'; path: string; index: number };

/**
 * Where each field of a YAML document is written, by the dotted path problems name it with
 * (`knowledge-overrides.tdd.append.0`): a mapping value at its key, a list item where it starts.
 * Parsed only for files that have a problem, so a valid tree pays nothing for it.
 */
export function yamlOffsets(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return out;
  }
  const stack: Frame[] = [];
  const join = (path: string, part: string | number) => (path ? `${path}.${part}` : String(part));
  /** The path a value event takes in its parent, or undefined for a mapping key. */
  const place = (e: Event): string | undefined => {
    const top = stack.at(-1);
    if (!top) return '';
    if (top.kind === 'sequence') {
      const path = join(top.path, top.index++);
      out.set(path, startOf(e));
      return path;
    }
    if (top.key === undefined) {
      const key = e.type === EVENT_ID.SCALAR ? getScalarValue(text, e) : '?';
      top.key = key;
      out.set(join(top.path, key), startOf(e));
      return undefined;
    }
    const path = join(top.path, top.key);
    top.key = undefined;
    return path;
  };
  for (const e of events) {
    if (e.type === EVENT_ID.DOCUMENT) continue;
    if (e.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    const path = place(e);
    if (e.type === EVENT_ID.MAPPING) stack.push({ kind: 'mapping', path: path ?? '?' });
    else if (e.type === EVENT_ID.SEQUENCE) stack.push({ kind: 'sequence', path: path ?? '?', index: 0 });
  }
  return out;
}

/** 1-based line and column of an offset. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Finds fields in one YAML document, parsed once however many fields are asked for: the
 * position of `field`, or of its nearest written ancestor (a missing `description` points at
 * its parent mapping, or at the document's start). Nothing for a document that does not parse.
 */
export function fieldLocator(text: string): (field: string | undefined) => Position | undefined {
  const offsets = yamlOffsets(text);
  return (field) => (offsets.size ? locate(text, offsets, field) : undefined);
}

function locate(text: string, offsets: Map<string, number>, field: string | undefined): Position {
  const parts = field ? field.split('.') : [];
  // A field named by its last part alone (a step name) is found wherever it is a key.
  if (parts.length === 1 && !offsets.has(parts[0])) {
    for (const [path, offset] of offsets) if (path.endsWith(`.${parts[0]}`) && offset >= 0) return positionAt(text, offset);
  }
  for (let n = parts.length; n > 0; n--) {
    const offset = offsets.get(parts.slice(0, n).join('.'));
    if (offset !== undefined && offset >= 0) return positionAt(text, offset);
  }
  return { line: 1, column: 1 };
}
