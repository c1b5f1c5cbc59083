// Headings outside tables ("THIRD-QUARTER HIGHLIGHTS", "OUTLOOK") and the release's headline
// become sections, nested inside the EDGAR document they belong to.
import { LineKind } from './envelope';
import type { Lines } from './lines';
import type { Section } from './model';

const MAX_HEADING = 70;

export function readHeadings(lines: Lines, inTable: Uint8Array, documents: Section[], tableStarts: number[]): Section[] {
  const headings: Section[] = [];
  let seenText = false;
  for (let line = 0; line < lines.count; line++) {
    if (lines.kind(line) !== LineKind.Text || inTable[line]) continue;
    // Past the headline only a short line standing apart can head a section: most lines are not read.
    if (seenText && (!isolated(lines, line) || !headingLength(lines.trimmedLength(line)))) continue;
    const text = lines.text(line).trim();
    if (isHeading(lines, line, text) || (!seenText && isHeadline(text))) {
      headings.push({ index: 0, kind: 'heading', title: text.replace(/\s+/g, ' '), startLine: line, endLine: line, span: { start: 0, end: 0 } });
    }
    // "Exhibit 99.1" above the headline is a label, not the release's first line of text.
    if (!seenText && !/^(exhibit|ex-)\s*[\d.]+\s*$/i.test(text)) seenText = true;
  }
  closeHeadings(lines, headings, documents, tableStarts);
  return headings;
}

function isHeading(lines: Lines, line: number, text: string): boolean {
  if (!headingLength(text.length) || lines.isRule(line)) return false;
  if (!/[A-Z]{3}/.test(text) || /[a-z]/.test(text)) return false;
  if (/^[\d\W]+$/.test(text) || /^\(.*\)$/.test(text)) return false;
  return isolated(lines, line);
}

function headingLength(length: number): boolean {
  return length >= 4 && length <= MAX_HEADING;
}

function isHeadline(text: string): boolean {
  return text.length >= 12 && text.length <= 100 && /[A-Za-z]/.test(text) && !/^(exhibit|page)\b/i.test(text) && !/^[-=_]+$/.test(text);
}

/** Headings stand apart: a blank line (or markup) above them. */
function isolated(lines: Lines, line: number): boolean {
  return line === 0 || lines.kind(line - 1) !== LineKind.Text;
}

/** The EDGAR document holding a line; documents follow one another in order, without overlapping. */
export function documentAt(documents: Section[], line: number): Section | undefined {
  let lo = 0;
  let hi = documents.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (documents[mid].startLine <= line) lo = mid;
    else hi = mid - 1;
  }
  const doc = documents[lo];
  return doc && doc.startLine <= line && line <= doc.endLine ? doc : undefined;
}

/** A heading's section runs to the next heading or the next table, whichever comes first. */
function closeHeadings(lines: Lines, headings: Section[], documents: Section[], tableStarts: number[]): void {
  headings.forEach((h, i) => {
    const nextTable = tableStarts.find((start) => start > h.startLine) ?? lines.count;
    const next = Math.min(headings[i + 1]?.startLine ?? lines.count, nextTable);
    const doc = documentAt(documents, h.startLine);
    h.endLine = Math.max(h.startLine, Math.min(next, doc ? doc.endLine + 1 : lines.count) - 1);
    h.index = i;
    h.span = { start: lines.source.starts[h.startLine], end: lines.source.ends[h.endLine] };
  });
}
