// The JSON output of check: every file with its status, findings (1-based positions, exclusive
// end column, as in the text output) and notes, plus the operands that could not be used.
import type { FileReport } from '../report';
import type { Summary } from '../summary';

export function formatCheckJson(reports: FileReport[], problems: string[], summary: Summary, version: string): string {
  return `${JSON.stringify({ tool: 'tickmark', version, files: reports, problems, summary }, null, 2)}\n`;
}
