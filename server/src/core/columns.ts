// Value columns from character alignment. Figures are right-aligned on their digits, so a column
// is a band of digit positions that no gutter crosses; "$" apart from its figure, parentheses and
// "%" that overflow by a character do not move the band.
import { isYearToken, type Token } from './figures';

export interface ColumnBand {
  /** Digit band, expanded columns [left, right). */
  left: number;
  right: number;
  /** Leftmost start of any figure in the band (with "$" and "("). */
  outerLeft: number;
  count: number;
  /** Every figure in the band is a bare year (1900-2100): a stub of labels, not values. */
  yearsOnly: boolean;
}

interface Placed {
  row: number;
  token: Token;
}

export function findColumns(rows: Token[][]): ColumnBand[] {
  const placed = byDigitStart(rows);
  if (placed.length === 0) return [];
  const perRow = counters(rows.length);
  const clusters: Placed[][] = [];
  let current: Placed[] = [];
  let end = -1;
  for (const p of placed) {
    if (current.length && p.token.digitStart >= end) {
      clusters.push(current);
      current = [];
    }
    current.push(p);
    end = Math.max(current.length === 1 ? p.token.digitEnd : end, p.token.digitEnd);
  }
  clusters.push(current);
  const bands: ColumnBand[] = [];
  for (const cluster of clusters) for (const part of splitCrowded(cluster, perRow)) bands.push(toBand(part));
  return bands.sort((a, b) => a.right - b.right);
}

// Counters for one findColumns at a time, kept between calls: a typed array is slow to make and
// tables are read by the hundred. Whoever takes them leaves them all zeros.
let scratch = new Int32Array(1024);

function counters(size: number): Int32Array {
  if (scratch.length < size) scratch = new Int32Array(Math.max(size, scratch.length * 2));
  return scratch;
}

/**
 * Every figure of every row with its row, in order of digitStart, rows in order among equals (what
 * a stable sort gives). Positions are small integers: counted into place rather than compared.
 */
function byDigitStart(rows: Token[][]): Placed[] {
  let min = Infinity;
  let max = -Infinity;
  let count = 0;
  for (const tokens of rows) {
    for (const t of tokens) {
      min = Math.min(min, t.digitStart);
      max = Math.max(max, t.digitStart);
      count++;
    }
  }
  if (count === 0) return [];
  if (max - min > 4 * count + 1024) {
    // Figures far apart on very long lines: a comparison sort needs no counter per position.
    const placed: Placed[] = [];
    rows.forEach((tokens, row) => tokens.forEach((token) => placed.push({ row, token })));
    return placed.sort((a, b) => a.token.digitStart - b.token.digitStart);
  }
  const size = max - min + 2;
  const starts = counters(size);
  for (const tokens of rows) for (const t of tokens) starts[t.digitStart - min + 1]++;
  for (let i = 1; i < size; i++) starts[i] += starts[i - 1];
  const placed = new Array<Placed>(count);
  rows.forEach((tokens, row) => {
    for (const token of tokens) placed[starts[token.digitStart - min]++] = { row, token };
  });
  starts.fill(0, 0, size);
  return placed;
}

/**
 * A band holding two figures of one row really is two columns: split it at its widest gaps.
 * `perRow` is all zeros, a counter per row, and is left all zeros.
 */
function splitCrowded(cluster: Placed[], perRow: Int32Array): Placed[][] {
  let k = 0;
  for (const p of cluster) k = Math.max(k, ++perRow[p.row]);
  for (const p of cluster) perRow[p.row] = 0;
  if (k <= 1) return [cluster];
  const ends = [...new Set(cluster.map((p) => p.token.digitEnd))].sort((a, b) => a - b);
  const gaps = ends.slice(1).map((e, i) => ({ at: e, size: e - ends[i] }));
  const cuts = gaps.sort((a, b) => b.size - a.size).slice(0, k - 1).map((g) => g.at).sort((a, b) => a - b);
  const parts: Placed[][] = cuts.map(() => []).concat([[]]);
  for (const p of cluster) {
    let i = 0;
    while (i < cuts.length && p.token.digitEnd >= cuts[i]) i++;
    parts[i].push(p);
  }
  return parts.filter((part) => part.length > 0);
}

function toBand(cluster: Placed[]): ColumnBand {
  let left = Infinity;
  let right = -Infinity;
  let outerLeft = Infinity;
  for (const { token } of cluster) {
    left = Math.min(left, token.digitStart);
    right = Math.max(right, token.digitEnd);
    outerLeft = Math.min(outerLeft, token.start);
  }
  const yearsOnly = cluster.every(({ token }) => isYearToken(token));
  return { left, right, outerLeft, count: cluster.length, yearsOnly };
}

/** The band a figure belongs to: the one its digits overlap most, else the nearest right edge. */
export function columnOf(bands: ColumnBand[], token: Token): number {
  // Left of every column is the label area.
  if (bands.length && token.digitEnd <= bands[0].outerLeft - 1 && token.digitEnd <= bands[0].left - 2) return -1;
  let best = -1;
  let bestScore = -Infinity;
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i];
    const overlap = Math.min(b.right, token.digitEnd) - Math.max(b.left, token.digitStart);
    const score = overlap > 0 ? 1000 + overlap : -Math.abs(b.right - token.digitEnd);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}
