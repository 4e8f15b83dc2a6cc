import { closeSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Where one rendered body sits: a byte range of a pack file. */
export interface BodySpan {
  file: string;
  start: number;
  bytes: number;
}

/**
 * Rendered bodies appended to one file per kind instead of a file each. Creating a file costs
 * ~0.5 ms on the ext4 disk the benchmarks run on (5 s of a 10,000-entry build); appending to an
 * open file costs ~0.03 ms. Writing a body again appends it and moves its span; the old bytes
 * stay as dead space, which only the few rewritten bodies leave.
 */
export class BodyPack {
  private readonly files = new Map<string, { fd: number; size: number; path: string }>();
  private readonly spans = new Map<string, BodySpan>();

  constructor(private readonly dir: string) {}

  write(kind: string, name: string, html: string): void {
    let file = this.files.get(kind);
    if (!file) {
      mkdirSync(this.dir, { recursive: true });
      const path = join(this.dir, `${kind}.html`);
      file = { fd: openSync(path, 'w'), size: 0, path };
      this.files.set(kind, file);
    }
    const bytes = Buffer.from(html, 'utf8');
    for (let done = 0; done < bytes.length; ) done += writeSync(file.fd, bytes, done, bytes.length - done, file.size + done);
    this.spans.set(`${kind}\0${name}`, { file: file.path, start: file.size, bytes: bytes.length });
    file.size += bytes.length;
  }

  span(kind: string, name: string): BodySpan | undefined {
    return this.spans.get(`${kind}\0${name}`);
  }

  /** Done writing: the spans stay valid, the files stay on disk for pages to read. */
  close(): void {
    for (const { fd } of this.files.values()) closeSync(fd);
    this.files.clear();
  }
}

// One buffer for every read, grown to the largest body, rather than a buffer per read that
// lives outside V8's heap until a collection finds it.
let scratch = Buffer.alloc(0);

export function readBody(span: BodySpan): string {
  const fd = openSync(span.file, 'r');
  try {
    if (scratch.length < span.bytes) scratch = Buffer.allocUnsafe(Math.max(span.bytes, 2 * scratch.length));
    const buf = scratch;
    let read = 0;
    while (read < span.bytes) {
      const n = readSync(fd, buf, read, span.bytes - read, span.start + read);
      if (n === 0) throw new Error(`${span.file} ends before the rendered body at bytes ${span.start}–${span.start + span.bytes}: it was changed or cut while the build ran.`);
      read += n;
    }
    return buf.toString('utf8', 0, span.bytes);
  } finally {
    closeSync(fd);
  }
}
