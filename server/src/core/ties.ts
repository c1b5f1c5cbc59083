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
  // Each line item's words are read once, not once per figure in the text.
  const parts = new Map<Row, string[]>();
  for (const table of tables) for (const row of table.rows) parts.set(row, labelParts(row.label));
  figures.forEach((figure, index) => {
    const tie = tieFigure(figure, index, tables, parts);
    if (tie) ties.push(tie);
  });
  return ties;
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

function tieFigure(figure: ProseFigure, index: number, tables: Table[], parts: Map<Row, string[]>): Tie | undefined {
  const words = significantWords(figure.context);
  if (words.size === 0) return undefined;
  let best: Array<{ ref: CellRef; label: string }> = [];
  let bestScore = MIN_SCORE;
  for (const table of tables) {
    for (const row of table.rows) {
      if (!compatible(figure, row)) continue;
      const score = labelScore(parts.get(row) ?? [], words);
      if (score < bestScore) continue;
      for (const cell of row.cells) {
        if (cell.value === null || cell.kind !== 'number' || !meets(figure, table, row, cell)) continue;
        if (score > bestScore) best = [];
        bestScore = score;
        best.push({ ref: { table: table.index, row: row.index, column: cell.column }, label: normalize(row.label) });
      }
    }
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

function meets(figure: ProseFigure, table: Table, row: Row, cell: Cell): boolean {
  const { value, half } = cellUnits(table, row, cell);
  return Math.abs(Math.abs(value) - Math.abs(figure.value)) <= half + figure.halfUnit + 1e-9;
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
