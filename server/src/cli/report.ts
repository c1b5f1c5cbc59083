// One file's result, as plain data: what a worker thread sends back and every output format
// reads. Positions are converted here, once, to the 1-based lines and columns people and SARIF use.
import { analyze } from '../core/analyze';
import type { Finding, Span } from '../core/model';
import { positionAt, type SourceText } from '../core/text';
import { describeFsError } from './errors';
import { readText } from './read';

export interface Region {
  /** 1-based line and column of the first character. */
  line: number;
  column: number;
  /** 1-based line and column just after the last character (exclusive, as SARIF's endColumn). */
  endLine: number;
  endColumn: number;
}

export interface ReportedFinding extends Region {
  rule: string;
  severity: Finding['severity'];
  message: string;
  related: Array<Region & { message: string }>;
  suggestion?: string;
}

export type FileStatus = 'checked' | 'skipped' | 'failed';

export interface FileReport {
  file: string;
  status: FileStatus;
  /** Tables found (0 unless checked). */
  tables: number;
  findings: ReportedFinding[];
  /** Things worth knowing that are not findings: skipped, re-decoded, parts not analysed. */
  notes: string[];
  /** Why the file could not be checked (status 'failed'). */
  error?: string;
}

export interface CheckTask {
  file: string;
}

/** Never throws: a file that cannot be read or analysed becomes a 'failed' report. */
export function checkFile(task: CheckTask): FileReport {
  let decoded;
  try {
    decoded = readText(task.file);
  } catch (error) {
    return failed(task.file, describeFsError(error));
  }
  try {
    const { source, model } = analyze(decoded.text);
    const notes = decoded.encoding === 'utf-8' ? [] : [`not valid UTF-8; read as ${decoded.encoding === 'windows-1252' ? 'Windows-1252' : decoded.encoding.toUpperCase()}`];
    notes.push(...model.notes);
    return { file: task.file, status: 'checked', tables: model.tables.length, findings: model.findings.map((f) => reportFinding(source, f)), notes };
  } catch (error) {
    // A bug in the reader must not hide the other files' results; it is reported like unusable input.
    return failed(task.file, `internal error while analysing: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function failed(file: string, error: string): FileReport {
  return { file, status: 'failed', tables: 0, findings: [], notes: [], error };
}

export function skipped(file: string, note: string): FileReport {
  return { file, status: 'skipped', tables: 0, findings: [], notes: [note] };
}

function reportFinding(source: SourceText, finding: Finding): ReportedFinding {
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    ...regionOf(source, finding.span),
    related: finding.related.map((r) => ({ message: r.message, ...regionOf(source, r.span) })),
    ...(finding.suggestion !== undefined ? { suggestion: finding.suggestion } : {}),
  };
}

export function regionOf(source: SourceText, span: Span): Region {
  const start = positionAt(source, span.start);
  const end = positionAt(source, span.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
