// Findings are what the Problems panel and the command line report: every total that does not
// foot, on the total's cell, with the printed total, the computed sum and the difference.
import { cellIn } from './lookup';
import type { Finding, Footing, Row, Table } from './model';
import { formatNumber } from './format';

export const RULE_FOOTING = 'footing';

export function footingFindings(tables: Table[]): Finding[] {
  const findings: Finding[] = [];
  for (const table of tables) {
    for (const footing of table.footings) findings.push(...findingsFor(table, footing));
  }
  return findings;
}

function findingsFor(table: Table, footing: Footing): Finding[] {
  const total = table.rows[footing.total];
  const out: Finding[] = [];
  for (const column of footing.columns) {
    if (column.status !== 'doesNotFoot' || column.computed === null) continue;
    const cell = cellIn(total, column.column);
    if (!cell) continue;
    const decimals = cell.decimals;
    const label = total.label || 'Subtotal';
    const header = table.columns[column.column]?.header;
    const where = header ? ` (${header})` : '';
    out.push({
      rule: RULE_FOOTING,
      severity: 'warning',
      span: cell.span,
      message: `${label}${where} does not foot: printed ${cell.text.trim()}, components ${footing.operation === 'sum' ? 'sum' : 'net'} to ${formatNumber(column.computed, decimals)} (off by ${formatNumber(column.difference ?? 0, decimals)})`,
      related: footing.components.flatMap((i) => relatedCell(table.rows[i], column.column, footing.operation === 'difference' && i !== footing.components[0])),
      suggestion: formatNumber(column.computed, decimals),
    });
    out.push(...suspectSubtotals(table, footing, column.column, `${label}${where}`, column.difference ?? 0));
  }
  return out;
}

/**
 * A component that is itself a total whose own components could not be identified ("Total Retail
 * Sales" printed with a partial breakdown) is as likely to be the wrong figure as the total: it is
 * flagged too, pointing at the total, so a reader proofing that row sees the doubt where it is.
 */
function suspectSubtotals(table: Table, footing: Footing, column: number, totalName: string, difference: number): Finding[] {
  const out: Finding[] = [];
  const related = relatedCell(table.rows[footing.total], column, false);
  if (related.length === 0) return out;
  for (const i of footing.components) {
    const row = table.rows[i];
    if (!unverified(table, row, column)) continue;
    const cell = cellIn(row, column);
    if (!cell) continue;
    out.push({
      rule: RULE_FOOTING,
      severity: 'warning',
      span: cell.span,
      message: `${row.label || 'Subtotal'} does not tie into ${totalName}: with the other components it is off by ${formatNumber(difference, cell.decimals)}, and its own components could not be identified, so either figure may be wrong`,
      related,
    });
  }
  return out;
}

/** A subtotal row whose own footing in this column was not checked (not "foots", not flagged). */
function unverified(table: Table, row: Row, column: number): boolean {
  if (row.footing === undefined) return false;
  const own = table.footings[row.footing].columns.find((c) => c.column === column);
  return !own || own.status === 'notChecked';
}

function relatedCell(row: Row, column: number, subtracted: boolean): Finding['related'] {
  const cell = cellIn(row, column);
  if (!cell) return [];
  return [{ span: cell.span, message: `${subtracted ? 'less ' : ''}${row.label || 'subtotal'}: ${cell.text.trim()}` }];
}
