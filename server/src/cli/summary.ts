// Totals over a run, shared by the exit code, the text summary line and the JSON/SARIF outputs.
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE } from './errors';
import type { FileReport } from './report';

export interface Summary {
  files: number;
  checked: number;
  skipped: number;
  failed: number;
  findings: number;
  filesWithFindings: number;
  /** Operands that could not be used at all (missing file, empty directory). */
  problems: number;
}

export function summarize(reports: FileReport[], problems: string[]): Summary {
  const count = (status: FileReport['status']) => reports.filter((r) => r.status === status).length;
  return {
    files: reports.length,
    checked: count('checked'),
    skipped: count('skipped'),
    failed: count('failed'),
    findings: reports.reduce((n, r) => n + r.findings.length, 0),
    filesWithFindings: reports.filter((r) => r.findings.length > 0).length,
    problems: problems.length,
  };
}

/** Unusable input outranks findings: a CI job must not pass because a file was not read. */
export function exitCode(summary: Summary): number {
  if (summary.problems > 0 || summary.failed > 0 || summary.checked === 0) return EXIT_UNUSABLE;
  return summary.findings > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
