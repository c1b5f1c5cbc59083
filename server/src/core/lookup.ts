// Finding what sits at an offset: a table cell, a prose figure, a table.
import type { Cell, DocumentModel, ProseFigure, Row, Table } from './model';

export interface CellHit {
  table: Table;
  row: Row;
  cell: Cell;
}

export function tableAt(model: DocumentModel, offset: number): Table | undefined {
  return model.tables.find((t) => t.span.start <= offset && offset <= t.span.end);
}

export function cellAt(model: DocumentModel, offset: number): CellHit | undefined {
  const table = tableAt(model, offset);
  if (!table) return undefined;
  for (const row of table.rows) {
    if (row.cells.length === 0) continue;
    const first = row.cells[0].span.start;
    const last = row.cells[row.cells.length - 1].span.end;
    if (offset < first || offset > last) continue;
    const cell = row.cells.find((c) => c.span.start <= offset && offset <= c.span.end);
    if (cell) return { table, row, cell };
  }
  return undefined;
}

export function proseAt(model: DocumentModel, offset: number): { figure: ProseFigure; index: number } | undefined {
  // Prose figures are in document order: binary search by start.
  let lo = 0;
  let hi = model.prose.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = model.prose[mid];
    if (offset < f.span.start) hi = mid - 1;
    else if (offset > f.span.end) lo = mid + 1;
    else return { figure: f, index: mid };
  }
  return undefined;
}

/** The figure a row prints in a column, if any. */
export function cellIn(row: Row, column: number): Cell | undefined {
  return row.cells.find((c) => c.column === column);
}

export function cellOf(model: DocumentModel, table: number, row: number, column: number): CellHit | undefined {
  const t = model.tables[table];
  const r = t?.rows[row];
  const cell = r && cellIn(r, column);
  return t && r && cell ? { table: t, row: r, cell } : undefined;
}
