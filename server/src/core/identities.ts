// Accounting identities between the totals of a statement: a balance sheet's total assets equal
// its total liabilities and equity, column by column, even when the two halves are printed as
// two tables ("... (continued)").
import { formatNumber } from './format';
import { halfUnit } from './figures';
import { cellIn } from './lookup';
import type { Cell, Finding, Row, Table } from './model';

export const RULE_BALANCE = 'balance-sheet';

/** A balance sheet by its title ("Statements of Financial Position", "Balance sheet data"). */
export const BALANCE_SHEET = /\bbalance sheets?\b|\bfinancial (position|condition)\b/i;
const TOTAL_ASSETS = /^total assets$/i;
const TOTAL_CLAIMS = /^total liabilities,? (and|&) (stockholders'?|shareholders'?|owners'?|partners'?)? ?(equity|deficit|capital)( \(deficit\))?$/i;

export function checkIdentities(tables: Table[]): Finding[] {
  const findings: Finding[] = [];
  for (const sheet of balanceSheets(tables)) findings.push(...balance(sheet));
  return findings;
}

/** Balance sheet tables, with a part titled "... (continued)" joined to the part before it. */
function balanceSheets(tables: Table[]): Table[][] {
  const sheets: Table[][] = [];
  for (const table of tables) {
    if (!BALANCE_SHEET.test(table.title)) continue;
    const last = sheets[sheets.length - 1];
    if (last && /\(continued\)$/.test(table.title) && table.title.startsWith(last[0].title)) last.push(table);
    else sheets.push([table]);
  }
  return sheets;
}

function balance(sheet: Table[]): Finding[] {
  const find = (pattern: RegExp) => sheet.flatMap((table) => table.rows.filter((r) => pattern.test(r.label.trim())).map((row) => ({ table, row })));
  const assets = find(TOTAL_ASSETS);
  const claims = find(TOTAL_CLAIMS);
  if (assets.length !== 1 || claims.length !== 1) return [];
  const a = assets[0];
  const c = claims[0];
  if (a.table.columns.length !== c.table.columns.length) return [];
  return c.row.cells.flatMap((cell) => {
    const other = cellIn(a.row, cell.column);
    return other && disagree(cell, other) ? [finding(c.table, c.row, cell, a.row, other)] : [];
  });
}

function disagree(a: Cell, b: Cell): boolean {
  if (a.kind !== 'number' || b.kind !== 'number' || a.value === null || b.value === null) return false;
  return Math.abs(a.value - b.value) > halfUnit(a.decimals) + halfUnit(b.decimals) + 1e-9;
}

function finding(table: Table, row: Row, cell: Cell, assets: Row, other: Cell): Finding {
  const header = table.columns[cell.column]?.header ?? '';
  return {
    rule: RULE_BALANCE,
    severity: 'warning',
    span: cell.span,
    message: `${row.label} (${header}) is ${cell.text.trim()} but ${assets.label} is ${other.text.trim()} (off by ${formatNumber((cell.value ?? 0) - (other.value ?? 0), cell.decimals)}): the balance sheet does not balance`,
    related: [{ span: other.span, message: `${assets.label}: ${other.text.trim()}` }],
  };
}
