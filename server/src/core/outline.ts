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

/**
 * A line item's children: none, ever (only documents, sections, statements and groups hold
 * nodes). One shared list instead of thousands of empty ones; frozen, so a push would throw.
 */
const NO_CHILDREN = Object.freeze([]) as unknown as OutlineNode[];

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
  const { groups, rows } = table;
  // Groups and rows both come in line order: merged as they go, a heading before a line item on
  // its line (an outline of thousands of rows is built on the first request, by cold code).
  for (let g = 0, r = 0; g < groups.length || r < rows.length; ) {
    const group = g < groups.length && (r >= rows.length || groups[g].line <= rows[r].firstLine) ? groups[g++] : undefined;
    const row = group ? undefined : rows[r++];
    const line = group ? group.line : row!.firstLine;
    while (stack.length && stack[stack.length - 1].group.endLine < line) stack.pop();
    const parent = stack.length ? stack[stack.length - 1].node : node;
    if (group) {
      const child: OutlineNode = { name: group.label, detail: '', kind: 'group', span: span(group.line, group.endLine), selection: span(group.line, group.line), children: [] };
      parent.children.push(child);
      stack.push({ group, node: child });
    } else if (row) {
      parent.children.push({
        name: row.label || '(subtotal)',
        detail: printedFigures(row),
        kind: row.footing !== undefined ? 'total' : 'lineItem',
        span: span(row.firstLine, row.line),
        selection: row.labelSpan ?? span(row.line, row.line),
        children: NO_CHILDREN,
      });
    }
  }
  return node;
}

/** The row's figures as printed, for the outline's detail (a cell's text starts and ends with no space). */
function printedFigures(row: Row): string {
  return row.cells.map((cell) => cell.text).join('  ');
}
