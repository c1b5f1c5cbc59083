// Digit mutation: change one digit of a figure (keeping its width) and see whether the checks
// flag it. Used by the recall test and by the measurement script.
import { analyze } from '../../server/src/core/analyze';
import type { Cell, Row, Table } from '../../server/src/core/model';
import { lineAt, splitLines } from '../../server/src/core/text';

export interface Mutation {
  table: Table;
  row: Row;
  cell: Cell;
  /** Offset of the changed digit and its new value. */
  offset: number;
  digit: string;
}

/** A small deterministic generator (mulberry32) so runs repeat. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One mutation of a cell: a random digit position changed to a random other digit. */
export function mutateCell(text: string, table: Table, row: Row, cell: Cell, random: () => number): Mutation | undefined {
  const digits: number[] = [];
  for (let i = cell.span.start; i < cell.span.end; i++) if (/\d/.test(text[i])) digits.push(i);
  if (digits.length === 0) return undefined;
  const offset = digits[Math.floor(random() * digits.length)];
  const old = Number(text[offset]);
  // A leading digit never becomes 0: "0,234" is not a figure a filer prints.
  const leading = offset === digits[0] && digits.length > 1;
  const choices = [...'0123456789'].filter((d) => Number(d) !== old && !(leading && d === '0'));
  const digit = choices[Math.floor(random() * choices.length)];
  return { table, row, cell, offset, digit };
}

export function apply(text: string, m: Mutation): string {
  return text.slice(0, m.offset) + m.digit + text.slice(m.offset + 1);
}

/** Lines (0-based) holding a finding after the mutation. */
export function flaggedLines(mutated: string): Set<number> {
  const { model } = analyze(mutated);
  const source = splitLines(mutated);
  return new Set(model.findings.map((f) => lineAt(source, f.span.start)));
}

/** A row that says it is a total, whatever it measures except percentages: the customer's bar. */
export function isTotalRow(row: Row): boolean {
  return /^total\b/i.test(row.label) && row.measure !== 'percent';
}

/** The amount row printed just above a total, if it is one of its components. */
export function componentAbove(table: Table, total: Row): Row | undefined {
  const above = table.rows[total.index - 1];
  if (!above || above.measure !== total.measure || above.footing !== undefined) return undefined;
  return above;
}
