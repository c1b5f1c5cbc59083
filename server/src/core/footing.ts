// Footing: does each total equal the sum of its components? Components are not labelled in a
// filing, so they are found the way an auditor does it: the rows above a total, back to a group
// heading, a rule or an earlier total, confirmed by the arithmetic in the other columns. Values
// are compared as rounding intervals (XBRL Calculations 1.1): a printed figure stands for
// ± half a unit of its last digit, and a relation holds when the intervals meet.
import type { Cell, ColumnFooting, Footing, Row } from './model';
import { halfUnit } from './figures';
import { isBreakdown, normalize, type BodyItem } from './rows';

type Operation = 'sum' | 'difference';

interface Entry {
  row: number;
  /** Item index in the body where this entry's own rows begin (for group boundaries). */
  boundary: boolean;
}

interface Candidate {
  start: number;
  operation: Operation;
  components: number[];
  columns: ColumnFooting[];
  agree: number;
  disagree: number;
  /** Columns where the figures add up to the unit, not just within rounding. */
  exact: number;
  structural: boolean;
}

const MAX_COMPONENTS = 40;
// Only rows that say they are totals (or print no label under a column of figures) are flagged;
// computed lines such as "Net income" are checked when their components can be confirmed.
const STRONG = /^total\b|\btotals?$/i;
const MEDIUM = /^(net|gross|operating|income|loss|earnings|cash (provided|used|generated|flows?)|(increase|decrease)|balance|ending|end of)\b|\b(before|after) (provision|income tax|taxes|extraordinary|cumulative)|\b(profit|margin|subtotal)\b/i;

/** Columns that never add up: percentages, averages, prices, rates, ratios. */
const NON_ADDITIVE = /%|\bpercent|\bpct\b|\baverage|\bprice|\brates?\b|\byield|\blife\b|\bratio|\bper share|\beps\b|\bmargin/i;

export function additiveColumns(headers: string[]): boolean[] {
  return headers.map((h) => !NON_ADDITIVE.test(h));
}

export function checkFootings(rows: Row[], items: BodyItem[], additive: boolean[]): Footing[] {
  const footings: Footing[] = [];
  const entries: Entry[] = [];
  let boundary = true;
  for (const item of items) {
    if (item.kind !== 'row') {
      boundary = true;
      continue;
    }
    const row = rows[item.row];
    if (!summable(row)) continue;
    const reduced = tryReduce(row, rows, entries, additive, footings.length);
    if (reduced) {
      footings.push(reduced.footing);
      entries.splice(entries.length - reduced.consumed);
    }
    entries.push({ row: row.index, boundary });
    boundary = false;
  }
  for (const f of footings) {
    rows[f.total].footing = f.index;
    rows[f.total].role = rows[f.total].role === 'item' ? 'total' : rows[f.total].role;
    for (const c of f.components) rows[c].componentOf.push(f.index);
  }
  return footings;
}

function summable(row: Row): boolean {
  return row.measure === 'amount' && !isBreakdown(row.label) && row.cells.some((c) => c.kind !== 'na');
}

function strength(row: Row): 'strong' | 'medium' | 'weak' {
  if (row.label === '' || STRONG.test(row.label)) return 'strong';
  return MEDIUM.test(row.label) ? 'medium' : 'weak';
}

function tryReduce(row: Row, rows: Row[], entries: Entry[], additive: boolean[], index: number): { footing: Footing; consumed: number } | undefined {
  const kind = strength(row);
  // A plain line item is never taken for a difference: "equity = assets - liabilities" always holds.
  const candidates = enumerate(row, rows, entries, additive).filter((c) => kind !== 'weak' || c.operation === 'sum');
  const best = pickBest(candidates);
  if (best && best.disagree === 0 && best.agree >= (kind === 'weak' ? 2 : 1)) {
    return { footing: toFooting(row, best, index), consumed: entries.length - best.start };
  }
  if (kind !== 'strong') return undefined;
  // Flag only when the same components are confirmed by at least as many other columns.
  if (best && best.agree >= best.disagree) return { footing: toFooting(row, best, index), consumed: entries.length - best.start };
  const named = namedGroupCandidate(row, rows, entries, candidates);
  if (named) return { footing: toFooting(row, named, index), consumed: entries.length - named.start };
  return { footing: notChecked(row, index, 'its components could not be identified'), consumed: 0 };
}

function enumerate(row: Row, rows: Row[], entries: Entry[], additive: boolean[]): Candidate[] {
  const out: Candidate[] = [];
  const floor = Math.max(0, entries.length - MAX_COMPONENTS);
  // "Total included in other assets" over its one line item, set apart by a blank line or heading.
  const last = entries.length - 1;
  if (last >= 0 && entries[last].boundary && strength(row) === 'strong') {
    const single = evaluate(row, rows, [entries[last].row], 'sum', last, true, additive);
    if (single.disagree === 0) out.push(single);
  }
  for (let start = entries.length - 2; start >= floor; start--) {
    const components = entries.slice(start).map((e) => e.row);
    const structural = entries[start].boundary;
    for (const operation of ['sum', 'difference'] as const) {
      out.push(evaluate(row, rows, components, operation, start, structural, additive));
    }
  }
  return out;
}

function evaluate(total: Row, rows: Row[], components: number[], operation: Operation, start: number, structural: boolean, additive: boolean[]): Candidate {
  const columns: ColumnFooting[] = [];
  let agree = 0;
  let disagree = 0;
  for (let column = 0; column < additive.length; column++) {
    if (!additive[column]) continue;
    const result = checkColumn(total, components.map((i) => rows[i]), column, operation);
    if (!result) continue;
    columns.push(result.footing);
    if (!result.nontrivial) continue;
    if (result.footing.status === 'foots') agree++;
    else disagree++;
  }
  const exact = columns.filter((c) => c.status === 'foots' && c.printed !== null && c.computed !== null && round(c.printed - c.computed) === 0).length;
  return { start, operation, components, columns, agree, disagree, exact, structural };
}

function cellAt(row: Row, column: number): Cell | undefined {
  return row.cells.find((c) => c.column === column);
}

function checkColumn(total: Row, components: Row[], column: number, operation: Operation): { footing: ColumnFooting; nontrivial: boolean } | undefined {
  const printedCell = cellAt(total, column);
  if (!printedCell || printedCell.value === null || printedCell.percent) return undefined;
  let sum = 0;
  let tolerance = halfUnit(printedCell.decimals) * (printedCell.kind === 'nil' ? 0 : 1);
  let nonzero = 0;
  let present = 0;
  components.forEach((row, i) => {
    const cell = cellAt(row, column);
    if (!cell || cell.value === null || cell.percent) return;
    present++;
    const sign = operation === 'difference' && i > 0 ? -1 : 1;
    sum += sign * cell.value;
    if (cell.kind === 'number') tolerance += halfUnit(cell.decimals);
    if (cell.value !== 0) nonzero++;
  });
  if (present === 0) return undefined;
  // A dash where a total would stand means "not presented" (segment columns), not zero.
  if (printedCell.kind === 'nil' && nonzero > 0) return undefined;
  const printed = printedCell.value;
  const difference = round(printed - sum);
  const foots = Math.abs(difference) <= tolerance + 1e-9;
  return {
    footing: { column, status: foots ? 'foots' : 'doesNotFoot', printed, computed: round(sum), difference: foots ? null : difference },
    // Zeros prove no relation; nor do small figures that agree only within rounding.
    nontrivial: (difference === 0 || Math.max(Math.abs(printed), Math.abs(sum)) > 2 * tolerance) && (nonzero >= 2 || (nonzero >= 1 && (present >= 2 || components.length === 1))),
  };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Most columns agreeing, fewest disagreeing, then group/rule boundaries, sums over differences. */
function pickBest(candidates: Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (c.agree === 0) continue;
    if (!best || better(c, best)) best = c;
  }
  return best;
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.agree !== b.agree) return a.agree > b.agree;
  if (a.disagree !== b.disagree) return a.disagree < b.disagree;
  if (a.exact !== b.exact) return a.exact > b.exact;
  if (a.structural !== b.structural) return a.structural;
  if (a.operation !== b.operation) return a.operation === 'sum';
  return a.components.length < b.components.length;
}

/** "Total current assets" under "Current assets:" in a table too narrow to confirm by other columns. */
function namedGroupCandidate(row: Row, rows: Row[], entries: Entry[], candidates: Candidate[]): Candidate | undefined {
  const name = normalize(row.label.replace(/^total\s+/i, ''));
  if (!name || !/^total\b/i.test(row.label)) return undefined;
  const inGroup = entries.map((e, i) => ({ e, i })).filter(({ e }) => normalize(rows[e.row].groups[rows[e.row].groups.length - 1] ?? '') === name);
  if (inGroup.length < 2) return undefined;
  const start = inGroup[0].i;
  if (inGroup.some(({ i }, k) => i !== start + k) || start + inGroup.length !== entries.length) return undefined;
  return candidates.find((c) => c.start === start && c.operation === 'sum');
}

function toFooting(row: Row, c: Candidate, index: number): Footing {
  return { index, total: row.index, components: c.components, operation: c.operation, columns: c.columns };
}

function notChecked(row: Row, index: number, reason: string): Footing {
  const columns: ColumnFooting[] = row.cells
    .filter((c) => c.value !== null)
    .map((c) => ({ column: c.column, status: 'notChecked', printed: c.value, computed: null, difference: null, reason }));
  return { index, total: row.index, components: [], operation: 'sum', columns, reason };
}

/**
 * Rounding intervals forgive a difference of a unit or two. A table whose other totals all foot to
 * the unit was force-footed by its preparer: there, a lone difference is a wrong figure, not
 * rounding. All the differences must trace to one printed figure; it is flagged where it is the total.
 */
export function tightenForceFooted(rows: Row[], footings: Footing[]): void {
  const exact: ColumnFooting[] = [];
  const inexact: Array<{ footing: Footing; column: ColumnFooting }> = [];
  for (const footing of footings) {
    for (const column of footing.columns) {
      if (column.status !== 'foots' || column.printed === null || column.computed === null) continue;
      if (!wholeFigures(rows, footing, column.column)) continue;
      if (round(column.printed - column.computed) === 0) exact.push(column);
      else inexact.push({ footing, column });
    }
  }
  if (exact.length < MIN_EXACT || inexact.length === 0) return;
  const common = commonCells(inexact.map((i) => i.footing));
  for (const { footing, column } of inexact) {
    if (!common.has(footing.total)) continue;
    column.status = 'doesNotFoot';
    column.difference = round((column.printed ?? 0) - (column.computed ?? 0));
    column.reason = 'within rounding, but every other total in this table foots to the unit';
  }
}

const MIN_EXACT = 3;

function wholeFigures(rows: Row[], footing: Footing, column: number): boolean {
  return [footing.total, ...footing.components].every((i) => (cellAt(rows[i], column)?.decimals ?? 0) === 0);
}

/** Rows that take part in every one of the given footings. */
function commonCells(footings: Footing[]): Set<number> {
  const sets = footings.map((f) => new Set([f.total, ...f.components]));
  return new Set([...sets[0]].filter((row) => sets.every((s) => s.has(row))));
}
