import type { Plugin } from 'vite';

/**
 * Vite wraps every dynamic `import()` in a preload helper (~0.9 KB gzip) that also fetches the
 * imported chunk's JS dependencies and CSS. It lands in the search boot chunk every page loads,
 * which alone broke the 2 KB budget for JavaScript before interaction; Vite has no switch to omit
 * it (vitejs/vite#13952). Our dynamic imports need neither service: the search boot already
 * fetches its chunks side by side, and no dynamically imported chunk has CSS of its own — which
 * this plugin checks, failing the build if one ever does, since the pass-through would drop it.
 */
const HELPER = '\0vite/preload-helper.js';

/** Vite's `__vite__mapDeps` table and its calls: dead weight once the helper ignores them. */
export function dropDependencyLists(code: string): string {
  return code.replace(/^const __vite__mapDeps=.*\n/m, '').replace(/__vite__mapDeps\(\[[\d,]*\]\)/g, '[]');
}

export function passThroughPreload(): Plugin {
  return {
    name: 'scaffold-kb:pass-through-preload',
    apply: 'build',
    enforce: 'pre',
    resolveId: (id) => (id === HELPER ? id : null),
    load: (id) => (id === HELPER ? 'export const __vitePreload = (load) => load();' : null),
    generateBundle: {
      // After Vite has written its dependency lists, which the pass-through never reads.
      order: 'post',
      handler(_options, bundle) {
        // Pages are imported dynamically in the server build, with their CSS handled by Astro;
        // only browser chunks go through the helper.
        if (this.environment?.config.consumer !== 'client') return;
        const dynamic = new Set(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? c.dynamicImports : [])));
        for (const name of dynamic) {
          const chunk = bundle[name];
          const css = chunk?.type === 'chunk' ? chunk.viteMetadata?.importedCss : undefined;
          if (css?.size) this.error(`${name} is imported dynamically and has CSS (${[...css].join(', ')}); the pass-through preload helper would not load it.`);
        }
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && chunk.code.includes('__vite__mapDeps')) chunk.code = dropDependencyLists(chunk.code);
        }
      },
    },
  };
}
