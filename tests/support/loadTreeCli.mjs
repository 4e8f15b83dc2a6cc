// Loads a content tree as the build does and prints its problem list, in a process of its own:
// a test runs it as an unprivileged user, since root reads files whatever their permissions.
// `node tests/support/loadTreeCli.mjs <content-dir>`; exit 1 when the tree has problems.
import '../../src/node/registerTsResolve.mjs';

const { loadTree } = await import('../../src/tree/loadTree.ts');
const { KnowledgeBaseError } = await import('../../src/lib/kb/problems.ts');
try {
  const { tree } = loadTree(process.argv[2]);
  console.log(`${tree.entries.length} entries`);
} catch (err) {
  if (!(err instanceof KnowledgeBaseError)) throw err;
  console.log(err.message);
  process.exit(1);
}
