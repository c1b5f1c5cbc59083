// The compiler-style text output, one line per finding and a note per component, in the form
// editors' problem matchers and Vim's default errorformat already parse:
//   file:line:column: warning: message [rule]
import type { FileReport, ReportedFinding } from '../report';
import { plural, type Summary } from '../summary';

const SEVERITY_WORD: Record<ReportedFinding['severity'], string> = { warning: 'warning', information: 'info' };

/** The stdout lines for one file (empty when it foots and has nothing to note). */
export function formatFileText(report: FileReport): string {
  const lines: string[] = [];
  for (const note of report.notes) lines.push(`${report.file}: note: ${note}`);
  for (const finding of report.findings) {
    lines.push(`${report.file}:${finding.line}:${finding.column}: ${SEVERITY_WORD[finding.severity]}: ${finding.message} [${finding.rule}]`);
    for (const related of finding.related) lines.push(`${report.file}:${related.line}:${related.column}: note: ${related.message}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** The closing line on stderr, only when there is something to count. */
export function formatSummaryText(summary: Summary): string | undefined {
  // Nothing checked gets its own message; a clean run stays silent, as compilers do.
  if (summary.checked === 0 || (summary.findings === 0 && summary.skipped === 0)) return undefined;
  const counts = [`${summary.checked} checked`, ...(summary.skipped ? [`${summary.skipped} skipped`] : [])].join(', ');
  return `tickmark: ${plural(summary.findings, 'finding')} in ${plural(summary.filesWithFindings, 'file')} (${counts})`;
}
