// Cross-footing: where a table has a total column ("Consolidated", "Total"), each row's figures
// across the other columns must add up to it. As with footing, the relation is confirmed by the
// rows that do add up before a row that does not is called wrong.
import { formatNumber } from './format';
import { cellHalf, halfUnit } from './figures';
import { confirmed } from './footing';
import { cellIn } from './lookup';
import type { Cell, Finding, Row, Table } from './model';

export const RULE_CROSS_FOOTING = 'cross-footing';

const TOTAL_COLUMN = /^(total|consolidated|combined)\b|\b(total|consolidated)$/i;
const NOT_A_PART = /%|\bpercent|\bchange\b|\baverage|\bprior\b/i;

interface Check {
  row: Row;
  total: Cell;
  parts: Cell[];
  sum: number;
  tolerance: number;
}

export function crossFoot(tables: Table[]): Finding[] {
  const findings: Finding[] = [];
  for (const table of tables) findings.push(...crossFootTable(table));
  return findings;
}

function crossFootTable(table: Table): Finding[] {
  const last = table.columns[table.columns.length - 1];
  if (!last || table.columns.length < 3 || !TOTAL_COLUMN.test(last.header.trim())) return [];
  const parts = table.columns.slice(0, -1).filter((c) => !NOT_A_PART.test(c.header));
  if (parts.length < 2 || parts.length !== table.columns.length - 1) return [];
  const checks = table.rows.flatMap((row) => checkRow(row, last.index, parts.map((c) => c.index)));
  const agree = checks.filter((c) => Math.abs(c.total.value! - c.sum) <= c.tolerance).length;
  const disagree = checks.length - agree;
  // The total column must be confirmed by most rows before one row is called wrong.
  if (disagree === 0 || !confirmed(agree, disagree)) return [];
  return checks.filter((c) => Math.abs(c.total.value! - c.sum) > c.tolerance && !memoColumn(c)).map((c) => toFinding(table, c));
}

/** Off by exactly one column's figure: that column repeats others (a comprehensive income column). */
function memoColumn(check: Check): boolean {
  return check.parts.some((p) => Math.abs(check.sum - (p.value ?? 0) - (check.total.value ?? 0)) <= check.tolerance);
}

function checkRow(row: Row, totalColumn: number, partColumns: number[]): Check[] {
  if (row.measure !== 'amount') return [];
  const total = cellIn(row, totalColumn);
  if (!total || total.kind !== 'number' || total.value === null || total.percent) return [];
  const parts = partColumns.map((column) => cellIn(row, column)).filter((c): c is Cell => !!c && c.value !== null && !c.percent);
  if (parts.length < 2 || parts.filter((p) => p.value !== 0).length < 2) return [];
  const sum = parts.reduce((s, p) => s + (p.value ?? 0), 0);
  const tolerance = halfUnit(total.decimals) + parts.reduce((s, p) => s + cellHalf(p), 0) + 1e-9;
  return [{ row, total, parts, sum, tolerance }];
}

function toFinding(table: Table, check: Check): Finding {
  const header = table.columns[check.total.column].header;
  return {
    rule: RULE_CROSS_FOOTING,
    severity: 'warning',
    span: check.total.span,
    message: `${check.row.label || 'Row'} does not cross-foot: ${header} prints ${check.total.text.trim()}, the columns add up to ${formatNumber(check.sum, check.total.decimals)} (off by ${formatNumber((check.total.value ?? 0) - check.sum, check.total.decimals)})`,
    related: check.parts.map((p) => ({ span: p.span, message: `${table.columns[p.column].header}: ${p.text.trim()}` })),
    suggestion: formatNumber(check.sum, check.total.decimals),
  };
}
