import { describe, expect, it } from 'vitest';
import { dropDependencyLists, passThroughPreload } from '../../src/integrations/passThroughPreload';

type Context = { error: (m: string) => never; environment: { config: { consumer: 'client' | 'server' } } };
type Hook = (this: Context, o: unknown, b: unknown) => void;
const run = (bundle: Record<string, unknown>, consumer: 'client' | 'server' = 'client') =>
  (passThroughPreload().generateBundle as { handler: Hook }).handler.call({ error: (m: string) => { throw new Error(m); }, environment: { config: { consumer } } }, {}, bundle);
const chunk = (dynamicImports: string[], css: string[] = []) => ({ type: 'chunk', code: '', dynamicImports, viteMetadata: { importedCss: new Set(css) } });

describe('the pass-through preload helper', () => {
  it('should replace the helper with a plain call of the import', async () => {
    const plugin = passThroughPreload();
    const id = '\0vite/preload-helper.js';
    expect((plugin.resolveId as (id: string) => unknown)(id)).toBe(id);
    expect((plugin.resolveId as (id: string) => unknown)('./other.js')).toBeNull();
    const code = (plugin.load as (id: string) => string)(id);
    const mod = await import(`data:text/javascript,${encodeURIComponent(code)}`);
    expect(await mod.__vitePreload(() => Promise.resolve('loaded'), ['dep.js'])).toBe('loaded');
  });

  it('should fail the build when a dynamically imported chunk has CSS it would not load', () => {
    expect(() => run({ 'boot.js': chunk(['ui.js']), 'ui.js': chunk([]) })).not.toThrow();
    expect(() => run({ 'boot.js': chunk(['ui.js']), 'ui.js': chunk([], ['ui.css']) })).toThrow(/ui\.js is imported dynamically and has CSS \(ui\.css\)/);
    // CSS on a statically loaded chunk is Astro's business, not the helper's.
    expect(() => run({ 'page.js': chunk([], ['page.css']) })).not.toThrow();
    // The server build imports every page dynamically, CSS and all; the browser never runs that code.
    expect(() => run({ 'entry.mjs': chunk(['search.mjs']), 'search.mjs': chunk([], ['search.css']) }, 'server')).not.toThrow();
  });

  it("should drop Vite's dependency lists, which the pass-through never reads", () => {
    const code = 'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/a.js","_astro/b.js"])))=>i.map(i=>d[i]);\nimport{t as e}from"./h.js";e(()=>import(`./a.js`),__vite__mapDeps([0,1]));e(()=>import(`./c.js`),[]);';
    expect(dropDependencyLists(code)).toBe('import{t as e}from"./h.js";e(()=>import(`./a.js`),[]);e(()=>import(`./c.js`),[]);');
    const bundle = { 'boot.js': { ...chunk([]), code } };
    run(bundle);
    expect(bundle['boot.js'].code).not.toContain('__vite__mapDeps');
  });
});
