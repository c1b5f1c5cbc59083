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
  const roots: OutlineNode[] = [];
  const containers: Array<{ node: OutlineNode; first: number; last: number }> = [];
  const sections = [...model.sections].sort((a, b) => a.startLine - b.startLine || (a.kind === 'document' ? -1 : 1));
  for (const section of sections) {
    const node: OutlineNode = {
      name: section.title || 'Section',
      detail: section.kind === 'document' ? 'document' : '',
      kind: section.kind === 'document' ? 'document' : 'section',
      span: span(section.startLine, section.endLine),
      selection: span(section.startLine, section.startLine),
      children: [],
    };
    place(node, section.startLine, section.endLine, roots, containers);
  }
  for (const table of model.tables) place(tableNode(table, span), table.startLine, table.endLine, roots, containers);
  sortByPosition(roots);
  return roots;
}

/** Sections and tables are placed in two passes: put every level back in document order. */
function sortByPosition(nodes: OutlineNode[]): void {
  nodes.sort((a, b) => a.span.start - b.span.start);
  for (const node of nodes) sortByPosition(node.children);
}

function place(node: OutlineNode, first: number, last: number, roots: OutlineNode[], containers: Array<{ node: OutlineNode; first: number; last: number }>): void {
  // Innermost container that encloses the node's first line (sections never overlap tables' ends wrongly).
  let parent: { node: OutlineNode; first: number; last: number } | undefined;
  for (const c of containers) {
    if (c.first <= first && first <= c.last && (!parent || c.first >= parent.first)) parent = c;
  }
  if (parent) {
    parent.node.children.push(node);
    parent.node.span.end = Math.max(parent.node.span.end, node.span.end);
  } else {
    roots.push(node);
  }
  if (node.kind === 'document' || node.kind === 'section') containers.push({ node, first, last });
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
