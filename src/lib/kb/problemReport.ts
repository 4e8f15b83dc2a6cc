import { formatProblem, type Problem } from './problems';

export type Severity = 'error' | 'warning';
export type ReportFormat = 'text' | 'json' | 'github';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'github'];

export interface ReportInput {
  /** What was checked, for the text heading: the content folder. */
  root: string;
  problems: readonly Problem[];
  warnings: readonly Problem[];
  /**
   * Turns a problem's file (relative to the content folder) into the path a CI system shows it
   * under: relative to the repository, e.g. `content/knowledge/ml/ml-security.md`.
   */
  pathOf?: (file: string) => string;
}

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The build's own wording: the problem list, then the warnings. */
export function textReport({ root, problems, warnings }: ReportInput): string {
  const out: string[] = [];
  if (problems.length) out.push(`The knowledge base at ${root} has ${count(problems.length, 'problem')}:`, ...problems.map(formatProblem));
  if (warnings.length) out.push(`${count(warnings.length, 'warning')} in ${root}:`, ...warnings.map(formatProblem));
  if (!problems.length) out.push(`The knowledge base at ${root} has no problems.`);
  return `${out.join('\n')}\n`;
}

/** One object per problem, for editors and scripts. */
export function jsonReport({ problems, warnings, pathOf = (f) => f }: ReportInput): string {
  const row = (severity: Severity) => (p: Problem) => ({
    file: pathOf(p.file),
    line: p.line ?? null,
    column: p.column ?? null,
    field: p.field ?? null,
    found: p.found ?? null,
    expected: p.expected,
    severity,
  });
  return `${JSON.stringify([...problems.map(row('error')), ...warnings.map(row('warning'))], null, 2)}\n`;
}

// GitHub's workflow commands: data escapes %, CR and LF; properties also : and ,.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,col=…,title=…::…`, so problems show on a pull request's lines. */
export function githubReport({ problems, warnings, pathOf = (f) => f }: ReportInput): string {
  const line = (severity: Severity) => (p: Problem) => {
    // A problem that names several files (`a.md, b.md`) is put on the first.
    const props = [`file=${escapeProperty(pathOf(p.file.split(', ')[0]))}`];
    if (p.line) props.push(`line=${p.line}`);
    if (p.line && p.column) props.push(`col=${p.column}`);
    props.push(`title=${escapeProperty(p.field ? `scaffold-kb: ${p.field}` : 'scaffold-kb')}`);
    const message = p.found !== undefined ? `${p.expected}; found ${p.found}` : p.expected;
    return `::${severity} ${props.join(',')}::${escapeData(message)}`;
  };
  const rows = [...problems.map(line('error')), ...warnings.map(line('warning'))];
  return rows.length ? `${rows.join('\n')}\n` : '';
}

export function report(format: ReportFormat, input: ReportInput): string {
  return format === 'json' ? jsonReport(input) : format === 'github' ? githubReport(input) : textReport(input);
}
