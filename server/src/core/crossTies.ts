// Tie-out between tables: the same line item for the same period printed in two tables (financial
// highlights in millions, the statement in thousands) must agree within the rounding of both.
// A pair is compared only when the match is unambiguous: one row with that line item in each table,
// a period both headers state the same way, and neither table a pro forma or non-GAAP view.
import { formatNumber } from './format';
import { BALANCE_SHEET } from './identities';
import type { Cell, Finding, Row, Table } from './model';
import { lineItemKey, normalize } from './rows';
import { stem } from './stem';
import { cellUnits } from './ties';

export const RULE_TIE = 'tie';

const ADJUSTED = /\bpro ?forma\b|\bnon-?gaap\b|\bexcluding\b|\badjusted\b|\bsupplemental\b|\bas reported\b|\brestated\b|\bsegment|\bquarterly\b/i;
// A cash flow statement prints changes under the balance sheet's labels ("Accounts payable").
const CHANGES = /\bcash ?flows?\b|\bchanges? in\b|\bstockholders'? equity\b|\bshareholders'? equity\b/i;
const GENERIC = /^(total|other|net|total other|other net|net other|subtotal)$/;
const MONTHS: Record<string, string> = {
  jan: '01', january: '01', feb: '02', february: '02', mar: '03', march: '03', apr: '04', april: '04', may: '05', jun: '06', june: '06',
  jul: '07', july: '07', aug: '08', august: '08', sep: '09', sept: '09', september: '09', oct: '10', october: '10', nov: '11', november: '11', dec: '12', december: '12',
};
const DURATIONS: Record<string, string> = { three: '3m', '3': '3m', quarter: '3m', six: '6m', '6': '6m', nine: '9m', '9': '9m', twelve: '12m', '12': '12m', year: '12m', fiscal: '12m' };

interface Fact {
  table: Table;
  row: Row;
  cell: Cell;
  /** The period as its column states it ("3m|2003-09-30", or "y1999" / "d1999" for a fiscal year). */
  period: string;
}


/** Titles the reader made up ("Table 6: ...") say nothing about what a table states. */
function tieable(table: Table): boolean {
  return !table.generatedTitle && !ADJUSTED.test(table.title) && !CHANGES.test(table.title);
}

/**
 * Facts of the tables that may be tied, keyed by measure, line item and the period `periodsOf`
 * gives each column ('' for none); `sameAs` names the periods that are one (a year and a date).
 */
function collectFacts(tables: Table[], periodsOf: (table: Table) => string[], sameAs: (period: string) => string = (p) => p): Map<string, Fact[]> {
  const byKey = new Map<string, Fact[]>();
  for (const table of tables) {
    if (!tieable(table)) continue;
    const periods = periodsOf(table);
    if (periods.every((p) => !p)) continue;
    const items = rowKeys(table);
    for (const row of table.rows) {
      const item = items.get(row.index);
      if (!item || countsQuantity(row)) continue;
      for (const cell of row.cells) {
        const period = periods[cell.column] ?? '';
        if (!period || cell.kind !== 'number' || cell.percent) continue;
        const key = `${row.measure}|${item}|${sameAs(period)}`;
        const list = byKey.get(key) ?? [];
        list.push({ table, row, cell, period });
        byKey.set(key, list);
      }
    }
  }
  return byKey;
}

/**
 * A row under "Kilowatt-Hour Sales (Millions of kWh)" or "Production (MMcf)" counts a physical
 * quantity: it shares line item names ("Residential", "Natural gas") with revenue rows, not facts.
 */
const QUANTITY = /\b(kwh|mwh|gwh|kilowatt|megawatt|mcf|mmcf|bcf|bbls?|mbbls?|boe|mboe|barrels?|gallons?|tons?|tonnes|ounces|passengers|seat miles|miles|degree days|customers|subscribers|homes|units sold|volumes?)\b/i;

function countsQuantity(row: Row): boolean {
  return QUANTITY.test(row.label) || row.groups.some((g) => QUANTITY.test(g));
}

/** Each column's dated period; a date without a duration is a balance, which only balance sheets state. */
function datedPeriods(table: Table): string[] {
  const keys = columnPeriods(table);
  return table.columns.map((c, i) => (ADJUSTED.test(c.header) || (keys[i].startsWith('|') && !BALANCE_SHEET.test(table.title)) ? '' : keys[i]));
}

export function tieTables(tables: Table[]): Finding[] {
  const byKey = collectFacts(tables, datedPeriods);
  factsOfModel.set(tables, factsByCell(byKey));
  inferScales(tables, byKey);
  const findings: Finding[] = [];
  for (const facts of byKey.values()) findings.push(...compare(facts));
  findings.push(...tieFiscalYears(tables));
  return findings;
}

/** The four-digit years a header names. */
export function yearsIn(header: string): string[] {
  return header.match(/\b(?:19|20)\d\d\b/g) ?? [];
}

/** Words that make a header a part of a year, or a date rather than a year. */
const NOT_A_YEAR = /\b(quarters?|months?|weeks?|three|six|nine|first|second|third|fourth|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\d{1,2},/i;

/**
 * The fiscal year a column states: a year alone ("1999", "Fiscal 1999", a title line read into the
 * header above it), a year ended on a date, or a balance at a date. Part-year columns state none.
 * A 52-53 week year that ends in the first days of January is named for the year before.
 */
function columnYears(table: Table): string[] {
  const periods = columnPeriods(table);
  return table.columns.map((c, i) => {
    if (ADJUSTED.test(c.header)) return '';
    const years = yearsIn(c.header);
    if (years.length === 1 && !NOT_A_YEAR.test(c.header)) return `y${years[0]}`;
    const period = periods[i];
    if (!period) return '';
    const [duration, date] = period.split('|');
    if (duration === '' && !BALANCE_SHEET.test(table.title)) return '';
    if (duration !== '' && duration !== '12m') return '';
    const early = date.slice(5, 7) === '01' && Number(date.slice(8)) <= 7;
    return `d${Number(date.slice(0, 4)) - (early ? 1 : 0)}`;
  });
}

/**
 * Selected financial data head their columns with a year alone ("1999"), the statements with a
 * date ("September 25, 1999"). A year says which fiscal year only if the two tables agree on it:
 * a retailer's fiscal 1999 ends in January 2000. So the facts of two such tables are paired by
 * year and line item, and a pair that disagrees is flagged only when more pairs of the same two
 * tables agree than disagree, and at least two agree.
 */
function tieFiscalYears(tables: Table[]): Finding[] {
  // "y1999" (a year alone) and "d1999" (a dated fiscal year) are the same year.
  const byKey = collectFacts(tables, columnYears, (year) => year.slice(1));
  const pairs: Array<[Fact, Fact, boolean]> = [];
  const tally = new Map<string, { agree: number; disagree: number }>();
  for (const facts of byKey.values()) {
    if (!comparable(facts)) continue;
    for (let i = 0; i < facts.length; i++) {
      for (let j = i + 1; j < facts.length; j++) {
        const [a, b] = facts[i].table.index < facts[j].table.index ? [facts[i], facts[j]] : [facts[j], facts[i]];
        // Two dated columns are tied by tieTables already.
        if (a.period[0] === 'd' && b.period[0] === 'd') continue;
        const agrees = ties(a, b);
        const pair = `${a.table.index}|${b.table.index}`;
        const t = tally.get(pair) ?? { agree: 0, disagree: 0 };
        if (agrees) t.agree++;
        else t.disagree++;
        tally.set(pair, t);
        pairs.push([a, b, agrees]);
      }
    }
  }
  const findings: Finding[] = [];
  const byCell = factsOfModel.get(tables);
  for (const [a, b, agrees] of pairs) {
    const t = tally.get(`${a.table.index}|${b.table.index}`)!;
    if (t.agree < 2 || t.agree <= t.disagree) continue;
    // A pairing the two tables bear out is a tie mark in the hover of both cells.
    if (byCell) {
      link(byCell, a, b);
      link(byCell, b, a);
    }
    if (agrees) continue;
    const ua = cellUnits(a.table, a.row, a.cell).value;
    const ub = cellUnits(b.table, b.row, b.cell).value;
    findings.push(tieFinding(a, b, ua, ub), tieFinding(b, a, ub, ua));
  }
  return findings;
}

/**
 * A table printed without a scale whose figures repeat, digit for digit, two or more facts of a
 * scaled table (same line item, same period) is in that table's scale.
 */
function inferScales(tables: Table[], byKey: Map<string, Fact[]>): void {
  const votes = new Map<number, Map<number, number>>();
  for (const facts of byKey.values()) {
    for (const a of facts) {
      if (a.table.scale.source) continue;
      for (const b of facts) {
        if (b.table === a.table || !b.table.scale.source || a.cell.value !== b.cell.value || a.row.measure !== 'amount') continue;
        const tally = votes.get(a.table.index) ?? new Map<number, number>();
        tally.set(b.table.index, (tally.get(b.table.index) ?? 0) + 1);
        votes.set(a.table.index, tally);
      }
    }
  }
  for (const [index, tally] of votes) {
    const [source, count] = [...tally.entries()].sort((x, y) => y[1] - x[1])[0];
    if (count < 2) continue;
    tables[index].scale = { ...tables[source].scale, inheritedFrom: undefined, inferredFrom: tables[source].title };
  }
}

// Worked out once per table for both kinds of tie between tables (by period, by fiscal year).
const tableRowKeys = new WeakMap<Table, Map<number, string>>();

/** Line items that occur once in their table, keyed by their normalized label. */
function rowKeys(table: Table): Map<number, string> {
  let keys = tableRowKeys.get(table);
  if (!keys) tableRowKeys.set(table, (keys = readRowKeys(table)));
  return keys;
}

function readRowKeys(table: Table): Map<number, string> {
  const counts = new Map<string, number>();
  // "Services revenue" in the highlights and "Revenues › Services" in the statement are one line
  // item: the key is the set of its words, with the heading's for a short label.
  const keyOf = (row: Row) => {
    const full = lineItemKey(row.label);
    const label = full.replace(/^total /, '');
    if (!label || GENERIC.test(label)) return '';
    // "Total assets" names its line item itself, whatever heading it is printed under.
    const words = label === full && label.split(' ').length < 2 && row.groups.length > 0 ? `${normalize(row.groups[row.groups.length - 1])} ${label}` : label;
    return [...new Set(words.split(' ').filter((w) => !['and', 'of', 'the', 'total', 'gaap'].includes(w)).map(stem))].sort().join(' ');
  };
  const itemKeys = table.rows.map(keyOf);
  for (const key of itemKeys) if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  const keys = new Map<number, string>();
  table.rows.forEach((row, i) => {
    const key = itemKeys[i];
    if (key && counts.get(key) === 1 && (row.measure === 'amount' || row.measure === 'perShare')) keys.set(row.index, key);
  });
  return keys;
}

// Worked out once per table for both kinds of tie (tables to tables, text to tables).
const tablePeriods = new WeakMap<Table, string[]>();

/** The period key of each column of a table (see periodKey). */
export function columnPeriods(table: Table): string[] {
  let keys = tablePeriods.get(table);
  if (!keys) tablePeriods.set(table, (keys = table.columns.map((c) => periodKey(c.header))));
  return keys;
}

/**
 * "Three Months Ended Sept. 30, 2003" → "3m|2003-09-30"; "September 30, 2003" → "|2003-09-30".
 * Only a full date names a period unambiguously: a year alone ("1997") does not. The header's
 * words are read in one pass: one year, one month and one day, and the first duration.
 */
export function periodKey(header: string): string {
  let year = '';
  let month = '';
  let day = '';
  let duration = '';
  let years = 0;
  let months = 0;
  let days = 0;
  for (const w of header.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    if (/^(19|20)\d\d$/.test(w)) {
      years++;
      year = w;
    }
    if (MONTHS[w]) {
      months++;
      month = MONTHS[w];
    }
    if (/^\d{1,2}$/.test(w) && Number(w) >= 1 && Number(w) <= 31 && !DURATIONS[w]) {
      days++;
      day = w;
    }
    if (!duration && DURATIONS[w]) duration = DURATIONS[w];
  }
  if (years !== 1 || months !== 1 || days !== 1) return '';
  return `${duration}|${year}-${month}-${day.padStart(2, '0')}`;
}

/** A set of facts is compared only when each comes from its own table, one per table, of distinct titles. */
function comparable(facts: Fact[]): boolean {
  const tables = new Set(facts.map((f) => f.table.index));
  if (tables.size < 2 || facts.length !== tables.size) return false;
  // The same title twice is the same statement for another entity or pool, or for its own
  // continuation on the next page, not a second view.
  return new Set(facts.map((f) => f.table.title.toLowerCase().replace(/\s*\(continued\)$/, ''))).size === facts.length;
}

/**
 * Two figures in units of currency tie when their rounding intervals meet. Signs are presentation
 * ("Net loss 4,200" and "(4,200)"): magnitudes must tie.
 */
export function unitsTie(a: { value: number; half: number }, b: { value: number; half: number }): boolean {
  return Math.abs(Math.abs(a.value) - Math.abs(b.value)) <= a.half + b.half + 1e-9 * Math.max(1, Math.abs(a.value));
}

function ties(a: Fact, b: Fact): boolean {
  return unitsTie(cellUnits(a.table, a.row, a.cell), cellUnits(b.table, b.row, b.cell)) || sameDigits(a.cell, b.cell);
}

/**
 * "Natural gas 6,246" (MMcf produced) and "Natural gas 19,378" (revenue in thousands) share a name,
 * not a quantity: figures a hundred times apart are not one fact misprinted (a wrong digit or a
 * wrong scale word is off by less, or by exactly a thousand: those stay).
 */
function otherQuantity(a: number, b: number): boolean {
  const small = Math.min(Math.abs(a), Math.abs(b));
  const large = Math.max(Math.abs(a), Math.abs(b));
  if (small === 0) return false;
  const ratio = large / small;
  return ratio > 100 && Math.abs(Math.log10(ratio) - Math.round(Math.log10(ratio))) > 0.005;
}

/** Every pair across two different tables must have meeting intervals. */
function compare(facts: Fact[]): Finding[] {
  if (!comparable(facts)) return [];
  const findings: Finding[] = [];
  for (let i = 0; i < facts.length; i++) {
    for (let j = i + 1; j < facts.length; j++) {
      const a = facts[i];
      const b = facts[j];
      if (ties(a, b)) continue;
      const ua = cellUnits(a.table, a.row, a.cell).value;
      const ub = cellUnits(b.table, b.row, b.cell).value;
      if (otherQuantity(ua, ub)) continue;
      findings.push(tieFinding(a, b, ua, ub), tieFinding(b, a, ub, ua));
    }
  }
  return findings;
}

export interface TiedFact {
  table: Table;
  row: Row;
  cell: Cell;
  agrees: boolean;
}

/** Adds `there` to the facts tied to `here`'s cell (a copy: a list may be shared by a whole key). */
function link(byCell: Map<Cell, Fact[]>, here: Fact, there: Fact): void {
  const list = [...(byCell.get(here.cell) ?? [here])];
  if (!list.some((f) => f.cell === there.cell)) list.push(there);
  byCell.set(here.cell, list);
}

// The facts tieTables collected for one analysis, kept for the hovers (the model's tables are the key).
const factsOfModel = new WeakMap<Table[], Map<Cell, Fact[]>>();

function factsByCell(byKey: Map<string, Fact[]>): Map<Cell, Fact[]> {
  const byCell = new Map<Cell, Fact[]>();
  for (const facts of byKey.values()) if (comparable(facts)) for (const f of facts) byCell.set(f.cell, facts);
  return byCell;
}

/** The same line item and period in the other tables, for the hover of a cell: the tie marks. */
export function tiedFacts(tables: Table[], cell: Cell): TiedFact[] {
  let byCell = factsOfModel.get(tables);
  if (!byCell) {
    // Tables that tieTables never saw (a model built by hand): collect their facts now.
    byCell = factsByCell(collectFacts(tables, datedPeriods));
    factsOfModel.set(tables, byCell);
  }
  const facts = byCell.get(cell) ?? [];
  const here = facts.find((f) => f.cell === cell);
  return here ? facts.filter((f) => f !== here).map((f) => ({ table: f.table, row: f.row, cell: f.cell, agrees: ties(here, f) })) : [];
}

/**
 * The same figure printed digit for digit in both tables is the same fact: when the values still
 * differ, one table's scale was misread (a caption lost with its markup), not a figure mistyped.
 */
function sameDigits(a: Cell, b: Cell): boolean {
  return a.value !== null && a.value !== 0 && Math.abs(a.value) === Math.abs(b.value ?? NaN);
}

function tieFinding(here: Fact, there: Fact, valueHere: number, valueThere: number): Finding {
  const header = here.table.columns[here.cell.column]?.header ?? '';
  return {
    rule: RULE_TIE,
    severity: 'warning',
    span: here.cell.span,
    message: `${here.row.label} (${header}) does not tie to "${there.table.title}": ${here.cell.text.trim()} here is ${formatNumber(valueHere)}, ${there.cell.text.trim()} there is ${formatNumber(valueThere)} (off by ${formatNumber(Math.abs(valueHere) - Math.abs(valueThere))})`,
    related: [{ span: there.cell.span, message: `${there.row.label} in ${there.table.title}: ${there.cell.text.trim()}` }],
  };
}
