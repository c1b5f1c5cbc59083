// `tickmark outline`: the editor's outline (core buildOutline) as an indented tree with line
// numbers, or as JSON. Tables are numbered as `tickmark tables --table N` expects.
import type { DocumentModel } from '../core/model';
import { buildOutline, type OutlineNode } from '../core/outline';
import { lineAt, type SourceText } from '../core/text';
import type { OutlineFormat } from './args';
import { loadDocument } from './document';
import type { Output } from './output';

export interface OutlineEntry {
  name: string;
  kind: OutlineNode['kind'];
  detail: string;
  /** 1-based: the line naming the entry, and the first and last lines it covers. */
  line: number;
  startLine: number;
  endLine: number;
  /** For statements: the 1-based table number. */
  table?: number;
  children: OutlineEntry[];
}

export function runOutline(options: { file: string; format: OutlineFormat; maxSize: number }, out: Output): number {
  const { source, model } = loadDocument(options.file, options.maxSize);
  const entries = outlineEntries(model, source);
  out.write(options.format === 'json' ? `${JSON.stringify(entries, null, 2)}\n` : formatOutlineText(entries));
  return 0;
}

export function outlineEntries(model: DocumentModel, source: SourceText): OutlineEntry[] {
  // A statement node starts where its table starts; that offset finds the table's number.
  const tableAtOffset = new Map(model.tables.map((t, i) => [source.starts[t.startLine], i + 1]));
  const convert = (node: OutlineNode): OutlineEntry => ({
    name: node.name,
    kind: node.kind,
    detail: node.detail,
    line: lineAt(source, node.selection.start) + 1,
    startLine: lineAt(source, node.span.start) + 1,
    endLine: lineAt(source, node.span.end) + 1,
    ...(node.kind === 'statement' ? { table: tableAtOffset.get(node.span.start) } : {}),
    children: inLineOrder(node.children.map(convert)),
  });
  return inLineOrder(buildOutline(model, source).map(convert));
}

/** Reading order: the core appends tables after the headings at the same level. */
function inLineOrder(entries: OutlineEntry[]): OutlineEntry[] {
  return entries.sort((a, b) => a.startLine - b.startLine || a.line - b.line);
}

export function formatOutlineText(entries: OutlineEntry[]): string {
  const lines: string[] = [];
  const width = String(maxLine(entries)).length;
  const visit = (entry: OutlineEntry, depth: number): void => {
    lines.push(`${String(entry.line).padStart(width)}  ${'  '.repeat(depth)}${describe(entry)}`);
    entry.children.forEach((child) => visit(child, depth + 1));
  };
  entries.forEach((entry) => visit(entry, 0));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function describe(entry: OutlineEntry): string {
  switch (entry.kind) {
    case 'document':
      return `${entry.name} [document]`;
    case 'statement':
      return `${entry.name} [table ${entry.table ?? '?'}${entry.detail ? `, ${entry.detail}` : ''}]`;
    case 'group':
      return `${entry.name}:`;
    case 'total':
      return `${entry.name} = ${entry.detail}`;
    case 'lineItem':
      return entry.detail ? `${entry.name}  ${entry.detail}` : entry.name;
    default:
      return entry.name;
  }
}

function maxLine(entries: OutlineEntry[]): number {
  return entries.reduce((m, e) => Math.max(m, e.line, maxLine(e.children)), 0);
}
