// The statement outline: documents and headings → statements (tables by title) → groups →
// line items, each with the span of its lines so an editor's outline follows the cursor.
import type { DocumentModel, Group, Row, Table } from './model';
import type { SourceText } from './text';

export type OutlineKind = 'document' | 'section' | 'statement' | 'group' | 'lineItem' | 'total';

export interface OutlineNode {
  name: string;
  detail: string;
  kind: OutlineKind;
  span: { start: number; end: number };
  selection: { start: number; end: number };
  children: OutlineNode[];
}

export function buildOutline(model: DocumentModel, source: SourceText): OutlineNode[] {
  const span = (first: number, last: number) => ({ start: source.starts[first], end: source.ends[Math.min(last, source.starts.length - 1)] });
  const items: Array<{ node: OutlineNode; first: number; last: number; order: number }> = [];
  for (const section of model.sections) {
    const node: OutlineNode = {
      name: section.title || 'Section',
      detail: section.kind === 'document' ? 'document' : '',
      kind: section.kind === 'document' ? 'document' : 'section',
      span: span(section.startLine, section.endLine),
      selection: span(section.startLine, section.startLine),
      children: [],
    };
    items.push({ node, first: section.startLine, last: section.endLine, order: section.kind === 'document' ? 0 : 1 });
  }
  for (const table of model.tables) items.push({ node: tableNode(table, span), first: table.startLine, last: table.endLine, order: 2 });
  items.sort((a, b) => a.first - b.first || a.order - b.order);
  return nest(items);
}

/**
 * In document order, each node goes into the innermost open document or section that encloses
 * its first line: a stack of open containers, so a filing with thousands of sections stays linear.
 */
function nest(items: Array<{ node: OutlineNode; first: number; last: number }>): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const open: Array<{ node: OutlineNode; last: number }> = [];
  for (const item of items) {
    while (open.length && open[open.length - 1].last < item.first) open.pop();
    const parent = open[open.length - 1];
    if (parent) {
      parent.node.children.push(item.node);
      parent.node.span.end = Math.max(parent.node.span.end, item.node.span.end);
    } else {
      roots.push(item.node);
    }
    if (item.node.kind === 'document' || item.node.kind === 'section') open.push({ node: item.node, last: item.last });
  }
  return roots;
}

type SpanOf = (first: number, last: number) => { start: number; end: number };

function tableNode(table: Table, span: SpanOf): OutlineNode {
  const node: OutlineNode = {
    name: table.title,
    detail: table.scale.word ? `in ${table.scale.word}s` : '',
    kind: 'statement',
    span: span(table.startLine, table.endLine),
    selection: span(table.startLine, table.startLine),
    children: [],
  };
  const stack: Array<{ group: Group; node: OutlineNode }> = [];
  for (const event of inLineOrder(table)) {
    const line = event.line;
    while (stack.length && stack[stack.length - 1].group.endLine < line) stack.pop();
    const parent = stack.length ? stack[stack.length - 1].node : node;
    if (event.group) {
      const g = event.group;
      const child: OutlineNode = { name: g.label, detail: '', kind: 'group', span: span(g.line, g.endLine), selection: span(g.line, g.line), children: [] };
      parent.children.push(child);
      stack.push({ group: g, node: child });
    } else if (event.row) {
      const r = event.row;
      parent.children.push({
        name: r.label || '(subtotal)',
        detail: printedFigures(r),
        kind: r.footing !== undefined ? 'total' : 'lineItem',
        span: span(r.firstLine, r.line),
        selection: r.labelSpan ?? span(r.line, r.line),
        children: [],
      });
    }
  }
  return node;
}

/** Group headings and line items by line, a heading before a line item on its line. */
function inLineOrder(table: Table): Array<{ line: number; group?: Group; row?: Row }> {
  const events: Array<{ line: number; group?: Group; row?: Row }> = [];
  for (const group of table.groups) events.push({ line: group.line, group });
  for (const row of table.rows) events.push({ line: row.firstLine, row });
  // Both come in line order: the stable sort only merges the two runs.
  return events.sort((a, b) => a.line - b.line);
}

/** The row's figures as printed, for the outline's detail. */
function printedFigures(row: Row): string {
  let detail = '';
  for (let i = 0; i < row.cells.length; i++) detail += i === 0 ? row.cells[i].text.trim() : `  ${row.cells[i].text.trim()}`;
  return detail;
}
