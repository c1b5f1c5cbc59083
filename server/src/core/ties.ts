// Tick and tie: a figure quoted in prose is matched to the table cells that state the same fact —
// the line item named in its sentence, a value whose rounding interval meets the prose one.
import type { Cell, CellRef, Measure, ProseFigure, Row, Table, Tie } from './model';
import { halfUnit } from './figures';
import { normalize } from './rows';
import { stem } from './stem';

const STOP = new Set(['and', 'of', 'the', 'net', 'total', 'for', 'in', 'to', 'a', 'from', 'on', 'per', 'share', 'gaap', 'loss', 'income']);
const MIN_SCORE = 0.5;

export function tieProse(figures: ProseFigure[], tables: Table[]): Tie[] {
  const ties: Tie[] = [];
  if (figures.length === 0) return ties;
  const cells = indexCells(tables);
  figures.forEach((figure, index) => {
    const tie = tieFigure(figure, index, cells);
    if (tie) ties.push(tie);
  });
  return ties;
}

/**
 * The number cells of every table by value in units, bucketed by their rounding half-unit and
 * sorted, so that the cells a prose figure can meet are found by binary search instead of a
 * scan of every row for every figure. Rows' label words are read once.
 */
interface CellIndex {
  rows: Array<{ table: Table; row: Row; parts?: string[]; label?: string }>;
  buckets: Array<{ half: number; values: Float64Array; refs: Int32Array }>;
}

/** Row ordinal and cell position packed in one number (rows are never this wide). */
const CELLS_PER_ROW = 1 << 12;

function indexCells(tables: Table[]): CellIndex {
  const rows: CellIndex['rows'] = [];
  const byHalf = new Map<number, Array<{ value: number; ref: number }>>();
  for (const table of tables) {
    for (const row of table.rows) {
      const at = rows.length;
      rows.push({ table, row });
      row.cells.forEach((cell, k) => {
        if (cell.value === null || cell.kind !== 'number' || k >= CELLS_PER_ROW) return;
        const { value, half } = cellUnits(table, row, cell);
        const list = byHalf.get(half) ?? [];
        list.push({ value: Math.abs(value), ref: at * CELLS_PER_ROW + k });
        byHalf.set(half, list);
      });
    }
  }
  const buckets = [...byHalf].map(([half, list]) => {
    list.sort((a, b) => a.value - b.value);
    return { half, values: Float64Array.from(list, (e) => e.value), refs: Int32Array.from(list, (e) => e.ref) };
  });
  return { rows, buckets };
}

/** Value of a cell in units (dollars, shares, percent points). */
export function cellUnits(table: Table, row: Row, cell: Cell): { value: number; half: number } {
  const factor = unitFactor(table, row, cell.column);
  return { value: (cell.value ?? 0) * factor, half: halfUnit(cell.decimals) * factor };
}

/** What a figure measures: its row's measure, unless the row is plain amounts and its column says otherwise. */
export function cellMeasure(table: Table, row: Row, column?: number): Measure {
  const byColumn = column === undefined ? undefined : table.columns[column]?.measure;
  return row.measure === 'amount' && byColumn ? byColumn : row.measure;
}

export function unitFactor(table: Table, row: Row, column?: number): number {
  const measure = cellMeasure(table, row, column);
  if (measure === 'percent' || measure === 'ratio') return 1;
  if (row.scale) return row.scale.factor;
  // Per-share amounts are printed in currency units even when a caption forgets "except per share".
  if (measure === 'perShare') return 1;
  if (measure === 'shares' && table.scale.exceptShares) return 1;
  return table.scale.factor;
}

function tieFigure(figure: ProseFigure, index: number, cells: CellIndex): Tie | undefined {
  const words = significantWords(figure.context);
  if (words.size === 0) return undefined;
  // The cells whose value meets the figure's (the test of meets(), on the indexed values), in print order.
  const target = Math.abs(figure.value);
  const refs: number[] = [];
  for (const { half, values, refs: bucket } of cells.buckets) {
    const tolerance = half + figure.halfUnit + 1e-9;
    const reach = tolerance * (1 + 1e-9) + 1e-9;
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[mid] < target - reach) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < values.length && values[i] <= target + reach; i++) if (Math.abs(values[i] - target) <= tolerance) refs.push(bucket[i]);
  }
  refs.sort((a, b) => a - b);
  let best: Array<{ ref: CellRef; label: string }> = [];
  let bestScore = MIN_SCORE;
  let scored = -1;
  let score = 0;
  for (const ref of refs) {
    const at = Math.floor(ref / CELLS_PER_ROW);
    const item = cells.rows[at];
    const { table, row } = item;
    const cell = row.cells[ref % CELLS_PER_ROW];
    if (!compatible(figure, row)) continue;
    if (scored !== at) {
      item.parts ??= labelParts(row.label);
      score = labelScore(item.parts, words);
      scored = at;
    }
    if (score < bestScore) continue;
    if (score > bestScore) best = [];
    bestScore = score;
    item.label ??= normalize(row.label);
    best.push({ ref: { table: table.index, row: row.index, column: cell.column }, label: item.label });
  }
  if (best.length === 0) return undefined;
  const labels = new Set(best.map((b) => b.label));
  return { figure: index, candidates: best.map((b) => b.ref), unambiguous: labels.size === 1, agrees: true };
}

function compatible(figure: ProseFigure, row: Row): boolean {
  if (figure.unit === 'percent') return row.measure === 'percent';
  if (figure.unit === 'perShare') return row.measure === 'perShare';
  if (figure.unit === 'currency') return row.measure === 'amount';
  return row.measure === 'shares' || row.measure === 'amount';
}

function significantWords(text: string): Set<string> {
  return new Set(normalize(text).split(' ').filter((w) => w.length > 2 && !STOP.has(w) && !/^\d/.test(w)).map(stem));
}



function labelParts(label: string): string[] {
  return normalize(label).split(' ').filter((w) => w.length > 2 && !STOP.has(w)).map(stem);
}

function labelScore(parts: string[], words: Set<string>): number {
  if (parts.length === 0) return 0;
  let found = 0;
  for (const w of parts) if (words.has(w)) found++;
  return found / parts.length;
}
