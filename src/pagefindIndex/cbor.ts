/**
 * The slice of CBOR (RFC 8949) that Pagefind's index files use: definite lengths only, which
 * is all minicbor writes. Reading walks item boundaries without building values, so a chunk's
 * words can be moved between files as the bytes Pagefind wrote.
 */

export interface Head {
  major: number;
  /** The argument: an integer's value, or a string's, array's or map's length. */
  value: number;
  /** Offset just past the head. */
  end: number;
}

export class CborError extends Error {}

export function readHead(buf: Uint8Array, at: number): Head {
  if (at >= buf.length) throw new CborError(`CBOR ends early at byte ${at}`);
  const first = buf[at];
  const major = first >> 5;
  const info = first & 31;
  if (info < 24) return { major, value: info, end: at + 1 };
  const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
  if (!size) throw new CborError(`CBOR item at byte ${at} has an indefinite or reserved length (${info}), which Pagefind does not write`);
  if (at + 1 + size > buf.length) throw new CborError(`CBOR ends early at byte ${at}`);
  let value = 0;
  for (let i = 1; i <= size; i++) value = value * 256 + buf[at + i];
  return { major, value, end: at + 1 + size };
}

const INT_SIZE = [2, 3, 5, 9];

/** Offset just past the item that starts at `at`. */
export function skipItem(buf: Uint8Array, at: number): number {
  const head = readHead(buf, at);
  switch (head.major) {
    case 0:
    case 1:
    case 7:
      return head.end;
    case 2:
    case 3:
      return head.end + head.value;
    case 4: {
      let p = head.end;
      for (let i = 0; i < head.value; i++) {
        // Word positions are long arrays of small integers: step over those without a call.
        const info = buf[p] & 31;
        if (buf[p] >> 5 <= 1 && info < 28) p += info < 24 ? 1 : INT_SIZE[info - 24];
        else p = skipItem(buf, p);
      }
      if (p > buf.length) throw new CborError(`CBOR ends early at byte ${buf.length}`);
      return p;
    }
    case 5: {
      let p = head.end;
      for (let i = 0; i < head.value * 2; i++) p = skipItem(buf, p);
      return p;
    }
    case 6:
      return skipItem(buf, head.end);
    default:
      throw new CborError(`unknown CBOR major type ${head.major} at byte ${at}`);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function readText(buf: Uint8Array, at: number): { text: string; end: number } {
  const head = readHead(buf, at);
  if (head.major !== 3) throw new CborError(`expected a text string at byte ${at}, found major type ${head.major}`);
  return { text: decoder.decode(buf.subarray(head.end, head.end + head.value)), end: head.end + head.value };
}

/** The offsets of an array's items, and where the array ends. */
export function arrayItems(buf: Uint8Array, at: number): { starts: number[]; end: number } {
  const head = readHead(buf, at);
  if (head.major !== 4) throw new CborError(`expected an array at byte ${at}, found major type ${head.major}`);
  const starts: number[] = [];
  let p = head.end;
  for (let i = 0; i < head.value; i++) {
    starts.push(p);
    p = skipItem(buf, p);
  }
  return { starts, end: p };
}

export function writeHead(major: number, value: number): Uint8Array {
  const m = major << 5;
  if (value < 24) return Uint8Array.of(m | value);
  if (value < 2 ** 8) return Uint8Array.of(m | 24, value);
  if (value < 2 ** 16) return Uint8Array.of(m | 25, value >> 8, value & 255);
  if (value < 2 ** 32) return Uint8Array.of(m | 26, value >>> 24, (value >> 16) & 255, (value >> 8) & 255, value & 255);
  throw new CborError(`CBOR length ${value} is larger than this writer handles`);
}

const encoder = new TextEncoder();

export function writeText(text: string): Uint8Array {
  const bytes = encoder.encode(text);
  return concat([writeHead(3, bytes.length), bytes]);
}

export function writeArray(items: Uint8Array[]): Uint8Array {
  return concat([writeHead(4, items.length), ...items]);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
