// Where tables are. <TABLE> tags are used when present but never required: bare fixed-width
// tables are found as runs of figure rows. Prose that merely contains numbers is not a table.
import { LineKind } from './envelope';
import { isYearToken } from './figures';
import { LineFact, type Lines } from './lines';
import { isSpace, wordCount } from './text';

export interface Region {
  /** First and last line that may hold rows (inclusive). */
  first: number;
  last: number;
  /** <TABLE> tag line when the region came from tags. */
  tagLine?: number;
  /** <CAPTION> line inside a tagged region: the lines above it are the title, not column headers. */
  captionLine?: number;
  /** <S>/<C> marker line inside a tagged region. */
  columnsLine?: number;
}

const MAX_LABEL_WORDS = 12;
const MAX_LABEL_LENGTH = 72;
const MAX_BLANK_RUN = 2;

/** A row of figures as tables print them, not a sentence that ends in a number. */
export function isFigureRow(lines: Lines, line: number): boolean {
  // Asked many times per line by every stage of table reading: worked out once.
  return lines.recall(line, LineFact.FigureRow) ?? lines.remember(line, LineFact.FigureRow, figureRow(lines, line));
}

function figureRow(lines: Lines, line: number): boolean {
  const scan = lines.scan(line);
  if (!scan) return false;
  // A labelled row of dashes ("Provision for income taxes  -  -") is a row of zeros.
  if (!scan.tokens.some((t) => t.kind === 'number') && !(scan.label && scan.tokens.some((t) => t.kind === 'nil'))) return false;
  if (scan.label.length > MAX_LABEL_LENGTH) return false;
  return wordCount(scan.label) <= MAX_LABEL_WORDS;
}

function isStrongRow(lines: Lines, line: number): boolean {
  if (!isFigureRow(lines, line)) return false;
  const scan = lines.scan(line)!;
  // Asked of every figure row: the figures are counted, not copied out.
  let count = 0;
  let first = -1;
  for (let i = 0; i < scan.tokens.length; i++) {
    if (scan.tokens[i].kind !== 'number') continue;
    if (count++ === 0) first = i;
  }
  if (count === 0) return false;
  if (count >= 2) return true;
  const number = scan.tokens[first];
  return number.formatted && scan.label.length > 0 && number.start - scan.labelEnd >= 3;
}

/** Prose: a long line of many words that is not a row of figures. */
export function isProse(lines: Lines, line: number): boolean {
  return lines.recall(line, LineFact.Prose) ?? lines.remember(line, LineFact.Prose, prose(lines, line));
}

function prose(lines: Lines, line: number): boolean {
  if (!lines.isContent(line) || lines.isRule(line) || isFigureRow(lines, line)) return false;
  if (lines.scan(line)?.label && lines.scan(line)!.label.length <= MAX_LABEL_LENGTH) return false;
  const shape = sentenceShape(lines.text(line));
  if (shape !== Shape.Capitals) return shape === Shape.Sentences;
  // A title in capitals stands alone; a paragraph in capitals (a legal notice, a filing typed in
  // capitals) runs on over lines of the same shape.
  return [lines.neighbour(line, -1), lines.neighbour(line, 1)].some((n) => n >= 0 && lines.isContent(n) && !isFigureRow(lines, n) && sentenceShape(lines.text(n)) !== Shape.Short);
}

const enum Shape {
  Short,
  Sentences,
  Capitals,
}

/**
 * At least 56 characters and 8 words once trimmed; sentences when more letters are lower case
 * than capitals. Counted in one pass over the characters: asked of every line near a table.
 */
function sentenceShape(text: string): Shape {
  let first = 0;
  let last = text.length - 1;
  while (first <= last && isSpace(text.charCodeAt(first))) first++;
  while (last >= first && isSpace(text.charCodeAt(last))) last--;
  if (last - first + 1 < 56) return Shape.Short;
  let words = 1;
  let lower = 0;
  let upper = 0;
  let inSpace = false;
  for (let i = first; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) lower++;
    else if (c >= 65 && c <= 90) upper++;
    const space = isSpace(c);
    if (space && !inSpace) words++;
    inSpace = space;
  }
  if (words < 8) return Shape.Short;
  return lower > upper ? Shape.Sentences : Shape.Capitals;
}

export function findRegions(lines: Lines): Region[] {
  const regions: Region[] = [];
  const tagged = new Uint8Array(lines.count);
  for (const tag of lines.envelope.tableTags) {
    const last = (tag.footnotes ?? tag.close + 1) - 1;
    tagged.fill(1, tag.open, tag.close + 1);
    if (last > tag.open) regions.push({ first: tag.open + 1, last, tagLine: tag.open, captionLine: tag.captionLine, columnsLine: tag.columnsLine });
  }
  let previousLast = -1;
  for (let line = 0; line < lines.count; line++) {
    if (tagged[line] || !isStrongRow(lines, line)) continue;
    const first = extendUp(lines, line, tagged, previousLast);
    const last = extendBare(lines, line, tagged);
    if (countFigureRows(lines, first, last) >= 2 || hasManyFigures(lines, line)) {
      regions.push({ first, last });
      previousLast = last;
    }
    line = last;
  }
  return regions.sort((a, b) => a.first - b.first);
}

function hasManyFigures(lines: Lines, line: number): boolean {
  return (lines.scan(line)?.tokens.filter((t) => t.kind === 'number').length ?? 0) >= 3;
}

function countFigureRows(lines: Lines, first: number, last: number): number {
  let count = 0;
  for (let line = first; line <= last; line++) if (isFigureRow(lines, line)) count++;
  return count;
}

/**
 * A bare table is found at its first strong row (a formatted figure); labelled rows with plain
 * figures printed just above it ("Income of foreign subsidiaries ...  53" over "Warranty ... (80)")
 * belong to it too. Year rows stay for the header band.
 */
function extendUp(lines: Lines, first: number, tagged: Uint8Array, floor: number): number {
  let line = first;
  while (line - 1 > floor && !tagged[line - 1] && lines.kind(line - 1) === LineKind.Text && labelledPlainRow(lines, line - 1)) line--;
  return line;
}

function labelledPlainRow(lines: Lines, line: number): boolean {
  if (!isFigureRow(lines, line) || isProse(lines, line)) return false;
  const scan = lines.scan(line)!;
  return scan.label !== '' && scan.tokens.some((t) => t.kind === 'number' && !isYearToken(t));
}

/**
 * A long first line of a wrapped label reads like a sentence ("Common stock, no par value;
 * 320,000,000 shares authorized; 127,949,220 shares issued and") but goes on, in lower case, on
 * the figure row below it, or over another line or two first ("160,799,061 and 135,192,769 shares
 * issued and" / "outstanding, respectively ...  1,349").
 */
function labelRunsOn(lines: Lines, line: number): boolean {
  let next = lines.neighbour(line, 1);
  for (let wrapped = 0; next >= 0 && lines.isContent(next) && CONTINUED.test(lines.text(next).trim()); wrapped++) {
    if (isFigureRow(lines, next)) return true;
    if (wrapped === MAX_WRAPPED_LINES) return false;
    next = lines.neighbour(next, 1);
  }
  return false;
}

/** How a wrapped label's next line starts: lower case, "(", or a number run into words ("160,799,061 and"). */
const CONTINUED = /^([a-z(]|[\d,.]+ [a-z])/;
const MAX_WRAPPED_LINES = 2;

/** "See accompanying notes to consolidated financial statements." and its variants. */
const STATEMENT_FOOTER = /^(see (the )?accompanying notes|the accompanying notes (to [a-z ]+)?are an integral part)/i;

/** Follows a bare table down through rows, headings, rules and page breaks until prose or a gap. */
function extendBare(lines: Lines, first: number, tagged: Uint8Array): number {
  let last = first;
  let blanks = 0;
  for (let line = first + 1; line < lines.count; line++) {
    if (tagged[line]) break;
    const kind = lines.kind(line);
    if (kind === LineKind.Skipped) break;
    if (kind === LineKind.Blank) {
      if (++blanks > MAX_BLANK_RUN) break;
      continue;
    }
    if (kind !== LineKind.Text) continue;
    if (isProse(lines, line) && !labelRunsOn(lines, line)) break;
    // A statement ends at its footer, even where the page break after it was lost.
    if (STATEMENT_FOOTER.test(lines.text(line).trim())) break;
    blanks = 0;
    if (isFigureRow(lines, line) || lines.isRule(line)) last = line;
    // "period      =========" under a row's figures ends that row's label.
    else if (last === line - 1 && /^[a-z]/.test(lines.text(line).trim())) last = line;
  }
  return last;
}
