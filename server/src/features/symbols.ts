import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { buildOutline, type OutlineKind, type OutlineNode } from '../core/outline';
import { lineAt, type Position, type SourceText } from '../core/text';

const KIND: Record<OutlineKind, SymbolKind> = {
  document: SymbolKind.File,
  section: SymbolKind.Namespace,
  statement: SymbolKind.Class,
  group: SymbolKind.Module,
  lineItem: SymbolKind.Field,
  total: SymbolKind.Constant,
};

export function provideDocumentSymbols({ source, model }: Analysis): DocumentSymbol[] {
  const at = positions(source);
  return buildOutline(model, source).map((node) => toSymbol(at, node));
}

type PositionOf = (offset: number) => Position;

const NEARBY_LINES = 8;

/**
 * positionAt for offsets asked mostly in document order (an outline of thousands of nodes): the
 * line of the previous answer and the few below it (the next line item) are tried before a search.
 */
function positions(source: SourceText): PositionOf {
  const { starts, ends } = source;
  const length = source.text.length;
  let line = 0;
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, length));
    for (let step = 0; step < NEARBY_LINES && line + 1 < starts.length && starts[line + 1] <= clamped; step++) line++;
    if (!(starts[line] <= clamped && (line + 1 >= starts.length || clamped < starts[line + 1]))) line = lineAt(source, clamped);
    return { line, character: Math.min(clamped, ends[line]) - starts[line] };
  };
}

function toSymbol(at: PositionOf, node: OutlineNode): DocumentSymbol {
  const { span, selection: selected } = node;
  const range = { start: at(span.start), end: at(span.end) };
  // A selection that starts or ends where its node does (a table, a heading) reuses the position:
  // no second look-up, which would be a search backwards.
  const selection = { start: selected.start === span.start ? range.start : at(selected.start), end: selected.end === span.end ? range.end : at(selected.end) };
  const symbol: DocumentSymbol = {
    name: node.name.trim() || '(untitled)',
    detail: node.detail,
    kind: KIND[node.kind],
    range,
    selectionRange: contains(range, selection) ? selection : { start: range.start, end: range.start },
  };
  // Line items have no children: leaving out the empty list trims an outline of thousands of rows.
  if (node.children.length) {
    const children: DocumentSymbol[] = (symbol.children = new Array(node.children.length));
    for (let i = 0; i < children.length; i++) children[i] = toSymbol(at, node.children[i]);
  }
  return symbol;
}

function contains(outer: DocumentSymbol['range'], inner: DocumentSymbol['range']): boolean {
  return notAfter(outer.start, inner.start) && notAfter(inner.end, outer.end);
}

function notAfter(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}
