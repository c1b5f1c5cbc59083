// Offsets inside, Ranges only at the edge: conversions from the core's spans to LSP types.
import type { Range } from 'vscode-languageserver';
import type { Span } from './core/model';
import { offsetAt, positionAt, type Position, type SourceText } from './core/text';

export function toRange(source: SourceText, span: Span): Range {
  return { start: positionAt(source, span.start), end: positionAt(source, span.end) };
}

export function toOffset(source: SourceText, position: Position): number {
  return offsetAt(source, position);
}

/** Positions from a client may be anything; only well-formed ones are used. */
export function isPosition(value: unknown): value is Position {
  const p = value as Position;
  return !!p && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0;
}
