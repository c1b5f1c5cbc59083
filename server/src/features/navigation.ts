// Go to Definition on a prose figure jumps to the table cell it ties to; Find References on a
// cell lists every place the same fact appears (prose figures and cells in other tables).
import type { Location, Position } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { cellAt, cellOf, proseAt } from '../core/lookup';
import { toOffset, toRange } from '../convert';

export function provideDefinition({ source, model }: Analysis, uri: string, position: Position): Location[] {
  const prose = proseAt(model, toOffset(source, position));
  if (!prose) return [];
  const tie = model.ties.find((t) => t.figure === prose.index);
  if (!tie) return [];
  return tie.candidates.flatMap((ref) => {
    const hit = cellOf(model, ref.table, ref.row, ref.column);
    return hit ? [{ uri, range: toRange(source, hit.cell.span) }] : [];
  });
}

export function provideReferences({ source, model }: Analysis, uri: string, position: Position): Location[] {
  const offset = toOffset(source, position);
  const hit = cellAt(model, offset);
  const prose = hit ? undefined : proseAt(model, offset);
  const ties = model.ties.filter((tie) =>
    hit
      ? tie.candidates.some((c) => c.table === hit.table.index && c.row === hit.row.index && c.column === hit.cell.column)
      : tie.figure === prose?.index,
  );
  const spans = new Map<number, { start: number; end: number }>();
  for (const tie of ties) {
    const figure = model.prose[tie.figure];
    spans.set(figure.span.start, figure.span);
    for (const ref of tie.candidates) {
      const cell = cellOf(model, ref.table, ref.row, ref.column)?.cell;
      if (cell) spans.set(cell.span.start, cell.span);
    }
  }
  if (hit) spans.set(hit.cell.span.start, hit.cell.span);
  return [...spans.values()].sort((a, b) => a.start - b.start).map((span) => ({ uri, range: toRange(source, span) }));
}
