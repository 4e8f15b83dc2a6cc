import { defineConfig } from 'vitest/config';

// Vitest run straight from an older Node fails later without saying why (its reporter calls
// Map.groupBy; the builds need Astro's Node): npm test and npm run test:unit bring Node 22.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  throw new Error(`The tests need Node 22.18 or newer; this is Node ${process.versions.node}. Run them with npm test or npm run test:unit, which install Node 22 into .tools/ when the machine's is older.`);
}

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
