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
  const groupsByLine = new Map(table.groups.map((g) => [g.line, g]));
  const events = [...table.groups.map((g) => ({ line: g.line, group: g as Group | undefined, row: undefined as Row | undefined })), ...table.rows.map((r) => ({ line: r.firstLine, group: undefined, row: r }))].sort((a, b) => a.line - b.line);
  for (const event of events) {
    const line = event.line;
    while (stack.length && stack[stack.length - 1].group.endLine < line) stack.pop();
    const parent = stack.length ? stack[stack.length - 1].node : node;
    if (event.group && groupsByLine.has(line)) {
      const g = event.group;
      const child: OutlineNode = { name: g.label, detail: '', kind: 'group', span: span(g.line, g.endLine), selection: span(g.line, g.line), children: [] };
      parent.children.push(child);
      stack.push({ group: g, node: child });
    } else if (event.row) {
      const r = event.row;
      parent.children.push({
        name: r.label || '(subtotal)',
        detail: r.cells.map((c) => c.text.trim()).join('  '),
        kind: r.footing !== undefined ? 'total' : 'lineItem',
        span: span(r.firstLine, r.line),
        selection: r.labelSpan ?? span(r.line, r.line),
        children: [],
      });
    }
  }
  return node;
}
