import { mkdtempSync, readdirSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyPack, readBody } from '../../src/render/bodyPack';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('rendered bodies packed one file per kind', () => {
  it('should give back each body exactly, multi-byte text included, from one file per kind', () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-pack-'));
    const pack = new BodyPack(join(dir, 'bodies'));
    const bodies = { a: '<p>café — naïve ü</p>', b: '', c: '<h2 id="x">日本語</h2>'.repeat(500) };
    for (const [name, html] of Object.entries(bodies)) pack.write('entries', name, html);
    pack.write('steps', 'a', '<p>a step</p>');
    pack.close();
    for (const [name, html] of Object.entries(bodies)) expect(readBody(pack.span('entries', name)!)).toBe(html);
    expect(readBody(pack.span('steps', 'a')!)).toBe('<p>a step</p>');
    expect(readdirSync(join(dir, 'bodies')).sort()).toEqual(['entries.html', 'steps.html']);
    expect(pack.span('entries', 'missing')).toBeUndefined();
  });

  it('should serve the latest version of a body written twice, leaving the others alone', () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-pack-'));
    const pack = new BodyPack(dir);
    pack.write('entries', 'a', '<h2 id="new">A</h2>');
    pack.write('entries', 'b', '<p>b</p>');
    pack.write('entries', 'a', '<h2 id="new"><span id="old"></span>A</h2>');
    pack.close();
    expect(readBody(pack.span('entries', 'a')!)).toBe('<h2 id="new"><span id="old"></span>A</h2>');
    expect(readBody(pack.span('entries', 'b')!)).toBe('<p>b</p>');
  });

  it('should name the file when it no longer holds the body', () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-pack-'));
    const pack = new BodyPack(dir);
    pack.write('entries', 'a', '<p>one</p>');
    pack.write('entries', 'b', '<p>two</p>');
    pack.close();
    truncateSync(join(dir, 'entries.html'), 12);
    expect(() => readBody(pack.span('entries', 'b')!)).toThrow(/entries\.html ends before the rendered body at bytes 10–20/);
  });
});
