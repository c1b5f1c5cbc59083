import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { hoverAt } from '../core/hover';
import { toOffset, toRange } from '../convert';

export function provideHover({ source, model }: Analysis, position: Position): Hover | null {
  const hit = hoverAt(model, toOffset(source, position));
  if (!hit) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hit.markdown }, range: toRange(source, { start: hit.start, end: hit.end }) };
}
