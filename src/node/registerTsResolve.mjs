// Lets plain Node run the TypeScript sources the bundler runs: Node strips their types, and
// this hook finds modules imported without an extension (`./renderBody` is `./renderBody.ts`).
// Imported for its effect by worker threads and command-line tools.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (err) {
      if (/^\.\.?\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier)) return nextResolve(`${specifier}.ts`, context);
      throw err;
    }
  },
});
