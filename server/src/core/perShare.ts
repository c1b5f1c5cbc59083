// Earnings per share: the per-share figure of a column equals net income divided by the weighted
// average shares printed in the same table and column, each at its own scale (net income in
// thousands, shares in thousands or units, the per-share amount in dollars), within the rounding
// of all three. Filings adjust the numerator (preferred dividends, interest on convertible debt)
// and diluted figures fall back to basic when dilution would help (anti-dilution), so a per-share
// figure is flagged only when no pairing the table prints explains it, and only in a row where
// another column agrees (as footing asks the other columns to confirm a total's components).
import { formatNumber } from './format';
import { halfUnit } from './figures';
import { cellIn } from './lookup';
import type { Cell, Finding, Row, Table } from './model';
import { cellUnits } from './ties';

export const RULE_PER_SHARE = 'per-share';

type Kind = 'basic' | 'diluted' | 'either';

const NET_INCOME = /\bnet (income|earnings|loss|profit)|\bnumerator\b|\b(income|earnings|loss) from continuing operations\b/i;
const NOT_NET_INCOME = /\bnon-?controlling|\bminority\b|\bmargin\b|\bbefore\b|\bdiscontinued\b|%|\bpercent|\bnon-?gaap\b|\boperating\b/i;
// What a per-share figure and its numerator must both say, or both not say: "Pro forma net loss,
// excluding merger costs" divides into "Pro forma loss per share, excluding merger costs" only.
const QUALIFIERS = [/\bpro ?forma\b/i, /\bcontinuing\b/i, /\bexcluding\b/i];
const PER_SHARE_LABEL = /\bper (common |diluted |basic |ordinary )?share\b|\beps\b/i;
// Per-share figures that are not earnings, or only part of them.
const NOT_EARNINGS = /dividend|distribution|book value|price|fair value|cash|ebitda|discontinued|extraordinary|cumulative|accounting change|before|change in|operating|gain|charge|adjust|non-?gaap|core|recurring|normali[sz]ed|comparable|underlying|economic|funds from operations|\bffo\b|return/i;
// Per-share figures whose numerator is not the table's net income: depositary shares, partnership
// units (net income is first allocated to the general partner).
const NOT_PER_COMMON_SHARE = /\bads\b|\badr\b|depositary|partner|\bper unit\b|unitholder/i;
// Numerators the table does not print: preferred dividends, participating securities.
const UNPRINTED_ADJUSTMENT = /preferred|participating|two-class|allocated|accretion|redeemable|deemed dividend/i;

interface Operand {
  row: Row;
  kind: Kind;
}

/** What the check found for one per-share figure: the pairing that explains it, or the nearest. */
export interface PerShareResult {
  consistent: boolean;
  numerator: Row;
  shares: Row;
  numeratorCell: Cell;
  sharesCell: Cell;
  /** Net income over shares, in the per-share figure's magnitude. */
  computed: number;
  /** True when the figure is diluted and lies between the computed and the basic figure. */
  byDilutionBounds: boolean;
}

interface Operands {
  numerators: Row[];
  shares: Operand[];
  perShare: Operand[];
  basic: Operand | undefined;
}

export function checkEarningsPerShare(tables: Table[]): Finding[] {
  const findings: Finding[] = [];
  for (const table of tables) {
    const operands = operandsOf(table);
    for (const eps of operands?.perShare ?? []) {
      const results = eps.row.cells.map((cell) => ({ cell, result: evaluate(table, eps, cell, operands!) }));
      // As for footing, another column must confirm the pairing: a row that agrees nowhere was
      // misread (a sentence taken for a share count), not mistyped in every column.
      if (!results.some(({ result }) => result?.consistent && !result.byDilutionBounds)) continue;
      for (const { cell, result } of results) if (result && !result.consistent) findings.push(finding(table, eps.row, cell, result));
    }
  }
  return findings;
}

/** The check of one per-share figure, for its hover; undefined when the figure is not checked. */
export function perShareAt(table: Table, row: Row, cell: Cell): PerShareResult | undefined {
  const operands = operandsOf(table);
  const eps = operands?.perShare.find((p) => p.row === row);
  return eps && evaluate(table, eps, cell, operands!);
}

/** A table's numerators, share counts and per-share rows, or undefined when it cannot be checked. */
function operandsOf(table: Table): Operands | undefined {
  if (NOT_PER_COMMON_SHARE.test(table.title) || table.rows.some((r) => NOT_PER_COMMON_SHARE.test(text(r)))) return undefined;
  const numerators = table.rows.filter(isNumerator);
  // Every share count is a candidate denominator: tables name them in too many ways ("Dilutive
  // potential common shares" is sometimes the increment, sometimes the diluted total).
  const shares = table.rows.filter(isShareCount).map((row) => ({ row, kind: kindOf(row) }));
  if (numerators.length === 0 || shares.length === 0) return undefined;
  const adjusted = numerators.some((r) => /\bcommon\b|\bnumerator\b|\badjusted\b/i.test(text(r)));
  if (!adjusted && table.rows.some((r) => UNPRINTED_ADJUSTMENT.test(text(r)))) return undefined;
  const perShare = table.rows.filter(isEarningsPerShare).map((row) => ({ row, kind: kindOf(row) }));
  return { numerators, shares, perShare, basic: perShare.find((p) => p.kind === 'basic') };
}

function text(row: Row): string {
  return `${row.groups.join(' ')} ${row.label}`;
}

/** A numerator for diluted earnings ("adjusted net income", interest added back) divides only into them. */
function numeratorFits(numerator: Row, kind: Kind): boolean {
  const diluted = kindOf(numerator) === 'diluted' || /\badjusted\b|\bassum(ed|ing) conversion/i.test(text(numerator));
  return kind !== 'basic' || !diluted;
}

function qualifiers(words: string): string {
  return QUALIFIERS.map((q) => (q.test(words) ? '1' : '0')).join('');
}

function kindOf(row: Row): Kind {
  const words = text(row);
  if (/dilut|assuming dilution/i.test(words)) return 'diluted';
  if (/\bbasic\b|\bprimary\b/i.test(words)) return 'basic';
  return 'either';
}

/** Net income (or the numerator a computation names), printed in whole units of its scale. */
function isNumerator(row: Row): boolean {
  // "Net income:" over "Amount" and "As a percent of revenue".
  const label = /^(amount|total)$/i.test(row.label.trim()) ? `${row.groups[row.groups.length - 1] ?? ''} ${row.label}` : row.label;
  if (!NET_INCOME.test(label) || NOT_NET_INCOME.test(label)) return false;
  if (PER_SHARE_LABEL.test(row.label) && !/\bnumerator\b/i.test(row.label)) return false;
  return row.measure === 'amount' || row.cells.every((c) => c.decimals === 0);
}

/** A share count that says so in its label or heading (not a caption's "except share data"). */
function isShareCount(row: Row): boolean {
  const words = `${row.groups[row.groups.length - 1] ?? ''} ${row.label}`.replace(/except [a-z ,]*share[a-z ]*/gi, '');
  return row.measure === 'shares' && /\bshares?\b|\bweighted\b|\bdenominator\b/i.test(words);
}

/** A per-share earnings figure: printed in cents, under a label that says what it divides. */
function isEarningsPerShare(row: Row): boolean {
  if (row.measure !== 'perShare' || NOT_EARNINGS.test(text(row))) return false;
  if (!row.cells.some((c) => c.kind === 'number') || row.cells.some((c) => c.kind === 'number' && c.decimals < 2)) return false;
  return PER_SHARE_LABEL.test(text(row)) || /earnings|income|loss/i.test(text(row));
}

interface Quotient {
  numerator: Row;
  shares: Row;
  numeratorCell: Cell;
  sharesCell: Cell;
  low: number;
  high: number;
}

// A per-share figure may be computed from other data than the table prints (the sum of the
// quarters' figures: Apple's six months print $(6.55) where $809 / 123,326 is $6.560): a
// quarter of a percent beyond the rounding of all three figures is presentation, not an error.
const PRESENTATION = 0.0025;

function evaluate(table: Table, eps: Operand, cell: Cell, { numerators: all, shares, basic }: Operands): PerShareResult | undefined {
  if (cell.kind !== 'number' || cell.value === null) return undefined;
  const numerators = all.filter((n) => qualifiers(n.label) === qualifiers(text(eps.row)) && numeratorFits(n, eps.kind));
  const printed = Math.abs(cell.value);
  const slack = halfUnit(cell.decimals) + printed * PRESENTATION + 1e-9;
  const quotients = (kinds: Kind[]) =>
    numerators.flatMap((n) => shares.filter((s) => kinds.includes(s.kind)).map((s) => quotient(table, n, s.row, cell.column))).filter((q): q is Quotient => q !== undefined);
  const known = quotients(denominators(eps.kind, shares))
    .filter((q) => eps.kind !== 'diluted' || !belowBasic(q.sharesCell, shares, cell.column))
    .map((q) => rescaled(q, printed));
  if (known.length === 0) return undefined;
  const explains = known.find((q) => q.low - slack <= printed && printed <= q.high + slack);
  if (explains) return result(explains, true, false);
  const nearest = explanation(known, eps.kind, printed);
  const basicQuotients = quotients(denominators('basic', shares)).map((q) => rescaled(q, printed));
  const bounded = eps.kind === 'diluted' && withinDilution(printed, slack, known, basicBound(cell.column, basic, basicQuotients));
  return result(nearest, bounded, bounded);
}

function result(q: Quotient, consistent: boolean, byDilutionBounds: boolean): PerShareResult {
  return { consistent, byDilutionBounds, numerator: q.numerator, shares: q.shares, numeratorCell: q.numeratorCell, sharesCell: q.sharesCell, computed: middle(q) };
}

/**
 * Diluted shares are never fewer than basic shares: a "dilutive" count below the basic one is the
 * increment ("Dilutive potential common shares 13,946"), not the denominator. Counts not named
 * diluted are taken for basic ones: at worst a figure goes unchecked.
 */
function belowBasic(count: Cell, shares: Operand[], column: number): boolean {
  const basic = shares.filter((s) => s.kind !== 'diluted').map((s) => cellIn(s.row, column)?.value ?? 0);
  return basic.length > 0 && Math.abs(count.value ?? 0) < Math.max(...basic.map(Math.abs)) - halfUnit(count.decimals);
}

/** Shares of the figure's own kind when the table names them so, else the unnamed ones. */
function denominators(kind: Kind, shares: Operand[]): Kind[] {
  if (kind === 'either') return ['basic', 'diluted', 'either'];
  return shares.some((s) => s.kind === kind) ? [kind] : ['either'];
}

/**
 * Diluted earnings per share lie between net income over diluted shares (the numerator may add
 * back interest on convertible debt the table does not print) and basic earnings per share
 * (anti-dilution: a loss per share is never reduced by potential shares).
 */
function withinDilution(printed: number, slack: number, diluted: Quotient[], basic: number): boolean {
  const lowest = Math.min(...diluted.map((q) => q.low));
  return lowest - slack <= printed && printed <= basic + slack;
}

/** The basic figure of the column as printed, else computed, else unbounded. */
function basicBound(column: number, basic: Operand | undefined, computed: Quotient[]): number {
  const printed = basic && cellIn(basic.row, column);
  if (printed && printed.kind === 'number' && printed.value !== null) return Math.abs(printed.value) + halfUnit(printed.decimals);
  return computed.length > 0 ? Math.max(...computed.map((q) => q.high)) : Infinity;
}

/** Net income over shares as an interval: each operand stands for half a unit either way. */
function quotient(table: Table, numerator: Row, shares: Row, column: number): Quotient | undefined {
  const numeratorCell = cellIn(numerator, column);
  const sharesCell = cellIn(shares, column);
  if (!numeratorCell || !sharesCell || numeratorCell.kind !== 'number' || sharesCell.kind !== 'number') return undefined;
  const n = cellUnits(table, numerator, numeratorCell);
  const s = cellUnits(table, shares, sharesCell);
  const value = Math.abs(n.value);
  const count = Math.abs(s.value);
  if (count - s.half <= 0) return undefined;
  return { numerator, shares, numeratorCell, sharesCell, low: Math.max(0, value - n.half) / (count + s.half), high: (value + n.half) / (count - s.half) };
}

const middle = (q: Quotient) => (q.low + q.high) / 2;
const distance = (q: Quotient, printed: number) => Math.abs(middle(q) - printed);

/**
 * Off by a power of a thousand is a scale the table does not state ("shares in thousands" under
 * a caption that exempts share data, a numerator row read as per-share), not a wrong figure: the
 * quotient is compared in the printed figure's magnitude.
 */
function rescaled(q: Quotient, printed: number): Quotient {
  const computed = middle(q);
  if (computed === 0 || printed === 0) return q;
  const decades = Math.log10(computed / printed);
  const thousands = Math.round(decades / 3);
  if (thousands === 0 || Math.abs(decades - thousands * 3) > 0.05) return q;
  const factor = Math.pow(10, -3 * thousands);
  return { ...q, low: q.low * factor, high: q.high * factor };
}

/** The pairing a reader would check first: same kind of shares, a weighted average, the closest. */
function explanation(quotients: Quotient[], kind: Kind, printed: number): Quotient {
  const rank = (q: Quotient) => (kindOf(q.shares) === kind ? 0 : 2) + (/weighted|average|denominator/i.test(text(q.shares)) ? 0 : 1);
  return [...quotients].sort((a, b) => rank(a) - rank(b) || distance(a, printed) - distance(b, printed))[0];
}

function finding(table: Table, row: Row, cell: Cell, q: PerShareResult): Finding {
  const header = table.columns[cell.column]?.header ?? '';
  const computed = formatNumber(q.computed, cell.decimals);
  const off = formatNumber(Math.abs(cell.value ?? 0) - q.computed, cell.decimals);
  return {
    rule: RULE_PER_SHARE,
    severity: 'warning',
    span: cell.span,
    message: `${row.label} (${header}) is ${cell.text.trim()} but ${q.numerator.label} ${q.numeratorCell.text.trim()} / ${q.shares.label} ${q.sharesCell.text.trim()} is ${computed} per share (off by ${off})`,
    related: [
      { span: q.numeratorCell.span, message: `${q.numerator.label}: ${q.numeratorCell.text.trim()}` },
      { span: q.sharesCell.span, message: `${q.shares.label}: ${q.sharesCell.text.trim()}` },
    ],
  };
}
