import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';

/** Sections and tables fold; so do groups of line items inside a table. */
export function provideFoldingRanges({ model }: Analysis): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: string) => {
    if (end > start) ranges.push({ startLine: start, endLine: end, kind });
  };
  for (const section of model.sections) add(section.startLine, section.endLine, FoldingRangeKind.Region);
  for (const table of model.tables) {
    add(table.startLine, table.endLine, FoldingRangeKind.Region);
    for (const group of table.groups) add(group.line, group.endLine);
  }
  return ranges;
}
