// `tickmark tables`: tables as data through the core's exporters (the same ones behind the
// editor's "Copy Table as CSV/Markdown"), one table or all of them.
import type { Table } from '../core/model';
import { exportTable, tableToCsv, tableToMarkdown } from '../core/export';
import type { TablesFormat } from './args';
import { loadDocument } from './document';
import { CliError } from './errors';
import type { Output } from './output';
import { plural } from './summary';

export interface TablesOptions {
  file: string;
  format: TablesFormat;
  table?: number;
  maxSize: number;
}

export function runTables(options: TablesOptions, out: Output): number {
  const { model } = loadDocument(options.file, options.maxSize);
  if (options.table !== undefined) {
    const table = model.tables[options.table - 1];
    if (!table) throw new CliError(`--table ${options.table} is out of range: ${options.file} has ${plural(model.tables.length, 'table')}`);
    out.write(formatOne(table, options.table, options.format));
    return 0;
  }
  if (model.tables.length === 0) out.error(`${options.file}: no tables found`);
  out.write(formatAll(model.tables, options.format));
  return 0;
}

function formatOne(table: Table, number: number, format: TablesFormat): string {
  if (format === 'json') return `${JSON.stringify(jsonTable(table, number), null, 2)}\n`;
  return format === 'markdown' ? tableToMarkdown(table) : tableToCsv(table);
}

function formatAll(tables: Table[], format: TablesFormat): string {
  if (format === 'json') return `${JSON.stringify(tables.map((t, i) => jsonTable(t, i + 1)), null, 2)}\n`;
  if (format === 'markdown') return tables.map(tableToMarkdown).join('\n');
  // Several tables cannot share one CSV header; a comment line names each, a blank line separates them.
  return tables.map((t, i) => `# Table ${i + 1}: ${t.title} (${scaleText(t)})\n${tableToCsv(t)}`).join('\n');
}

function jsonTable(table: Table, number: number) {
  return { table: number, ...exportTable(table) };
}

/** "(In thousands)" is printed with its parentheses; the comment line adds its own. */
function scaleText(table: Table): string {
  return table.scale.source.replace(/^\s*\((.*)\)\s*$/, '$1') || 'units';
}
