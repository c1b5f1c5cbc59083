import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { buildOutline, type OutlineKind, type OutlineNode } from '../core/outline';
import type { SourceText } from '../core/text';
import { toRange } from '../convert';

const KIND: Record<OutlineKind, SymbolKind> = {
  document: SymbolKind.File,
  section: SymbolKind.Namespace,
  statement: SymbolKind.Class,
  group: SymbolKind.Module,
  lineItem: SymbolKind.Field,
  total: SymbolKind.Constant,
};

export function provideDocumentSymbols({ source, model }: Analysis): DocumentSymbol[] {
  return buildOutline(model, source).map((node) => toSymbol(source, node));
}

function toSymbol(source: SourceText, node: OutlineNode): DocumentSymbol {
  const range = toRange(source, node.span);
  const selection = toRange(source, node.selection);
  return {
    name: node.name.trim() || '(untitled)',
    detail: node.detail,
    kind: KIND[node.kind],
    range,
    selectionRange: contains(range, selection) ? selection : { start: range.start, end: range.start },
    children: node.children.map((child) => toSymbol(source, child)),
  };
}

function contains(outer: DocumentSymbol['range'], inner: DocumentSymbol['range']): boolean {
  const before = (a: DocumentSymbol['range']['start'], b: DocumentSymbol['range']['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
