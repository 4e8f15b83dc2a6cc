import { beforeAll, describe, expect, it } from 'vitest';
import { checkFences, describeFailure, fencesIn, fencesOf, markdownFiles, type FenceFailure } from '../support/codeFences';

// Every fenced block in content/ must parse in the language its fence names; a block is skipped
// only when its fence says so (`text`, `plaintext`, `diff`, `console`, `output`, or `no-check`).
const files = markdownFiles('content');

describe('fenced code blocks in content/', () => {
  let failures: FenceFailure[] = [];
  beforeAll(() => {
    failures = checkFences(fencesIn('content'));
  });

  it('should find markdown files with code blocks to check', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(fencesIn('content').length).toBeGreaterThan(0);
  });

  it.each(files)('%s: every block parses in its language', (file) => {
    const mine = failures.filter((f) => f.fence.file === file).map(describeFailure);
    expect(mine, `\n${mine.join('\n')}\n`).toEqual([]);
  });
});

// The checker itself must be able to fail: good and broken blocks per language, in one sample file.
describe('the code-block checker', () => {
  // [opening fence, body lines, closing fence, expected failure (undefined = passes or is skipped)]
  const cases: [string, string[], string, RegExp | undefined][] = [
    ['```python', ['def ok():', '    return 1'], '```', undefined],
    ['```python', ['def broken(:', '    pass'], '```', /\[python\] SyntaxError: .*line 1 of the block/],
    ['```python', ['type Pair[T] = tuple[T, T]', 'print(f"{"nested quotes"}")'], '```', undefined],   // 3.12-only syntax
    ['```yaml', ['a: 1', '---', 'b: [2]'], '```', undefined],
    ['```yml', ['a: [1'], '```', /\[yml\] YAML:/],
    ['```json', ['{"a": 1}'], '```', undefined],
    ['```json', ['{"a": 1,}'], '```', /\[json\] JSON:/],
    ['```toml', ['a = 1'], '```', undefined],
    ['```toml', ['a = '], '```', /\[toml\] TOML:/],
    ['```ts', ['const a: number = 1;'], '```', undefined],
    ['```typescript', ['const a: = 1;'], '```', /\[typescript\] esbuild:/],
    ['```jsx', ['const a = <div/>;'], '```', undefined],
    ['```js', ['const a = <div/>;'], '```', /\[js\] esbuild:/],
    ['```bash', ['if true; then echo hi; fi'], '```', undefined],
    ['```sh', ['if true; then echo hi'], '```', /\[sh\] bash -n:/],
    ['```dockerfile', ['# syntax=docker/dockerfile:1', 'FROM python:3.12-slim', 'RUN pip install x \\', '    && echo done'], '```', undefined],
    ['```dockerfile', ['FROM python:3.12-slim', 'pip install x'], '```', /\[dockerfile\] line 2 of the block: "pip install x"/],
    ['```text', ['anything {'], '```', undefined],
    ['~~~sql no-check', ['SELECT ('], '~~~', undefined],
    ['```diff', ['- a', '+ b'], '```', undefined],
    ['```sql', ['SELECT 1'], '```', /\[sql\] no checker for language "sql".*`text`.*no-check/],
    ['```', ['no language'], '```', /\[\(no language\)\] fence has no language/],
    ['- item\n\n  ````python', ['  x = """', '  ```', '  """', '  def nested(:'], '  ````', /\[python\] SyntaxError: .*line 4 of the block/],
  ];
  const lines = ['---', 'name: sample', 'topics: [a]', '---', 'Intro.', ''];
  const starts: number[] = [];
  for (const [open, body, close] of cases) {
    const openLines = open.split('\n');
    starts.push(lines.length + openLines.length);
    lines.push(...openLines, ...body, close, '');
  }
  const failures = checkFences(fencesOf(lines.join('\n'), 'sample.md'));

  it.each(cases.map((c, i) => [c[0].split('\n').at(-1)!.trim(), starts[i], c[3]] as const))(
    '%s block at line %i',
    (_fence, line, expected) => {
      const mine = failures.filter((f) => f.fence.line === line).map(describeFailure);
      if (!expected) expect(mine).toEqual([]);
      else {
        expect(mine).toHaveLength(1);
        expect(mine[0].startsWith(`sample.md:${line} [`), mine[0]).toBe(true);
        expect(mine[0]).toMatch(expected);
      }
    },
  );

  it('should report nothing else', () => {
    expect(failures).toHaveLength(cases.filter((c) => c[3]).length);
  });
});
