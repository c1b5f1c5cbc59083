// Tabs in EDGAR tables were expanded by the filers' own tools, not always to stops of 8. When a
// table's rows without tabs agree on their columns, each row with tabs is re-expanded with the tab
// width that puts its figures into those columns.
import { findColumns, type ColumnBand } from './columns';
import type { Lines } from './lines';

const WIDTHS = [8, 4, 1, 2, 6];

export function realignTabs(lines: Lines, rows: number[]): void {
  const tabbed = rows.filter((line) => lines.hasTab(line));
  if (tabbed.length === 0) return;
  const plain = rows.filter((line) => !lines.hasTab(line));
  if (plain.length < 2) return;
  const bands = findColumns(plain.map((line) => lines.scan(line)?.tokens ?? []));
  if (bands.length === 0) return;
  for (const line of tabbed) bestTabWidth(lines, line, () => fit(lines, line, bands));
}

/** Expands the line with each tab width in turn and keeps the first that scores best (8 on a tie). */
export function bestTabWidth(lines: Lines, line: number, score: () => number): void {
  let best = 8;
  let bestScore = -1;
  for (const width of WIDTHS) {
    lines.setTabWidth(line, width);
    const s = score();
    if (s > bestScore) {
      bestScore = s;
      best = width;
    }
  }
  lines.setTabWidth(line, best);
}

/** How many of the line's figures fall into a column, minus a penalty for two in one column. */
function fit(lines: Lines, line: number, bands: ColumnBand[]): number {
  const tokens = lines.scan(line)?.tokens ?? [];
  const used = new Set<number>();
  let score = 0;
  for (const t of tokens) {
    const i = bands.findIndex((b) => Math.min(b.right, t.digitEnd) - Math.max(b.left, t.digitStart) > 0);
    if (i < 0) continue;
    score += used.has(i) ? -1 : 1;
    used.add(i);
  }
  return score;
}
