// Percentages printed under a line item ("Percent of total revenues", "Gross profit %") must be
// that line item over its base (the line named after "of", else the table's revenues), within
// the rounding of all three figures. Checked only where the other columns confirm the reading.
import { formatNumber } from './format';
import { cellHalf, halfUnit } from './figures';
import { confirmed } from './footing';
import { cellIn } from './lookup';
import type { Cell, Finding, Row, Table } from './model';
import { normalize } from './rows';
import { stem } from './stem';

export const RULE_PERCENTAGE = 'percentage';

const REVENUE = /^(total )?(net )?(revenues?|sales|net sales|net revenues?)$/;

export function checkPercentages(tables: Table[]): Finding[] {
  const findings: Finding[] = [];
  for (const table of tables) {
    for (const row of table.rows) {
      if (row.measure !== 'percent' || row.groups.length === 0) continue;
      const parent = table.rows.find((r) => r.label === row.groups[row.groups.length - 1] && r.index < row.index && r.measure === 'amount');
      const base = parent && baseOf(table, row, parent);
      if (parent && base) findings.push(...checkRow(table, row, parent, base));
    }
  }
  return findings;
}

/** "Percent of total revenues" → the row "Total revenues"; "Gross profit %" → the revenues row. */
function baseOf(table: Table, row: Row, parent: Row): Row | undefined {
  const named = /\bof (.+)$/i.exec(row.label)?.[1];
  const wanted = named ? words(named) : undefined;
  return table.rows.find((r) => r !== parent && r.measure === 'amount' && r.index < row.index && (wanted ? sameWords(words(r.label), wanted) : REVENUE.test(normalize(r.label))));
}

function words(text: string): string[] {
  return normalize(text).split(' ').filter(Boolean).map(stem);
}

function sameWords(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((w) => b.includes(w));
}

function checkRow(table: Table, row: Row, parent: Row, base: Row): Finding[] {
  const results = row.cells.flatMap((cell) => {
    const p = cellIn(parent, cell.column);
    const b = cellIn(base, cell.column);
    if (cell.kind !== 'number' || !p || !b || p.value === null || b.value === null || b.value === 0) return [];
    // A base that gives a percentage over 1,000% is not the figure's base as printed (Apple's 10-Q
    // prints "$1.556" where its other columns read 1,556): the pair is not compared.
    if (Math.abs((100 * p.value) / b.value) > 1000) return [];
    return [{ cell, p, b, ok: consistent(cell, p, b) }];
  });
  const agree = results.filter((r) => r.ok).length;
  const wrong = results.filter((r) => !r.ok);
  if (wrong.length === 0 || !confirmed(agree, wrong.length)) return [];
  return wrong.map(({ cell, p, b }) => ({
    rule: RULE_PERCENTAGE,
    severity: 'warning' as const,
    span: cell.span,
    message: `${row.label} (${table.columns[cell.column]?.header ?? ''}) prints ${cell.text.trim()}, but ${parent.label} ${p.text.trim()} over ${base.label} ${b.text.trim()} is ${formatNumber((100 * (p.value ?? 0)) / (b.value ?? 1), 1)}%`,
    related: [
      { span: p.span, message: `${parent.label}: ${p.text.trim()}` },
      { span: b.span, message: `${base.label}: ${b.text.trim()}` },
    ],
  }));
}

/** Interval arithmetic: the quotient of the rounding intervals must meet the printed percentage's. */
function consistent(cell: Cell, p: Cell, b: Cell): boolean {
  const hp = cellHalf(p);
  const hb = halfUnit(b.decimals);
  const pv = Math.abs(p.value ?? 0);
  const bv = Math.abs(b.value ?? 0);
  if (bv - hb <= 0) return true;
  const low = (100 * Math.max(0, pv - hp)) / (bv + hb);
  const high = (100 * (pv + hp)) / (bv - hb);
  const printed = Math.abs(cell.value ?? 0);
  const h = halfUnit(cell.decimals);
  return printed + h >= low - 1e-9 && printed - h <= high + 1e-9;
}
