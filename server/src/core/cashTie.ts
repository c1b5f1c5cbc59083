// The cash flow statement ties to the balance sheet: cash at the end of a period is the balance
// sheet's cash at the date the period ends, and cash at the beginning is its cash at the date the
// period starts (when that date is a month end the balance sheet prints). The two statements
// label the line the same way once "at end of period" is taken off ("Cash and cash equivalents");
// a pair is compared only when exactly one balance sheet row and column match. Annual statements
// headed by the fiscal year alone ("1994") tie year to year.
import { periodKey, unitsTie } from './crossTies';
import { formatNumber } from './format';
import { BALANCE_SHEET } from './identities';
import type { Cell, Finding, Row, Table } from './model';
import { lineItemKey, normalize } from './rows';
import { cellUnits, unitFactor } from './ties';

export const RULE_CASH_TIE = 'cash-tie';

const ADJUSTED = /\bpro ?forma\b|\bnon-?gaap\b|\badjusted\b|\bsupplemental\b|\bparent company\b|\bsegment/i;
const END = /[,\s-]*\b(at )?(the )?end of (the )?(fiscal )?(period|year|quarter|month|interim period|nine months|six months|three months)\b.*$/i;
const BEGINNING = /[,\s-]*\b(at )?(the )?beginning of (the )?(fiscal )?(period|year|quarter|month|interim period|nine months|six months|three months)\b.*$/i;
const CASH = /^cash\b/;

interface Balance {
  table: Table;
  row: Row;
  cell: Cell;
}

export function tieCashToBalanceSheet(tables: Table[]): Finding[] {
  const balances = balanceSheetCash(tables);
  if (balances.size === 0) return [];
  const findings: Finding[] = [];
  for (const table of tables) {
    if (BALANCE_SHEET.test(table.title) || ADJUSTED.test(table.title)) continue;
    for (const row of table.rows) {
      const end = lineItem(row.label, END);
      const beginning = end ? undefined : lineItem(row.label, BEGINNING);
      if (!end && !beginning) continue;
      for (const cell of row.cells) {
        const header = table.columns[cell.column]?.header ?? '';
        const date = ADJUSTED.test(header) ? undefined : periodDate(header, end ? 'end' : 'start');
        const balance = date && balances.get(`${end ?? beginning}|${date}`);
        if (balance && balance !== 'ambiguous') findings.push(...compare({ table, row, cell }, balance, end ? 'end' : 'beginning'));
      }
    }
  }
  return findings;
}

/** "Cash and cash equivalents, end of period" → "cash and cash equivalents"; else undefined. */
function lineItem(label: string, position: RegExp): string | undefined {
  if (!position.test(label)) return undefined;
  const item = normalize(label.replace(position, ''));
  return CASH.test(item) ? item : undefined;
}

/** Cash lines of the balance sheets, keyed by line item and date; a key found twice is ambiguous. */
function balanceSheetCash(tables: Table[]): Map<string, Balance | 'ambiguous'> {
  const balances = new Map<string, Balance | 'ambiguous'>();
  for (const table of tables) {
    if (!BALANCE_SHEET.test(table.title) || ADJUSTED.test(table.title)) continue;
    for (const row of table.rows) {
      const item = lineItemKey(row.label);
      if (!CASH.test(item) || row.measure !== 'amount') continue;
      for (const cell of row.cells) {
        const header = table.columns[cell.column]?.header ?? '';
        if (ADJUSTED.test(header)) continue;
        const date = balanceDate(header);
        if (!date || cell.kind !== 'number') continue;
        const key = `${item}|${date}`;
        balances.set(key, balances.has(key) ? 'ambiguous' : { table, row, cell });
      }
    }
  }
  return balances;
}

/** "September 30, 2003" → "2003-09-30"; a bare year (a 10-K's "1994") → "FY1994". */
function balanceDate(header: string): string | undefined {
  const period = periodKey(header);
  if (period.startsWith('|')) return period.slice(1);
  return fiscalYear(header);
}

/** Annual statements head their columns with the fiscal year alone, on both statements. */
function fiscalYear(header: string, offset = 0): string | undefined {
  const year = /^(?:fiscal\s+)?((?:19|20)\d\d)$/i.exec(header.trim())?.[1];
  return year ? `FY${Number(year) + offset}` : undefined;
}

const MONTHS: Record<string, number> = { '3m': 3, '6m': 6, '9m': 9, '12m': 12 };

/**
 * The date a period column ends on, or starts on (the month end before its first month: nine
 * months ended September 30, 2003 start after December 31, 2002). A period that does not end on a
 * month end (52-53 week years) has no start date this can know.
 */
export function periodDate(header: string, which: 'end' | 'start'): string | undefined {
  const fiscal = fiscalYear(header, which === 'end' ? 0 : -1);
  if (fiscal) return fiscal;
  const key = periodKey(header);
  const [duration, date] = key.split('|');
  if (!date || !duration) return undefined;
  if (which === 'end') return date;
  const months = MONTHS[duration];
  const [year, month, day] = date.split('-').map(Number);
  if (!months || day !== daysIn(year, month)) return undefined;
  const total = year * 12 + (month - 1) - months;
  const startYear = Math.floor(total / 12);
  const startMonth = (total % 12) + 1;
  return `${startYear}-${String(startMonth).padStart(2, '0')}-${String(daysIn(startYear, startMonth)).padStart(2, '0')}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function compare(flow: Balance, sheet: Balance, position: 'end' | 'beginning'): Finding[] {
  const a = cellUnits(flow.table, flow.row, flow.cell);
  const b = cellUnits(sheet.table, sheet.row, sheet.cell);
  if (unitsTie(a, b)) return [];
  // The difference in the printed units of the figure the message is on.
  const off = (x: number, y: number, at: Balance) => formatNumber((Math.abs(x) - Math.abs(y)) / unitFactor(at.table, at.row, at.cell.column), at.cell.decimals);
  const header = (cell: Balance) => cell.table.columns[cell.cell.column]?.header ?? '';
  return [
    {
      rule: RULE_CASH_TIE,
      severity: 'warning',
      span: flow.cell.span,
      message: `${flow.row.label} (${header(flow)}) is ${flow.cell.text.trim()} but the balance sheet's ${sheet.row.label} at the ${position} of the period is ${sheet.cell.text.trim()} (off by ${off(a.value, b.value, flow)})`,
      related: [{ span: sheet.cell.span, message: `${sheet.row.label} (${header(sheet)}) in ${sheet.table.title}: ${sheet.cell.text.trim()}` }],
    },
    {
      rule: RULE_CASH_TIE,
      severity: 'warning',
      span: sheet.cell.span,
      message: `${sheet.row.label} (${header(sheet)}) is ${sheet.cell.text.trim()} but the cash flow statement's ${flow.row.label} is ${flow.cell.text.trim()} (off by ${off(b.value, a.value, sheet)})`,
      related: [{ span: flow.cell.span, message: `${flow.row.label} (${header(flow)}) in ${flow.table.title}: ${flow.cell.text.trim()}` }],
    },
  ];
}
