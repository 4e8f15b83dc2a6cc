import { readFileSync } from 'node:fs';

/** Width and height from a PNG's IHDR chunk; throws on a file that is not a PNG. */
export function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  if (b.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
