/** How a fence's info string is named on the code block's label: `ts` → `TypeScript`. */
const NAMES: Record<string, string> = {
  bash: 'Bash', sh: 'Shell', shell: 'Shell', zsh: 'Shell', console: 'Console', powershell: 'PowerShell', ps1: 'PowerShell',
  js: 'JavaScript', javascript: 'JavaScript', mjs: 'JavaScript', jsx: 'JSX', ts: 'TypeScript', typescript: 'TypeScript', tsx: 'TSX',
  json: 'JSON', jsonc: 'JSON', yaml: 'YAML', yml: 'YAML', toml: 'TOML', ini: 'INI', xml: 'XML', html: 'HTML', css: 'CSS',
  sql: 'SQL', py: 'Python', python: 'Python', rb: 'Ruby', ruby: 'Ruby', go: 'Go', rs: 'Rust', rust: 'Rust', java: 'Java',
  kt: 'Kotlin', kotlin: 'Kotlin', swift: 'Swift', c: 'C', cpp: 'C++', 'c++': 'C++', cs: 'C#', csharp: 'C#', php: 'PHP',
  sol: 'Solidity', solidity: 'Solidity', graphql: 'GraphQL', gql: 'GraphQL', proto: 'Protobuf', protobuf: 'Protobuf',
  dockerfile: 'Dockerfile', docker: 'Dockerfile', makefile: 'Makefile', make: 'Makefile', md: 'Markdown', markdown: 'Markdown',
  diff: 'Diff', text: 'Text', txt: 'Text', plaintext: 'Text', hcl: 'HCL', terraform: 'Terraform', tf: 'Terraform',
  gdscript: 'GDScript', lua: 'Lua', r: 'R', scala: 'Scala', dart: 'Dart', elixir: 'Elixir', ex: 'Elixir', mermaid: 'Mermaid',
};

export function codeLanguageLabel(lang: string): string {
  return NAMES[lang.toLowerCase()] ?? (lang || 'Text');
}
