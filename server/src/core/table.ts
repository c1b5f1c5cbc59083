// One table from one region: columns from the figures' alignment, the header band and title
// above, the body's rows and groups, and the footing of every total.
import { findColumns } from './columns';
import { checkFootings } from './footing';
import { isYearRow, readHeaderBand } from './header';
import type { Lines } from './lines';
import type { Column, Table } from './model';
import { isFigureRow, type Region } from './regions';
import { readBody } from './rows';
import { readTitle } from './title';

export function readTable(lines: Lines, region: Region, index: number): Table | undefined {
  const figureRows: number[] = [];
  for (let line = region.first; line <= region.last; line++) {
    if (isFigureRow(lines, line) && !isYearRow(lines, line)) figureRows.push(line);
  }
  if (figureRows.length === 0) return undefined;
  const bands = findColumns(figureRows.map((line) => lines.scan(line)!.tokens));
  if (bands.length === 0) return undefined;
  const header = readHeaderBand(lines, region, figureRows[0], bands);
  const titleAbove = Math.min(header.lines[0] ?? header.bodyLine, header.bodyLine) - 1;
  const title = readTitle(lines, region.tagLine !== undefined ? Math.min(titleAbove, region.tagLine - 1) : titleAbove, header.lines);
  const body = readBody(lines, header.bodyLine, region.last, bands);
  if (body.rows.length === 0) return undefined;
  const columns: Column[] = bands.map((b, i) => ({ index: i, left: b.left, right: b.right, header: header.headers[i] ?? '' }));
  const startLine = Math.min(title.startLine, header.lines[0] ?? header.bodyLine, region.tagLine ?? Infinity);
  const endLine = Math.max(body.lastLine, region.tagLine !== undefined ? region.last + 1 : body.lastLine);
  return {
    index,
    title: title.title || `Table ${index + 1}`,
    startLine,
    endLine: Math.min(endLine, lines.count - 1),
    headerLine: header.lines[0] ?? header.bodyLine,
    bodyLine: header.bodyLine,
    span: { start: lines.source.starts[startLine], end: lines.source.ends[Math.min(endLine, lines.count - 1)] },
    scale: title.scale,
    columns,
    rows: body.rows,
    footings: checkFootings(body.rows, body.items, columns.length),
    groups: body.groups,
  };
}
