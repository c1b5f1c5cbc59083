// Change columns: "2004   2003   Change" prints, on each row, the current period less the prior one,
// as an amount ("$ Change", "Increase (Decrease)") or as a percentage of the prior period
// ("% Change", "-4.1%"). As with cross-footing, a column is read as a change of two period columns
// only when its rows bear that out, and only then is a row that does not called wrong.
//
// Signs are presentation: a change may be printed as favourable/(unfavourable), so that a rise in
// costs shows in parentheses, and a change from a loss has no agreed sign. Magnitudes must agree.
import { RULE_CROSS_FOOTING } from './crossFooting';
import { unitsTie, yearsIn } from './crossTies';
import { cellHalf, halfUnit } from './figures';
import { confirmed } from './footing';
import { formatNumber } from './format';
import { CHANGE_COLUMN } from './header';
import type { Cell, Finding, Row, Table } from './model';
import { RULE_PERCENTAGE } from './percentages';

// The header reader's change words, and the abbreviations a change column alone uses; "Inc/(Dec)"
// only as a pair: "Dec. 31, 2004" is a date and "Acme Inc." a name.
const CHANGE_HEADER = new RegExp(`${CHANGE_COLUMN.source}|\\bchg\\b|\\bgrowth\\b|\\binc\\.?\\s*\\/?\\s*\\(?dec\\b`, 'i');

interface Pair {
  current: number;
  prior: number;
}

interface RowCheck {
  row: Row;
  change: Cell;
  current: Cell;
  prior: Cell;
  ok: boolean;
}

export function checkChanges(tables: Table[]): Finding[] {
  const findings: Finding[] = [];
  for (const table of tables) {
    for (const column of changeColumns(table)) {
      for (const c of column.checks) if (!c.ok) findings.push(toFinding(table, c, column.percent));
    }
  }
  return findings;
}

/** The change a cell prints, checked, for its hover: only in a column its rows bear out. */
export function changeAt(table: Table, cell: Cell): { ok: boolean; text: string } | undefined {
  const column = changeColumns(table).find((c) => c.column === cell.column);
  const check = column?.checks.find((c) => c.change === cell);
  if (!column || !check) return undefined;
  return { ok: check.ok, text: `${check.current.text.trim()} against ${check.prior.text.trim()} is a change of ${computedChange(check, column.percent)}` };
}

interface ChangeColumn {
  column: number;
  percent: boolean;
  /** Every row's check, in a column whose rows bear the reading out. */
  checks: RowCheck[];
}

// Worked out once per table, for the findings and for the hovers.
const tableChanges = new WeakMap<Table, ChangeColumn[]>();

function changeColumns(table: Table): ChangeColumn[] {
  let columns = tableChanges.get(table);
  if (!columns) tableChanges.set(table, (columns = readChangeColumns(table)));
  return columns;
}

function readChangeColumns(table: Table): ChangeColumn[] {
  if (table.columns.length < 3) return [];
  const grid = table.rows.map((row) => byColumn(row, table.columns.length));
  const kinds = columnKinds(table, grid);
  const out: ChangeColumn[] = [];
  kinds.forEach((kind, column) => {
    if (kind === 'period') return;
    const checks = checkColumn(table, grid, column, kind === 'percent', kinds);
    if (checks.length) out.push({ column, percent: kind === 'percent', checks });
  });
  return out;
}

/** A row's cells by column, so that each check reads a cell without a search. */
function byColumn(row: Row, columns: number): Array<Cell | undefined> {
  const cells = new Array<Cell | undefined>(columns);
  for (const cell of row.cells) cells[cell.column] = cell;
  return cells;
}

/**
 * 'percent' or 'amount' for a column that may print changes ("% Change", or most of its figures
 * percentages; "Change", "Increase (Decrease)"), 'period' for one that prints a period.
 */
function columnKinds(table: Table, grid: Array<Array<Cell | undefined>>): Array<'period' | 'percent' | 'amount'> {
  const numbers = new Array<number>(table.columns.length).fill(0);
  const percents = new Array<number>(table.columns.length).fill(0);
  for (const cells of grid) {
    for (const cell of cells) {
      if (!cell || cell.kind !== 'number') continue;
      numbers[cell.column]++;
      if (cell.percent) percents[cell.column]++;
    }
  }
  return table.columns.map((c, i) => {
    if (/%|\bpercent/i.test(c.header) || percents[i] * 2 > numbers[i]) return 'percent';
    return CHANGE_HEADER.test(c.header) ? 'amount' : 'period';
  });
}

/** Checks one change column against the pair of period columns on its left that its rows bear out. */
function checkColumn(table: Table, grid: Array<Array<Cell | undefined>>, column: number, percent: boolean, kinds: string[]): RowCheck[] {
  let best: RowCheck[] = [];
  let bestAgree = 0;
  for (const pair of pairsLeftOf(table, column, kinds)) {
    const checks: RowCheck[] = [];
    table.rows.forEach((row, i) => {
      const check = checkRow(row, grid[i], column, pair, percent);
      if (check) checks.push(check);
    });
    const agree = checks.filter((c) => c.ok).length;
    if (agree > bestAgree) {
      best = checks;
      bestAgree = agree;
    }
  }
  return confirmed(bestAgree, best.length - bestAgree) ? best : [];
}

/**
 * Adjacent period columns left of the change column, nearest first. The later year is the current
 * period; without years, the left one is (as statements print them).
 */
function pairsLeftOf(table: Table, column: number, kinds: string[]): Pair[] {
  const periods: number[] = [];
  for (let i = column - 1; i >= 0; i--) if (kinds[i] === 'period') periods.unshift(i);
  const pairs: Pair[] = [];
  for (let i = periods.length - 2; i >= 0; i--) {
    const [left, right] = [periods[i], periods[i + 1]];
    // Side by side: "Q4 2004  Q4 2003  %  FY 2004  FY 2003  %" pairs no quarter with a year.
    if (right !== left + 1) continue;
    const yl = yearOf(table.columns[left].header);
    const yr = yearOf(table.columns[right].header);
    pairs.push(yl !== undefined && yr !== undefined && yr > yl ? { current: right, prior: left } : { current: left, prior: right });
  }
  return pairs;
}

function yearOf(header: string): number | undefined {
  const years = yearsIn(header);
  return years.length === 1 ? Number(years[0]) : undefined;
}

function checkRow(row: Row, cells: Array<Cell | undefined>, column: number, pair: Pair, percent: boolean): RowCheck | undefined {
  if (row.measure === 'percent' || row.measure === 'ratio') return undefined;
  const change = cells[column];
  const current = cells[pair.current];
  const prior = cells[pair.prior];
  if (!change || !current || !prior || change.kind !== 'number' || current.kind === 'na' || prior.kind === 'na') return undefined;
  if (current.percent || prior.percent || (!percent && change.percent)) return undefined;
  // A row prints both periods to one precision: "$1,710" beside "$1.556" is a misprinted comma
  // (Apple's 10-Q), a figure the reader cannot trust either way.
  if (current.kind === 'number' && prior.kind === 'number' && current.decimals !== prior.decimals) return undefined;
  const ok = percent ? percentOrPointsAgree(row, change, current, prior) : amountAgrees(change, current, prior);
  if (ok === undefined) return undefined;
  return { row, change, current, prior, ok };
}

// A margin or a rate printed without its "%" changes in points, not percent, in a % Change column.
const RATE = /\bmargins?\b|\brates?\b|\bpercent|%|\bratio\b|\breturn on\b|\byield\b|\bas a percentage\b/i;

/** Undefined when neither can be said (the prior period may be zero and the row is no rate). */
function percentOrPointsAgree(row: Row, change: Cell, current: Cell, prior: Cell): boolean | undefined {
  if (RATE.test([...row.groups, row.label].join(' ')) && amountAgrees(change, current, prior)) return true;
  // An airline's "Aircraft at end of period  182  186  (4)" under "Change": a count changes in units.
  if (!change.percent && change.decimals === 0 && current.decimals === 0 && amountAgrees(change, current, prior)) return true;
  return percentAgrees(change, current, prior);
}

/** |change| within the rounding of |current - prior|: the two tie as magnitudes do between tables. */
function amountAgrees(change: Cell, current: Cell, prior: Cell): boolean {
  const difference = { value: (current.value ?? 0) - (prior.value ?? 0), half: cellHalf(current) + cellHalf(prior) };
  return unitsTie({ value: change.value ?? 0, half: cellHalf(change) }, difference);
}

/**
 * Interval arithmetic: (a - b) / |b| is monotone in a and in b, so over the box of the amounts'
 * intervals its extremes lie at the corners. Undefined when the prior period may be zero.
 * Percentages are worked out from the unrounded amounts, and a subtotal in a force-footed
 * statement may be a unit off its unrounded value (Southern Company prints 117 against 102 as
 * 13.5%: 116.4 / 102.6), so each amount stands for a whole unit either side, not a half.
 */
function percentAgrees(change: Cell, current: Cell, prior: Cell): boolean | undefined {
  const a = current.value ?? 0;
  const b = prior.value ?? 0;
  const ha = 2 * cellHalf(current);
  const hb = 2 * cellHalf(prior);
  if (Math.abs(b) - hb <= 0) return undefined;
  const corners = [
    [a - ha, b - hb],
    [a - ha, b + hb],
    [a + ha, b - hb],
    [a + ha, b + hb],
  ].map(([x, y]) => Math.abs((100 * (x - y)) / Math.abs(y)));
  // Magnitudes: when the change a - b may be zero, its magnitude runs from zero.
  const spansZero = a - ha <= b + hb && a + ha >= b - hb;
  const low = spansZero ? 0 : Math.min(...corners);
  const high = Math.max(...corners);
  const printed = Math.abs(change.value ?? 0);
  const h = halfUnit(change.decimals);
  return printed + h >= low - 1e-9 && printed - h <= high + 1e-9;
}

function computedChange(c: RowCheck, percent: boolean): string {
  const a = c.current.value ?? 0;
  const b = c.prior.value ?? 0;
  return percent ? `${formatNumber((100 * (a - b)) / Math.abs(b), Math.max(1, c.change.decimals))}%` : formatNumber(a - b, Math.max(c.current.decimals, c.prior.decimals));
}

function toFinding(table: Table, c: RowCheck, percent: boolean): Finding {
  const header = table.columns[c.change.column]?.header.trim() || 'Change';
  const computed = computedChange(c, percent);
  return {
    rule: percent ? RULE_PERCENTAGE : RULE_CROSS_FOOTING,
    severity: 'warning',
    span: c.change.span,
    message: `${c.row.label || 'Row'} (${header}) prints ${c.change.text.trim()}, but ${c.current.text.trim()} against ${c.prior.text.trim()} is a change of ${computed}`,
    related: [
      { span: c.current.span, message: `${table.columns[c.current.column]?.header || 'current period'}: ${c.current.text.trim()}` },
      { span: c.prior.span, message: `${table.columns[c.prior.column]?.header || 'prior period'}: ${c.prior.text.trim()}` },
    ],
  };
}
