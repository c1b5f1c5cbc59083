// Hand-labelled accuracy set: what an analyst reading the filing says a figure is (line item,
// column header, scale), checked against what the core's hover would say for the same figure.
// The labels in test/fixtures/labels.json were written by reading the filings, never from the
// program's output, so this measures the parser against the filings rather than against itself.
//
// Run as a script for the full report:  node --import tsx test/support/labels.ts
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { lineItemPath } from '../../server/src/core/hover';
import { cellAt } from '../../server/src/core/lookup';
import type { Row, Table } from '../../server/src/core/model';
import { cellMeasure, unitFactor } from '../../server/src/core/ties';
import { FIXTURES } from './corpus';

export { FIXTURES } from './corpus';
export const LABELS = path.join(FIXTURES, 'labels.json');
export const ATG_FILE = 'atg-2003-q3-ex99.txt';

/**
 * Scale vocabulary. Amounts: "unit" | "thousand" | "million" | "billion". Per-share amounts:
 * "per-share". Percentages: "percent". Share counts: "shares" (units) or "shares-thousand",
 * "shares-million". Other pure numbers (ratios, days, multiples): "ratio".
 */
export type ScaleLabel = string;

export interface Label {
  /** Relative to test/fixtures/. */
  file: string;
  /** 1-based line. */
  line: number;
  /** The figure exactly as printed on that line. */
  figure: string;
  /** 1-based occurrence of `figure` on the line (substring occurrences). Default 1. */
  occurrence?: number;
  /**
   * Key words of the line item. Every phrase must appear within ONE segment of the hover's
   * line-item path (a group heading or the row label, never straddling "›"). So a wrapped label
   * split into "first line › rest", or one whose first line was lost, fails, while a label nested
   * under the heading that names it ("Common stock, $0.01 par value › Issued and outstanding ...")
   * passes. Write a wrapped label as ONE phrase; add a parent heading as a separate phrase only
   * when the label alone is ambiguous.
   */
  lineItem: string[];
  /**
   * Optional: words that must NOT appear anywhere in the line-item path: a heading the row does
   * not belong to (e.g. "Dividends paid per share" is not part of the share-count group above it).
   */
  notLineItem?: string[];
  /** Key words of the column header as printed (spanning headers included); all must appear. */
  period: string[];
  /** Optional: words of a neighbouring column that must NOT appear in this column's header. */
  notPeriod?: string[];
  /** One scale, or several an analyst would accept. */
  scale: ScaleLabel | ScaleLabel[];
  note?: string;
  /** Stress case (layout known to be mangled in the filing); counted separately. */
  hard?: boolean;
}

export interface Got {
  found: boolean;
  cellText?: string;
  lineItem?: string;
  label?: string;
  period?: string;
  scale?: string;
  measure?: string;
}

export interface Result {
  label: Label;
  ok: boolean;
  lineItemOk: boolean;
  periodOk: boolean;
  scaleOk: boolean;
  got: Got;
  /** Set when the label itself could not be placed (figure not on that line): a labelling error. */
  error?: string;
}

/** Lowercase, every run of non-alphanumerics to one space, padded so phrases match whole words. */
export function normalize(text: string): string {
  return ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

function contains(haystack: string, phrase: string): boolean {
  const needle = normalize(phrase);
  return needle.trim() === '' || normalize(haystack).includes(needle);
}

/** The hover's scale for a row, in the label vocabulary. */
export function scaleOf(table: Table, row: Row, column?: number): string {
  const factor = unitFactor(table, row, column);
  switch (cellMeasure(table, row, column)) {
    case 'percent':
      return 'percent';
    case 'perShare':
      return 'per-share';
    case 'ratio':
      return 'ratio';
    case 'shares':
      return factor === 1 ? 'shares' : `shares-${wordOf(factor)}`;
    default:
      return wordOf(factor);
  }
}

function wordOf(factor: number): string {
  switch (factor) {
    case 1:
      return 'unit';
    case 1e3:
      return 'thousand';
    case 1e6:
      return 'million';
    case 1e9:
      return 'billion';
    default:
      return `x${factor}`;
  }
}

/** UTF-16 offset of the first character of the figure's digits (skipping "$", "(" and spaces). */
export function figureOffset(text: string, label: Label): number | string {
  const lines = text.split(/\r?\n/);
  const lineText = lines[label.line - 1];
  if (lineText === undefined) return `line ${label.line} is past the end of the file`;
  let at = -1;
  for (let n = 0; n < (label.occurrence ?? 1); n++) {
    at = lineText.indexOf(label.figure, at + 1);
    if (at < 0) return `"${label.figure}" occurrence ${label.occurrence ?? 1} not on line ${label.line}: ${lineText.trim()}`;
  }
  const digit = label.figure.search(/[0-9]/);
  const inFigure = digit >= 0 ? digit : label.figure.search(/[^\s$(]/);
  let lineStart = 0;
  // Offsets from the raw text so CRLF files count their "\r".
  const eol = /\r?\n/g;
  for (let l = 1; l < label.line; l++) {
    const m = eol.exec(text);
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  return lineStart + at + Math.max(0, inFigure);
}

/** A re-typing of a filing that keeps its lines where they are (upper case, say). */
export type Retype = (text: string) => string;

const analyses = new Map<Retype | undefined, Map<string, { text: string; analysis: Analysis }>>();

function analysisOf(file: string, retype?: Retype): { text: string; analysis: Analysis } {
  const byFile = analyses.get(retype) ?? new Map<string, { text: string; analysis: Analysis }>();
  analyses.set(retype, byFile);
  let entry = byFile.get(file);
  if (!entry) {
    const raw = readFileSync(path.join(FIXTURES, file), 'utf8');
    const text = retype ? retype(raw) : raw;
    entry = { text, analysis: analyze(text) };
    byFile.set(file, entry);
  }
  return entry;
}

export function lineItemMatches(phrases: string[], groups: string[], rowLabel: string): boolean {
  const segments = [...groups, rowLabel];
  return phrases.every((p) => segments.some((s) => contains(s, p)));
}

export function checkLabel(label: Label, retype?: Retype): Result {
  const { text, analysis } = analysisOf(label.file, retype);
  const offset = figureOffset(text, retype ? { ...label, figure: retype(label.figure) } : label);
  const fail = (got: Got, error?: string): Result => ({ label, ok: false, lineItemOk: false, periodOk: false, scaleOk: false, got, error });
  if (typeof offset === 'string') return fail({ found: false }, offset);
  const hit = cellAt(analysis.model, offset);
  if (!hit) return fail({ found: false });
  const { table, row, cell } = hit;
  // What the hover names: an unlabelled total by what it adds up.
  const lineItem = lineItemPath(row, table);
  const rowLabel = lineItem.split(' › ').at(-1) ?? '';
  const period = table.columns[cell.column]?.header ?? '';
  // A "%" cell is a percentage whatever its row measures, as the hover says ("Scale: percent"), and
  // a change in points is in the same vocabulary.
  const scale = cell.percent || cell.points ? 'percent' : scaleOf(table, row, cell.column);
  const lineItemOk = lineItemMatches(label.lineItem, row.groups, rowLabel) && !(label.notLineItem ?? []).some((p) => contains(lineItem, p));
  const periodOk = label.period.every((p) => contains(period, p)) && !(label.notPeriod ?? []).some((p) => contains(period, p));
  const scaleOk = (Array.isArray(label.scale) ? label.scale : [label.scale]).includes(scale);
  return {
    label,
    ok: lineItemOk && periodOk && scaleOk,
    lineItemOk,
    periodOk,
    scaleOk,
    got: { found: true, cellText: cell.text, lineItem, label: row.label, period, scale, measure: row.measure },
  };
}

export function loadLabels(file = LABELS): Label[] {
  return JSON.parse(readFileSync(file, 'utf8')) as Label[];
}

export function checkAll(labels: Label[] = loadLabels(), retype?: Retype): Result[] {
  return labels.map((label) => checkLabel(label, retype));
}

export interface Tally {
  n: number;
  ok: number;
  lineItem: number;
  period: number;
  scale: number;
}

export function tally(results: Result[]): Tally {
  return {
    n: results.length,
    ok: results.filter((r) => r.ok).length,
    lineItem: results.filter((r) => r.lineItemOk).length,
    period: results.filter((r) => r.periodOk).length,
    scale: results.filter((r) => r.scaleOk).length,
  };
}

export function pct(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

function describeFailure(r: Result): string {
  const l = r.label;
  const where = `${l.file}:${l.line} ${l.figure}${(l.occurrence ?? 1) > 1 ? ` (#${l.occurrence})` : ''}${l.hard ? ' [hard]' : ''}`;
  if (r.error) return `${where}\n    LABEL ERROR: ${r.error}`;
  if (!r.got.found) return `${where}\n    not in any table cell (expected ${l.lineItem.join(' / ')} | ${l.period.join(' ')} | ${l.scale})`;
  const parts: string[] = [];
  const not = (words?: string[]): string => (words?.length ? ` not [${words.join(' / ')}]` : '');
  if (!r.lineItemOk) parts.push(`line item: expected [${l.lineItem.join(' / ')}]${not(l.notLineItem)} got "${r.got.lineItem}"`);
  if (!r.periodOk) parts.push(`period: expected [${l.period.join(' / ')}]${not(l.notPeriod)} got "${r.got.period}"`);
  if (!r.scaleOk) parts.push(`scale: expected ${JSON.stringify(l.scale)} got ${r.got.scale} (${r.got.measure})`);
  if (r.got.cellText !== undefined && r.got.cellText.replace(/[$\s]/g, '') !== l.figure.replace(/[$\s]/g, '')) parts.push(`cell text "${r.got.cellText}"`);
  return `${where}\n    ${parts.join('\n    ')}`;
}

export function report(results: Result[]): string {
  const out: string[] = [];
  const regular = results.filter((r) => !r.label.hard);
  const hard = results.filter((r) => r.label.hard);
  const atg = results.filter((r) => r.label.file === ATG_FILE);
  const line = (name: string, t: Tally): string =>
    `${name.padEnd(52)} ${String(t.ok).padStart(4)}/${String(t.n).padEnd(4)} ${pct(t.ok, t.n).padStart(6)}   item ${pct(t.lineItem, t.n)}  period ${pct(t.period, t.n)}  scale ${pct(t.scale, t.n)}`;
  out.push(line('OVERALL (excluding hard)', tally(regular)));
  out.push(line('ATG (customer example)', tally(atg)));
  out.push(line('others (excluding hard)', tally(regular.filter((r) => r.label.file !== ATG_FILE))));
  if (hard.length) out.push(line('hard stress cases', tally(hard)));
  out.push('');
  const files = [...new Set(results.map((r) => r.label.file))];
  for (const f of files) out.push(line(`  ${f}`, tally(results.filter((r) => r.label.file === f))));
  const failures = results.filter((r) => !r.ok);
  out.push('', `FAILURES (${failures.length}):`);
  for (const r of failures) out.push(describeFailure(r));
  return out.join('\n');
}

if (require.main === module) {
  console.log(report(checkAll()));
}
