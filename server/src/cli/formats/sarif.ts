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

const RULES: Record<string, RuleInfo> = {
  footing: {
    name: 'TotalDoesNotFoot',
    short: 'A total does not equal the sum of its components.',
    full: 'A printed total (or subtotal) differs from the sum, or difference, of the line items above it by more than the rounding of the printed figures allows.',
  },
};

export interface SarifContext {
  version: string;
  /** The directory relative paths are resolved against. */
  cwd: string;
}

export function formatSarif(reports: FileReport[], problems: string[], context: SarifContext): string {
  const ruleIds = [...new Set([...Object.keys(RULES), ...reports.flatMap((r) => r.findings.map((f) => f.rule))])];
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
  const info = RULES[id] ?? { name: id, short: `Tickmark rule ${id}.`, full: `Tickmark rule ${id}.` };
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
