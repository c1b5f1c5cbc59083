// One table from one region: columns from the figures' alignment, the header band and title
// above, the body's rows and groups, and the footing of every total.
import { findColumns } from './columns';
import { additiveColumns, checkFootings, tightenForceFooted } from './footing';
import { headerLeft, isYearRow, readHeaderBand } from './header';
import type { Lines } from './lines';
import type { Column, Measure, Row, Table } from './model';
import { isFigureRow, type Region } from './regions';
import { readBody, type BodyItem } from './rows';
import { realignTabs } from './tabs';
import { expandLine } from './text';
import { readTitle, stubTitle } from './title';
import type { ColumnBand } from './columns';

/**
 * Where a tagged table's title may end: above <TABLE>, or just above <CAPTION> when the filer
 * printed the title inside the tags ("<TABLE> / INTEL CORPORATION / CONSOLIDATED SUMMARY INCOME
 * STATEMENT DATA / <CAPTION>"); the search goes on up past the tag.
 */
function titleEnd(region: Region): number {
  if (region.tagLine === undefined) return Infinity;
  return region.captionLine !== undefined && region.captionLine > region.tagLine ? region.captionLine - 1 : region.tagLine - 1;
}

export interface TableRead {
  table?: Table;
  /** Where a second table begins inside the region, if one does. */
  rest?: Region;
}

export function readTable(lines: Lines, region: Region, index: number): TableRead {
  const figureRows: number[] = [];
  for (let line = region.first; line <= region.last; line++) {
    if (isFigureRow(lines, line) && !isYearRow(lines, line)) figureRows.push(line);
  }
  if (figureRows.length === 0) return {};
  realignTabs(lines, figureRows);
  const bands = dropStubBands(findColumns(figureRows.map((line) => lines.scan(line)?.tokens ?? [])), stubEnd(lines, region));
  if (bands.length === 0) return {};
  const header = readHeaderBand(lines, region, figureRows[0], bands);
  const titleAbove = Math.min(header.lines[0] ?? header.bodyLine, header.bodyLine) - 1;
  const title = readTitle(lines, header.titleEnd ?? Math.min(titleAbove, titleEnd(region)), header.lines);
  const body = readBody(lines, header.bodyLine, region.last, bands, header.lines);
  const rest = body.splitAt !== undefined ? { first: body.splitAt, last: region.last } : undefined;
  if (body.rows.length === 0) return { rest };
  markPerShareByPrecision(body.rows);
  markPercentRuns(body.rows, body.items);
  if (columnMeasure(title.title) === 'perShare') markPerShareTable(body.rows);
  const columns: Column[] = bands.map((b, i) => ({ index: i, left: b.left, right: b.right, header: header.headers[i] ?? '', measure: columnMeasure(header.headers[i] ?? '') }));
  const named = title.title || stubTitle(lines, header.lines, headerLeft(bands));
  const startLine = Math.min(title.startLine, header.lines[0] ?? header.bodyLine, region.tagLine ?? Infinity);
  const endLine = Math.max(body.lastLine, region.tagLine !== undefined ? region.last + 1 : body.lastLine);
  const table: Table = {
    index,
    title: named || `Table ${index + 1}: ${body.rows.find((r) => r.label)?.label ?? 'untitled'}`,
    generatedTitle: !named,
    startLine,
    endLine: Math.min(endLine, lines.count - 1),
    headerLine: header.lines[0] ?? header.bodyLine,
    bodyLine: header.bodyLine,
    span: { start: lines.source.starts[startLine], end: lines.source.ends[Math.min(endLine, lines.count - 1)] },
    scale: title.scale,
    columns,
    rows: body.rows,
    footings: checkFootings(body.rows, body.items, additiveColumns(columns.map((c) => c.header))),
    groups: body.groups,
  };
  tightenForceFooted(table.rows, table.footings);
  return { table, rest };
}

/**
 * Years printed where labels go ("1996   $ 71", a wrapped "1993" under "Balance at September 24,")
 * form a band left of the value columns: they are labels, not figures.
 */
function dropStubBands(bands: ColumnBand[], stub: number): ColumnBand[] {
  while (bands.length >= 2 && (bands[0].yearsOnly || bands[0].right <= stub)) bands = bands.slice(1);
  return bands;
}

/**
 * EDGAR's <S> ... <C> line marks the stub and the value columns: what is printed left of the first
 * <C> is the row's label even when it looks like figures ("$1.66 - $9.97", a price range).
 */
function stubEnd(lines: Lines, region: Region): number {
  if (region.columnsLine === undefined) return -1;
  return expandLine(lines.source, region.columnsLine).text.search(/<C>/i);
}

/** Rows of cents among whole numbers are per-share amounts even when the label does not say so. */
function markPerShareByPrecision(rows: Row[]): void {
  const amounts = rows.filter((r) => r.measure === 'amount');
  const whole = amounts.filter((r) => r.cells.every((c) => c.kind !== 'number' || c.decimals === 0)).length;
  if (whole * 2 <= amounts.length) return;
  for (const row of amounts) {
    const numbers = row.cells.filter((c) => c.kind === 'number');
    if (numbers.length && numbers.every((c) => c.decimals === 2 && Math.abs(c.value ?? 0) < 100)) row.measure = 'perShare';
  }
}

/**
 * Percentage tables print the sign on their first row only ("Employer Services  19%  16%" over
 * "Brokerage Services  24  12"): plain small figures in the same columns under a first row of
 * percentages (of the table or of a block) are percentages too, down to the first row that is not.
 */
function markPercentRuns(rows: Row[], items: BodyItem[]): void {
  let first: Row | undefined;
  let run: Row[] = [];
  let atStart = true;
  let ruled = false;
  for (const item of items) {
    if (item.kind !== 'row') {
      atStart = true;
      ruled = item.kind === 'rule';
      continue;
    }
    const row = rows[item.row];
    if (first && plainPercents(row, first)) {
      run.push(row);
    } else {
      // Plain figures that run straight, or under a rule, into an amount ("Total revenue  $ 75")
      // were amounts.
      if (first && (!atStart || ruled) && row.measure === 'amount') run = [];
      for (const r of run) r.measure = 'percent';
      run = [];
      first = atStart && row.measure === 'percent' && row.cells.every((c) => c.kind !== 'number' || c.percent) ? row : undefined;
    }
    atStart = false;
    ruled = false;
  }
  for (const r of run) r.measure = 'percent';
}

function plainPercents(row: Row, first: Row): boolean {
  if (row.measure !== 'amount') return false;
  const columns = new Set(first.cells.map((c) => c.column));
  return row.cells.length > 0 && row.cells.every((c) => columns.has(c.column) && !c.currency && !c.percent && (c.kind !== 'number' || Math.abs(c.value ?? 0) <= 100));
}

/** "Significant Factors Impacting EPS": every amount in such a table is per share. */
function markPerShareTable(rows: Row[]): void {
  for (const row of rows) if (row.measure === 'amount' && row.cells.every((c) => c.kind !== 'number' || Math.abs(c.value ?? 0) < 100)) row.measure = 'perShare';
}

/** A column whose header names its measure: "Shares", "EPS"/"Per Share", "% Change"/"Growth". */
function columnMeasure(header: string): Measure | undefined {
  if (/\beps\b|\bper (basic |diluted |common )?share\b/i.test(header)) return 'perShare';
  if (/\bshares\b/i.test(header) && !/\$|amount|value/i.test(header)) return 'shares';
  if (/%|\bpercent|\bgrowth\b/i.test(header)) return 'percent';
  if (/\bturns\b|\bratio\b|\bmultiple\b/i.test(header)) return 'ratio';
  return undefined;
}
