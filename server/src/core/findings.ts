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
  }
  return out;
}

function relatedCell(row: Row, column: number, subtracted: boolean): Finding['related'] {
  const cell = cellIn(row, column);
  if (!cell) return [];
  return [{ span: cell.span, message: `${subtracted ? 'less ' : ''}${row.label || 'subtotal'}: ${cell.text.trim()}` }];
}
