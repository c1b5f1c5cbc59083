// Tables as data for spreadsheets: line items by periods, values in printed units with the
// scale stated once, as CSV, Markdown or plain objects for JSON.
import { lineItemPath } from './hover';
import { cellIn } from './lookup';
import type { Table } from './model';
import { unitFactor } from './ties';

export interface TableExport {
  title: string;
  scale: string;
  columns: string[];
  rows: Array<{ line: number; lineItem: string; measure: string; values: Array<number | null>; printed: string[]; unitFactor: number }>;
}

export function exportTable(table: Table): TableExport {
  return {
    title: table.title,
    scale: table.scale.source || 'units',
    columns: table.columns.map((c) => c.header || `Column ${c.index + 1}`),
    rows: table.rows.map((row) => ({
      line: row.line + 1,
      lineItem: lineItemPath(row, table),
      measure: row.measure,
      values: table.columns.map((c) => cellIn(row, c.index)?.value ?? null),
      printed: table.columns.map((c) => cellIn(row, c.index)?.text.trim() ?? ''),
      unitFactor: unitFactor(table, row),
    })),
  };
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function tableToCsv(table: Table): string {
  const data = exportTable(table);
  const lines = [['Line item', ...data.columns].map(csvField).join(',')];
  for (const row of data.rows) lines.push([row.lineItem, ...row.values.map((v) => (v === null ? '' : String(v)))].map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}

function mdCell(value: string): string {
  return value.replace(/\|/g, '\\|');
}

export function tableToMarkdown(table: Table): string {
  const data = exportTable(table);
  const scale = /^\(.*\)$/.test(data.scale) ? data.scale : `(${data.scale})`;
  const out = [`**${mdCell(data.title)}** ${mdCell(scale)}`, ''];
  out.push(`| Line item | ${data.columns.map(mdCell).join(' | ')} |`);
  out.push(`|---|${data.columns.map(() => '---:').join('|')}|`);
  for (const row of data.rows) out.push(`| ${mdCell(row.lineItem)} | ${row.printed.map(mdCell).join(' | ')} |`);
  return `${out.join('\n')}\n`;
}
