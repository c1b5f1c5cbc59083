// SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps, VS Code's SARIF viewer).
// Relative paths stay relative to %SRCROOT% (the working directory) so results from a CI checkout
// map onto the repository; absolute paths become file: URIs. Columns are UTF-16 code units, as
// the run's columnKind says, which is what the core counts.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileReport, Region, ReportedFinding } from '../report';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

interface RuleInfo {
  name: string;
  short: string;
  full: string;
}

export const RULE_INFO: Record<string, RuleInfo> = {
  footing: {
    name: 'TotalDoesNotFoot',
    short: 'A total does not equal the sum of its components.',
    full: 'A printed total (or subtotal) differs from the sum, or difference, of the line items above it by more than the rounding of the printed figures allows.',
  },
  'cross-footing': {
    name: 'RowDoesNotCrossFoot',
    short: 'A Total or Consolidated column does not equal the sum of the columns beside it, or a change column the difference of its periods.',
    full: 'Across a row, the figure in the Total (or Consolidated) column differs from the sum of the segment or quarter columns, or the figure in a change column from the current period less the prior one, by more than their rounding allows.',
  },
  'balance-sheet': {
    name: 'BalanceSheetDoesNotBalance',
    short: 'Total assets differ from total liabilities and equity.',
    full: "A balance sheet's total assets differ from its total liabilities and stockholders' equity in the same column.",
  },
  percentage: {
    name: 'PercentageDisagrees',
    short: 'A printed percentage differs from the one its figures give.',
    full: 'A margin, percent of total or percent change differs from the percentage computed from the figures it is printed against, beyond rounding.',
  },
  'per-share': {
    name: 'EarningsPerShareDisagrees',
    short: 'Earnings per share differ from net income divided by weighted average shares.',
    full: 'A per-share figure differs from net income over the weighted average shares printed in the same table and column, each at its own scale, beyond the rounding of all three (diluted figures may lie between that quotient and basic).',
  },
  tie: {
    name: 'FactDoesNotTie',
    short: 'The same line item and period differ between two tables.',
    full: 'One line item for one period is printed in two tables (highlights and statement) with values that differ beyond the rounding of both.',
  },
  'cash-tie': {
    name: 'CashDoesNotTie',
    short: "Cash at the end (or beginning) of a period differs from the balance sheet's cash.",
    full: "The cash flow statement's cash at the end or beginning of a period differs from the balance sheet's cash at that date beyond rounding.",
  },
  'tie-prose': {
    name: 'ProseDoesNotTie',
    short: 'A figure in the text differs from the table cell it names.',
    full: 'A figure quoted in prose ("revenues were $16.0 million") differs, beyond its rounding, from the one table cell with that line item and period.',
  },
};

export interface SarifContext {
  version: string;
  /** The directory relative paths are resolved against. */
  cwd: string;
}

export function formatSarif(reports: FileReport[], problems: string[], context: SarifContext): string {
  const ruleIds = [...new Set([...Object.keys(RULE_INFO), ...reports.flatMap((r) => r.findings.map((f) => f.rule))])];
  const results = reports.flatMap((report) => report.findings.map((f) => result(report.file, f, ruleIds)));
  const run = {
    tool: { driver: { name: 'tickmark', version: context.version, semanticVersion: context.version, rules: ruleIds.map(rule) } },
    originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(context.cwd.endsWith(path.sep) ? context.cwd : context.cwd + path.sep).href } },
    columnKind: 'utf16CodeUnits',
    results,
    invocations: [invocation(reports, problems)],
  };
  return `${JSON.stringify({ $schema: SCHEMA, version: '2.1.0', runs: [run] }, null, 2)}\n`;
}

function rule(id: string) {
  const info = RULE_INFO[id] ?? { name: id, short: `Tickmark rule ${id}.`, full: `Tickmark rule ${id}.` };
  return { id, name: info.name, shortDescription: { text: info.short }, fullDescription: { text: info.full }, defaultConfiguration: { level: 'warning' } };
}

function result(file: string, finding: ReportedFinding, ruleIds: string[]) {
  return {
    ruleId: finding.rule,
    ruleIndex: ruleIds.indexOf(finding.rule),
    level: finding.severity === 'warning' ? 'warning' : 'note',
    message: { text: finding.message },
    locations: [{ physicalLocation: physicalLocation(file, finding) }],
    ...(finding.related.length
      ? { relatedLocations: finding.related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: physicalLocation(file, r) })) }
      : {}),
  };
}

function physicalLocation(file: string, region: Region) {
  return {
    artifactLocation: artifactLocation(file),
    region: { startLine: region.line, startColumn: region.column, endLine: region.endLine, endColumn: region.endColumn },
  };
}

export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  // A relative reference: forward slashes, each segment percent-encoded ("a b.txt" → "a%20b.txt").
  const segments = path.normalize(file).split(/[\\/]+/).map(encodeURIComponent);
  return { uri: segments.join('/'), uriBaseId: SRCROOT };
}

function invocation(reports: FileReport[], problems: string[]) {
  const notifications = [
    ...problems.map((text) => ({ level: 'error', message: { text } })),
    ...reports.filter((r) => r.status === 'failed').map((r) => ({ level: 'error', message: { text: `${r.file}: ${r.error ?? 'could not be checked'}` }, locations: [{ physicalLocation: { artifactLocation: artifactLocation(r.file) } }] })),
    ...reports.flatMap((r) => r.notes.map((note) => ({ level: 'note', message: { text: `${r.file}: ${note}` }, locations: [{ physicalLocation: { artifactLocation: artifactLocation(r.file) } }] }))),
  ];
  const successful = problems.length === 0 && reports.every((r) => r.status !== 'failed');
  return { executionSuccessful: successful, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) };
}
