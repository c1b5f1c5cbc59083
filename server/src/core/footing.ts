// Footing: does each total equal the sum of its components? Components are not labelled in a
// filing, so they are found the way an auditor does it: the rows above a total, back to a group
// heading, a rule or an earlier total, confirmed by the arithmetic in the other columns. Values
// are compared as rounding intervals (XBRL Calculations 1.1): a printed figure stands for
// ± half a unit of its last digit, and a relation holds when the intervals meet.
import type { Cell, ColumnFooting, Footing, Measure, Row } from './model';
import { cellHalf, halfUnit } from './figures';
import { cellIn } from './lookup';
import { isBreakdown, normalize, type BodyItem } from './rows';

type Operation = 'sum' | 'difference';

interface Entry {
  row: number;
  /** A heading, blank line or rule stands just above this entry. */
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
}

const MAX_COMPONENTS = 40;
// Only rows that say they are totals (or print no label under a column of figures) are flagged;
// computed lines such as "Net income" are checked when their components can be confirmed.
const STRONG = /^total\b|\btotals?$/i;
/** A row that says it is a total: only these are read upside down or alone. */
const TOTAL = /^total\b/i;
const MEDIUM = /^(net|gross|operating|income|loss|earnings|cash (provided|used|generated|flows?)|(increase|decrease)|balance|ending|end of)\b|\b(before|after) (provision|income tax|taxes|extraordinary|cumulative)|\b(profit|margin|subtotal)\b/i;

/** Columns that never add up: percentages, averages, prices, rates, ratios. */
const NON_ADDITIVE = /%|\bpercent|\bpct\b|\baverage (?!(daily |monthly |quarterly )?balances?\b)|\bprice|\brates?\b|\byield|\blife\b|\bratio|\bper share|\beps\b|\bmargin/i;

export function additiveColumns(headers: string[]): boolean[] {
  return headers.map((h) => !NON_ADDITIVE.test(h));
}

export function checkFootings(rows: Row[], items: BodyItem[], additive: boolean[]): Footing[] {
  const footings = reduceAll(rows, items, additive, () => true);
  settleTopDown(rows, items, additive, footings);
  footings.push(...reduceAll(rows, items, additive, (row) => STRONG.test(row.label), footings.length, false, 'perShare'));
  footings.push(...reduceAll(rows, items, additive, () => true, footings.length, false, 'percent'));
  const claimed = new Set(footings.flatMap((f) => [f.total, ...f.components]));
  for (const f of footings) explainByLeftOut(rows, f, claimed);
  for (const f of footings) {
    rows[f.total].footing = f.index;
    rows[f.total].role = 'total';
    for (const c of f.components) rows[c].componentOf.push(f.index);
  }
  return footings;
}

/**
 * Reads the body in order, keeping the rows not yet summed into a total; each row that may be a
 * total (`mayTotal`) tries to consume the rows just above it.
 */
function reduceAll(rows: Row[], items: BodyItem[], additive: boolean[], mayTotal: (row: Row) => boolean, first = 0, topDown = false, measure: Measure = 'amount'): Footing[] {
  const footings: Footing[] = [];
  const entries: Entry[] = [];
  let boundary = true;
  let ruled = false;
  for (const item of items) {
    if (item.kind !== 'row') {
      boundary = true;
      ruled ||= item.kind === 'rule';
      continue;
    }
    const row = rows[item.row];
    if (!summable(row, measure)) {
      // Per-share figures and percentages add up only among themselves, in a block no other
      // row interrupts.
      if (measure !== 'amount') {
        boundary = true;
        entries.length = 0;
      }
      continue;
    }
    const reduced = mayTotal(row) ? tryReduce(row, rows, entries, additive, first + footings.length, ruled) : undefined;
    ruled = false;
    // Printed above its breakdown, a total owns the rows under it even when they are only part of it.
    if (reduced && topDown && reduced.consumed === 0) reduced.consumed = entries.length - lastBoundary(entries);
    if (reduced) {
      footings.push(reduced.footing);
      entries.splice(entries.length - reduced.consumed);
    }
    entries.push({ row: row.index, boundary });
    boundary = false;
  }
  return footings;
}

/**
 * "Total revenues" printed above its components (highlights, "Total Sales" over "Total Retail"
 * and "Total Wholesale"): totals left unchecked are read again bottom-up, so that their components
 * are the rows below them.
 */
function settleTopDown(rows: Row[], items: BodyItem[], additive: boolean[], footings: Footing[]): void {
  const open = new Map<number, number>();
  footings.forEach((f, i) => {
    if (f.columns.every((c) => c.status === 'notChecked') && TOTAL.test(rows[f.total].label)) open.set(f.total, i);
  });
  if (open.size === 0) return;
  const reversed = reduceAll(rows, [...items].reverse(), additive, (row) => TOTAL.test(row.label), footings.length, true);
  for (const f of reversed) {
    const at = open.get(f.total);
    if (at === undefined || f.columns.every((c) => c.status === 'notChecked')) continue;
    // Read upside down, a total needs a clear majority of columns before it is called wrong.
    const agree = f.columns.filter((c) => c.status === 'foots').length;
    const disagree = f.columns.filter((c) => c.status === 'doesNotFoot').length;
    if (disagree > 0 && !confirmed(agree, disagree)) continue;
    if (f.operation === 'difference') continue;
    f.components.reverse();
    footings[at] = { ...f, index: at };
  }
}

/**
 * Another column must bear a relation out before one column is called wrong: at least two agree,
 * and more agree than disagree (footing read upside down, cross-footing, percentages).
 */
export function confirmed(agree: number, disagree: number): boolean {
  return agree >= 2 && agree > disagree;
}

function lastBoundary(entries: Entry[]): number {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].boundary) return i;
  return entries.length;
}

/**
 * Amounts add up; so do per-share figures in a bridge ("Significant factors ... Total $0.07"),
 * read in a pass of their own where only a row labelled "Total" is taken for their sum, and
 * percentages of one base (percent of revenue, a tax rate reconciliation) among themselves.
 */
function summable(row: Row, measure: Measure): boolean {
  return row.measure === measure && !isBreakdown(row.label) && row.cells.some((c) => c.kind !== 'na');
}

function strength(row: Row, ruled: boolean): 'strong' | 'medium' | 'weak' {
  if (row.label === '' || STRONG.test(row.label) || (ruled && closesItsHeading(row))) return 'strong';
  return MEDIUM.test(row.label) ? 'medium' : 'weak';
}

/**
 * "Adjusted operating income" under a rule, closing the group headed "Adjusted operating income":
 * the heading names the sum its rows make, as "Total ..." would.
 */
function closesItsHeading(row: Row): boolean {
  const heading = row.groups[row.groups.length - 1];
  return heading !== undefined && normalize(heading) === normalize(row.label);
}

function tryReduce(row: Row, rows: Row[], entries: Entry[], additive: boolean[], index: number, ruled = false): { footing: Footing; consumed: number } | undefined {
  const kind = strength(row, ruled);
  if (row.measure === 'percent' && liesAmongParts(row, rows, entries)) {
    return kind === 'strong' ? { footing: notChecked(row, index, 'it lies among the percentages above it: an average or a rate of the whole, not their sum'), consumed: 0 } : undefined;
  }
  // A plain line item is never taken for a difference: "equity = assets - liabilities" always holds.
  const best = bestCandidate(row, rows, entries, additive, kind);
  const reduce = (c: Candidate) => ({ footing: toFooting(row, c, index), consumed: entries.length - c.start });
  if (best && best.disagree === 0 && best.agree >= (kind === 'weak' ? 2 : 1)) return reduce(best);
  // "GAAP net loss", its adjustments indented under it, then "Non-GAAP net income" at the margin:
  // the layout says what the sum is where no rule or "Total" does.
  if (kind !== 'strong' && best && confirmed(best.agree, best.disagree) && bracketed(row, rows, best.components)) return reduce(best);
  if (kind !== 'strong') return undefined;
  // Flag only when the same components are confirmed by at least as many other columns.
  if (best && best.agree >= best.disagree) return reduce(best);
  const named = namedGroupCandidate(row, rows, entries, additive) ?? singleColumnCandidate(row, rows, entries, additive);
  if (named) return reduce(named);
  return { footing: notChecked(row, index, 'its components could not be identified'), consumed: 0 };
}

/** A first line item, the rest indented under it, and the total back at its margin. */
function bracketed(total: Row, rows: Row[], components: number[]): boolean {
  if (components.length < 3) return false;
  const [first, ...rest] = components.map((i) => rows[i]);
  if (first.indent > total.indent || first.index + 1 !== rest[0].index) return false;
  return rest.every((r) => r.indent > total.indent) && rest[rest.length - 1].index + 1 === total.index;
}

/**
 * "Total segment operating margin 14.9%" under the segments' 15.8%, 13.8% and 14.7%: a sum of
 * parts is at least its largest part, so a percentage lying among those of the rows above it (in
 * every column that prints two or more of them) is their average or the rate of the whole.
 */
function liesAmongParts(row: Row, rows: Row[], entries: Entry[]): boolean {
  const parts = entries.slice(lastBoundary(entries)).map((e) => rows[e.row]);
  let among = 0;
  for (const cell of row.cells) {
    if (cell.value === null || cell.kind !== 'number') continue;
    const values = parts.map((r) => cellIn(r, cell.column)?.value).filter((v): v is number => v !== null && v !== undefined);
    if (values.length < 2) continue;
    const slack = halfUnit(cell.decimals);
    if (cell.value > Math.max(...values) + slack || cell.value < Math.min(...values) - slack) return false;
    among++;
  }
  return among > 0;
}

/**
 * A difference equal to a row printed among the components but left out of the sum (read as an
 * "of which" breakdown, a memo line, a label wrapped over a blank line) is that row: the reading
 * is in doubt, not the arithmetic, so the column is not checked rather than flagged.
 */
function explainByLeftOut(rows: Row[], footing: Footing, claimed: Set<number>): void {
  if (footing.components.length === 0) return;
  const first = Math.min(footing.total, ...footing.components);
  const last = Math.max(footing.total, ...footing.components);
  for (const column of footing.columns) {
    if (column.status !== 'doesNotFoot' || column.difference === null) continue;
    const gap = Math.abs(column.difference);
    for (let i = first + 1; i < last; i++) {
      // Rows summed into this or any other total are read; only the rest are in doubt.
      const cell = claimed.has(i) ? undefined : cellIn(rows[i], column.column);
      if (!cell || cell.kind !== 'number' || cell.value === null || cell.value === 0) continue;
      if (Math.abs(Math.abs(cell.value) - gap) > halfUnit(cell.decimals) + 1e-9) continue;
      column.status = 'notChecked';
      column.reason = `the difference is ${rows[i].label || 'the unlabelled row'} (${cell.text.trim()}), printed among the components but not read as one of them`;
      column.difference = null;
      break;
    }
  }
}

/** A "%" beside an amount is a change column; in a row of percentages it is the figure itself. */
function counted(row: Row, cell: Cell): boolean {
  return !cell.percent || row.measure === 'percent';
}

/** Column figures of the entries, read once per total: value, rounding half-unit, presence. */
interface Figures {
  values: Float64Array;
  halves: Float64Array;
  present: Uint8Array;
}

/**
 * A row's figures by column, read once per row rather than once per total above it; kept by
 * table (its rows array), as one weak entry per row made the cache cost more than the reading.
 */
const denseRows = new WeakMap<Row[], Array<Figures | undefined>>();

function dense(rows: Row[], index: number, columns: number): Figures {
  let table = denseRows.get(rows);
  if (!table) denseRows.set(rows, (table = new Array<Figures | undefined>(rows.length)));
  const row = rows[index];
  let figures = table[index];
  if (figures && figures.values.length >= columns) return figures;
  figures = { values: new Float64Array(columns), halves: new Float64Array(columns), present: new Uint8Array(columns) };
  for (const cell of row.cells) {
    if (cell.column >= columns || cell.value === null || !counted(row, cell)) continue;
    figures.values[cell.column] = cell.value;
    figures.halves[cell.column] = cellHalf(cell);
    figures.present[cell.column] = 1;
  }
  table[index] = figures;
  return figures;
}

/**
 * Scores every suffix of the entries as the total's components, by sum and by difference, with
 * running sums (one pass per column), and keeps the best. Only the winner is built in full.
 */
function bestCandidate(row: Row, rows: Row[], entries: Entry[], additive: boolean[], kind: string): Candidate | undefined {
  const n = entries.length;
  const floor = Math.max(0, n - MAX_COMPONENTS);
  const slots = (n - floor) * 2;
  // Plain arrays: a typed array costs more to allocate than its few counters save, once per total.
  const agree: number[] = new Array(slots).fill(0);
  const disagree: number[] = new Array(slots).fill(0);
  const exact: number[] = new Array(slots).fill(0);
  // Only the last MAX_COMPONENTS entries can be components: an array of all n would make a long
  // table without totals cost O(rows²) in allocation alone.
  const f: Figures[] = new Array(n - floor);
  for (let i = floor; i < n; i++) f[i - floor] = dense(rows, entries[i].row, additive.length);
  for (let column = 0; column < additive.length; column++) {
    const printedCell = additive[column] ? cellIn(row, column) : undefined;
    if (!printedCell || printedCell.value === null || !counted(row, printedCell)) continue;
    let sum = 0;
    let tolerance = cellHalf(printedCell);
    let nonzero = 0;
    let present = 0;
    for (let start = n - 1; start >= floor; start--) {
      const figures = f[start - floor];
      if (figures.present[column]) {
        sum += figures.values[column];
        tolerance += figures.halves[column];
        present++;
        if (figures.values[column] !== 0) nonzero++;
      }
      const count = n - start;
      if (present === 0) continue;
      const first = figures.present[column] ? figures.values[column] : 0;
      for (let op = 0; op < 2; op++) {
        const computed = op === 0 ? sum : 2 * first - sum;
        const verdict = judge(printedCell, computed, tolerance, nonzero, present, count);
        if (verdict === undefined) continue;
        const slot = (start - floor) * 2 + op;
        if (verdict === 'agree' || verdict === 'exact') agree[slot]++;
        if (verdict === 'exact') exact[slot]++;
        if (verdict === 'disagree') disagree[slot]++;
      }
    }
  }
  let best: { start: number; op: number } | undefined;
  const singleAllowed = n > 0 && entries[n - 1].boundary && kind === 'strong';
  for (let start = n - 1; start >= floor; start--) {
    for (let op = 0; op < 2; op++) {
      const slot = (start - floor) * 2 + op;
      if (agree[slot] === 0) continue;
      if (op === 1 && kind === 'weak') continue;
      // One component only: "Total included in other assets" over its one item, set apart above.
      if (n - start === 1 && (op === 1 || !singleAllowed || disagree[slot] > 0)) continue;
      if (!best || betterSlot(start, op, best.start, best.op)) best = { start, op };
    }
  }
  function betterSlot(aStart: number, aOp: number, bStart: number, bOp: number): boolean {
    const a = (aStart - floor) * 2 + aOp;
    const b = (bStart - floor) * 2 + bOp;
    if (agree[a] !== agree[b]) return agree[a] > agree[b];
    if (disagree[a] !== disagree[b]) return disagree[a] < disagree[b];
    if (exact[a] !== exact[b]) return exact[a] > exact[b];
    if (entries[aStart].boundary !== entries[bStart].boundary) return entries[aStart].boundary;
    if (aOp !== bOp) return aOp === 0;
    return aStart > bStart;
  }
  if (!best) return undefined;
  return evaluate(row, rows, entries.slice(best.start).map((e) => e.row), best.op === 0 ? 'sum' : 'difference', best.start, additive);
}

/** One column of one candidate: does the printed total agree with the computed one, and does it tell? */
function judge(printedCell: Cell, computed: number, tolerance: number, nonzero: number, present: number, count: number): 'exact' | 'agree' | 'disagree' | 'uninformative' | undefined {
  // A dash where a total would stand means "not presented" (segment columns), not zero.
  if (printedCell.kind === 'nil' && nonzero > 0) return undefined;
  const printed = printedCell.value ?? 0;
  const difference = round(printed - computed);
  const foots = Math.abs(difference) <= tolerance + 1e-9;
  // Zeros prove no relation; nor do small figures that agree only within rounding.
  const informative = (difference === 0 || Math.max(Math.abs(printed), Math.abs(computed)) > 2 * tolerance) && (nonzero >= 2 || (nonzero >= 1 && (present >= 2 || count === 1)));
  if (!informative) return 'uninformative';
  if (!foots) return 'disagree';
  return difference === 0 ? 'exact' : 'agree';
}

function evaluate(total: Row, rows: Row[], components: number[], operation: Operation, start: number, additive: boolean[]): Candidate {
  const columns: ColumnFooting[] = [];
  let agree = 0;
  let disagree = 0;
  let exact = 0;
  for (let column = 0; column < additive.length; column++) {
    if (!additive[column]) continue;
    const result = checkColumn(total, components.map((i) => rows[i]), column, operation);
    if (!result) continue;
    columns.push(result.footing);
    if (result.verdict === 'agree' || result.verdict === 'exact') agree++;
    if (result.verdict === 'exact') exact++;
    if (result.verdict === 'disagree') disagree++;
  }
  return { start, operation, components, columns, agree, disagree, exact };
}

function checkColumn(total: Row, components: Row[], column: number, operation: Operation): { footing: ColumnFooting; verdict: ReturnType<typeof judge> } | undefined {
  const printedCell = cellIn(total, column);
  if (!printedCell || printedCell.value === null || !counted(total, printedCell)) return undefined;
  let sum = 0;
  let tolerance = cellHalf(printedCell);
  let nonzero = 0;
  let present = 0;
  components.forEach((row, i) => {
    const cell = cellIn(row, column);
    if (!cell || cell.value === null || !counted(row, cell)) return;
    present++;
    sum += (operation === 'difference' && i > 0 ? -1 : 1) * cell.value;
    tolerance += cellHalf(cell);
    if (cell.value !== 0) nonzero++;
  });
  if (present === 0) return undefined;
  const verdict = judge(printedCell, sum, tolerance, nonzero, present, components.length);
  if (verdict === undefined) return undefined;
  const printed = printedCell.value;
  const difference = round(printed - sum);
  const foots = Math.abs(difference) <= tolerance + 1e-9;
  return { footing: { column, status: foots ? 'foots' : 'doesNotFoot', printed, computed: round(sum), difference: foots ? null : difference }, verdict };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** "Total current assets" under "Current assets:" in a table too narrow to confirm by other columns. */
function namedGroupCandidate(row: Row, rows: Row[], entries: Entry[], additive: boolean[]): Candidate | undefined {
  const name = normalize(row.label.replace(/^total\s+/i, ''));
  if (!name || !TOTAL.test(row.label)) return undefined;
  // "Total net revenues" closes "REVENUES (Note 9):": the heading's words are all in the total's.
  const totalWords = new Set(name.split(' '));
  const seen = new Map<string, boolean>();
  const names = (group: string) => {
    let named = seen.get(group);
    if (named === undefined) {
      const words = normalize(group.replace(/\([^)]*\)/g, '')).split(' ').filter(Boolean);
      named = words.length > 0 && words.every((w) => totalWords.has(w));
      seen.set(group, named);
    }
    return named;
  };
  const inGroup = (i: number) => names(rows[entries[i].row].groups[rows[entries[i].row].groups.length - 1] ?? '');
  // The group's rows must be exactly the run just above the total (names are cached per heading).
  let start = entries.length;
  while (start > 0 && inGroup(start - 1)) start--;
  if (entries.length - start < 2) return undefined;
  for (let i = 0; i < start; i++) if (inGroup(i)) return undefined;
  return evaluate(row, rows, entries.slice(start).map((e) => e.row), 'sum', start, additive);
}

/**
 * A table of one column has no other column to confirm its components: "Total ..." then adds up
 * the rows since the nearest heading, blank line or rule above it (a lease schedule, a maturity table).
 */
function singleColumnCandidate(row: Row, rows: Row[], entries: Entry[], additive: boolean[]): Candidate | undefined {
  // Also a wider table where the total has a figure in one column only (dashes elsewhere).
  const figures = row.cells.filter((c) => additive[c.column] && c.kind === 'number' && c.value !== 0 && counted(row, c));
  if (figures.length !== 1 || !TOTAL.test(row.label)) return undefined;
  let start = entries.length - 1;
  while (start > 0 && !entries[start].boundary) start--;
  if (start < 0 || entries.length - start < 2) return undefined;
  // Only rows that carry figures in that column make a sum worth stating.
  const column = figures[0].column;
  const nonzero = entries.slice(start).filter((e) => (cellIn(rows[e.row], column)?.value ?? 0) !== 0).length;
  if (nonzero < 2) return undefined;
  return evaluate(row, rows, entries.slice(start).map((e) => e.row), 'sum', start, additive);
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
  if (exact.length === 0 || inexact.length === 0) return;
  // Every difference must involve one and the same printed figure (a row in one column).
  const column = inexact[0].column.column;
  if (inexact.some((i) => i.column.column !== column)) return;
  const sets = inexact.map((i) => new Set([i.footing.total, ...i.footing.components]));
  const common = new Set([...sets[0]].filter((row) => sets.every((s) => s.has(row))));
  for (const { footing, column } of inexact) {
    if (!common.has(footing.total)) continue;
    column.status = 'doesNotFoot';
    column.difference = round((column.printed ?? 0) - (column.computed ?? 0));
    column.reason = 'within rounding, but every other total in this table foots to the unit';
  }
}

/**
 * Whole figures only: highlights restated to one decimal ("$16.0 million"), cents and factors are
 * rounded from finer figures and do not foot to the last digit.
 */
function wholeFigures(rows: Row[], footing: Footing, column: number): boolean {
  return [footing.total, ...footing.components].every((i) => (cellIn(rows[i], column)?.decimals ?? 0) === 0);
}
