/**
 * The module specifiers a source file names: static imports and re-exports, side-effect
 * imports and dynamic `import('…')` with a literal. Comments are dropped first so a path
 * mentioned in prose is not taken for an import.
 */
export function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specs: string[] = [];
  const pattern = /(?:\bimport|\bexport)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?(['"])([^'"\n]+)\1|\bimport\(\s*(['"])([^'"\n]+)\3\s*\)/g;
  for (const m of code.matchAll(pattern)) specs.push(m[2] ?? m[4]);
  return specs;
}
