// Lines of the original text and their tab-expanded form. Columns are measured on the expanded
// form (tab stops every 8, as EDGAR's converters used); every position handed out maps back to a
// UTF-16 offset of the original text, whatever the line ends (LF, CRLF, CR) were.

const TAB_WIDTH = 8;

export interface SourceText {
  readonly text: string;
  /** Offset where each line starts. */
  readonly starts: number[];
  /** Offset where each line's content ends (before its line break). */
  readonly ends: number[];
}

export function splitLines(text: string): SourceText {
  // Lines are counted first so that both arrays are made at their size instead of growing (and
  // being copied) line by line.
  const count = countLines(text);
  const starts = new Array<number>(count);
  const ends = new Array<number>(count);
  starts[0] = 0;
  let line = 0;
  // The native search finds line breaks far faster than a loop over characters: one cursor on
  // the next LF, one on the next CR (most files have none; CRLF and CR-only files have many).
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr < 0 || (lf >= 0 && lf < cr)) {
      ends[line++] = lf;
      starts[line] = lf + 1;
      lf = text.indexOf('\n', lf + 1);
      continue;
    }
    ends[line++] = cr;
    let next = cr + 1;
    if (lf === next) {
      next++;
      lf = text.indexOf('\n', next);
    }
    starts[line] = next;
    cr = text.indexOf('\r', next);
  }
  ends[line] = text.length;
  return { text, starts, ends };
}

/** Lines of a text: one more than its LFs and its CRs that no LF follows. */
function countLines(text: string): number {
  let count = 1;
  for (let lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', lf + 1)) count++;
  for (let cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', cr + 1)) if (cr + 1 === text.length || text.charCodeAt(cr + 1) !== 10) count++;
  return count;
}

export function rawLine(source: SourceText, line: number): string {
  return source.text.slice(source.starts[line], source.ends[line]);
}

/** A line with tabs expanded; `offsetAt` maps an expanded column to an original offset. */
export interface ExpandedLine {
  readonly line: number;
  readonly text: string;
  offsetAt(column: number): number;
}

export function expandLine(source: SourceText, line: number, tabWidth = TAB_WIDTH): ExpandedLine {
  const start = source.starts[line];
  const raw = rawLine(source, line);
  if (raw.indexOf('\t') < 0) {
    return { line, text: raw, offsetAt: (column) => start + Math.min(column, raw.length) };
  }
  // Only lines with tabs pay for a column map: where each tab is and the columns it fills. Text
  // between tabs is copied in runs, not character by character.
  const tabs: number[] = [];
  const fills: number[] = [];
  let text = '';
  let from = 0;
  for (let tab = raw.indexOf('\t'); tab >= 0; tab = raw.indexOf('\t', from)) {
    text += raw.slice(from, tab);
    tabs.push(tab);
    fills.push(text.length);
    text += spaces(tabWidth - (text.length % tabWidth));
    fills.push(text.length);
    from = tab + 1;
  }
  text += raw.slice(from);
  return { line, text, offsetAt: (column) => start + rawOffset(raw.length, text.length, tabs, fills, column) };
}

/**
 * The raw offset of an expanded column. Tab k fills columns [fills[2k], fills[2k+1]) and all of them
 * map to the tab itself; other characters map one to one, counted from the last tab before them.
 */
function rawOffset(rawLength: number, expandedLength: number, tabs: number[], fills: number[], column: number): number {
  if (column >= expandedLength) return rawLength;
  let k = tabs.length - 1;
  while (k >= 0 && fills[2 * k] > column) k--;
  if (k < 0) return column;
  const filled = fills[2 * k + 1];
  return column < filled ? tabs[k] : tabs[k] + 1 + (column - filled);
}

const SPACES = ' '.repeat(64);

function spaces(count: number): string {
  return count <= SPACES.length ? SPACES.slice(0, count) : ' '.repeat(count);
}

/** 0-based line containing an offset (binary search over line starts). */
export function lineAt(source: SourceText, offset: number): number {
  let lo = 0;
  let hi = source.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (source.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface Position {
  line: number;
  character: number;
}

export function positionAt(source: SourceText, offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, source.text.length));
  const line = lineAt(source, clamped);
  return { line, character: Math.min(clamped, source.ends[line]) - source.starts[line] };
}

export function offsetAt(source: SourceText, position: Position): number {
  if (position.line < 0) return 0;
  if (position.line >= source.starts.length) return source.text.length;
  const start = source.starts[position.line];
  return Math.min(start + Math.max(0, position.character), source.ends[position.line]);
}

/** What `\s` matches in a JavaScript regular expression, by character code. */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `text.split(' ').length` without the array: labels are counted in words many times. */
export function wordCount(text: string): number {
  let count = 1;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) count++;
  return count;
}

/** `text.replace(/\s+/g, ' ')`, without the replace when the text is already single-spaced ASCII. */
export function singleSpaced(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c >= 128 || (c === 32 && i + 1 < text.length && text.charCodeAt(i + 1) === 32)) return text.replace(/\s+/g, ' ');
  }
  return text;
}
