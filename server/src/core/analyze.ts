// The core's entry point: one call reads a document version into the model every feature uses.
import { readEnvelope } from './envelope';
import { tieCashToBalanceSheet } from './cashTie';
import { crossFoot } from './crossFooting';
import { checkIdentities } from './identities';
import { checkPercentages } from './percentages';
import { checkEarningsPerShare } from './perShare';
import { tieTables } from './crossTies';
import { checkChanges } from './changes';
import { tieProseToTables } from './proseTies';
import { footingFindings } from './findings';
import { Lines } from './lines';
import type { DocumentModel, Table } from './model';
import { readProse } from './prose';
import { findRegions } from './regions';
import { documentAt, readHeadings } from './sections';
import { readTable } from './table';
import { splitLines, type SourceText } from './text';
import { tieProse } from './ties';

export interface AnalyzeOptions {
  /** Documents longer than this (UTF-16 units) are not analysed; a note says why. */
  maxLength?: number;
  /** Polled between tables; returning true abandons the work (stale version, cancelled request). */
  isCancelled?: () => boolean;
}

export class CancelledError extends Error {
  constructor() {
    super('analysis cancelled');
  }
}

export interface Analysis {
  source: SourceText;
  model: DocumentModel;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const source = splitLines(text);
  if (options.maxLength !== undefined && text.length > options.maxLength) {
    return { source, model: emptyModel(source, [`The document has ${text.length} characters, more than tickmark.maxDocumentSize (${options.maxLength}); it was not analysed.`]) };
  }
  const envelope = readEnvelope(source);
  const lines = new Lines(source, envelope);
  const tables = readTables(lines, options);
  const inTable = new Uint8Array(lines.count);
  for (const t of tables) inTable.fill(1, t.startLine, t.endLine + 1);
  const headings = readHeadings(lines, inTable, envelope.documents, tables.map((t) => t.startLine));
  const prose = readProse(lines, inTable);
  const notes = envelope.htmlDocuments.map((d) => `HTML document at lines ${d.startLine + 1}-${d.endLine + 1} is not analysed (plain-text tables only).`);
  attachSections(tables, envelope.documents);
  // First: a table printed without a scale may take one from the tables it ties to, and every
  // check after this one, and every hover, must see the same scale.
  const tableTies = tieTables(tables);
  const model: DocumentModel = {
    length: text.length,
    lineCount: lines.count,
    sections: [...envelope.documents, ...headings],
    tables,
    prose,
    ties: [],
    findings: [...footingFindings(tables), ...crossFoot(tables), ...checkIdentities(tables), ...checkPercentages(tables), ...checkChanges(tables), ...checkEarningsPerShare(tables), ...tableTies, ...tieCashToBalanceSheet(tables), ...tieProseToTables(prose, tables)].sort((a, b) => a.span.start - b.span.start),
    notes,
  };
  // Only hovers and exports of the model show which cells the prose figures tie to; diagnostics
  // do not wait for the matching (a tenth of the analysis of a long filing).
  onFirstRead(model, 'ties', () => tieProse(model.prose, model.tables));
  return { source, model };
}

/** Makes `object[key]` on first read, then keeps it as a plain property (JSON and copies see it). */
function onFirstRead<T extends object, K extends keyof T>(object: T, key: K, make: () => T[K]): void {
  Object.defineProperty(object, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = make();
      Object.defineProperty(object, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  });
}

function readTables(lines: Lines, options: AnalyzeOptions): Table[] {
  const tables: Table[] = [];
  let lastLine = -1;
  const queue = findRegions(lines);
  for (let i = 0; i < queue.length; i++) {
    if (options.isCancelled?.()) throw new CancelledError();
    const region = queue[i];
    if (region.first <= lastLine) continue;
    const { table, rest } = readTable(lines, region, tables.length);
    if (rest) queue.splice(i + 1, 0, rest);
    if (!table) continue;
    continueTable(table, tables[tables.length - 1]);
    inheritScale(table, tables[tables.length - 1]);
    tables.push(table);
    lastLine = table.endLine;
  }
  return tables;
}

const INHERIT_DISTANCE = 120;
const CONTINUATION_GAP = 16;
const DATED = /\b(19|20)\d\d\b|\b(months?|weeks?|quarters?|years?|ended)\b/i;

/**
 * A table carried over a page break or split into two <TABLE> blocks ("LIABILITIES AND
 * SHAREHOLDERS' EQUITY" below the assets) repeats the columns without their dates: it takes the
 * column headers and the title of the part before it.
 */
function continueTable(table: Table, previous: Table | undefined): void {
  if (!previous || table.startLine - previous.endLine > CONTINUATION_GAP) return;
  if (table.columns.length !== previous.columns.length || table.columns.some((c) => DATED.test(c.header))) return;
  if (!previous.columns.some((c) => DATED.test(c.header))) return;
  if (table.columns.some((c, i) => Math.abs(c.right - previous.columns[i].right) > 10)) return;
  table.columns.forEach((c, i) => (c.header = previous.columns[i].header));
  if (table.generatedTitle || table.title === '') {
    table.title = previous.title.endsWith('(continued)') ? previous.title : `${previous.title} (continued)`;
    table.generatedTitle = previous.generatedTitle;
  }
}

/**
 * A supplementary table printed without its own scale right after a scaled statement carries on
 * in that scale, unless its figures are far longer (a schedule in whole dollars).
 */
function inheritScale(table: Table, previous: Table | undefined): void {
  if (!previous || table.scale.source || !previous.scale.source) return;
  // "STORE COUNT BY CONCEPT" or "Supplemental Operating Data" after a statement count stores, not dollars.
  if (COUNTS_TITLE.test(table.title)) return;
  if (table.startLine - previous.endLine > INHERIT_DISTANCE) return;
  if (digits(table) > digits(previous) + 1) return;
  table.scale = { ...previous.scale, inheritedFrom: previous.title };
}

/** Tables of counts and operating statistics: no currency scale carries into them. */
const COUNTS_TITLE = /\b(counts?|number of|headcount|employees|units?|locations|stores|operating (data|statistics)|statistics|key (performance )?(metrics|indicators))\b/i;

/** Widest integer part among a table's amounts. */
function digits(table: Table): number {
  let widest = 0;
  for (const row of table.rows) {
    if (row.measure !== 'amount') continue;
    for (const cell of row.cells) if (cell.value !== null) widest = Math.max(widest, String(Math.trunc(Math.abs(cell.value))).length);
  }
  return widest;
}

function attachSections(tables: Table[], documents: DocumentModel['sections']): void {
  for (const table of tables) {
    const doc = documentAt(documents, table.startLine);
    if (doc) table.section = doc.index;
  }
}

function emptyModel(source: SourceText, notes: string[]): DocumentModel {
  return { length: source.text.length, lineCount: source.starts.length, sections: [], tables: [], prose: [], ties: [], findings: [], notes };
}
