// The header band above a table's rows and the title block above that. Column headers are joined
// top to bottom; a spanning header ("Three Months Ended" over two columns) applies to every column
// it overlaps; a line of repeated dates ("Sept. 30, Sept. 30,") is split word by word instead.
import type { ColumnBand } from './columns';
import { LineKind } from './envelope';
import { LineFact, type Lines } from './lines';
import { isFigureRow, isProse, type Region } from './regions';
import { isYearToken } from './figures';
import { readScale } from './scale';
import { bestTabWidth } from './tabs';

export interface HeaderBand {
  /** Lines of the band, top to bottom. */
  lines: number[];
  /** First body line (after the band). */
  bodyLine: number;
  headers: string[];
  /** Last line of a title printed inside <CAPTION> above the headings, when one was found. */
  titleEnd?: number;
}

const PERIOD_WORDS = /\b(ended|ending|months?|weeks?|quarters?|years?|fiscal|as of|period|restated|actual|change|increase|decrease|percent|pro forma|reported|balance)\b/i;

/** Asked of every line of a header band and of a table body, and again by later stages: worked out once. */
export function isYearRow(lines: Lines, line: number): boolean {
  return lines.recall(line, LineFact.YearRow) ?? lines.remember(line, LineFact.YearRow, yearRow(lines, line));
}

function yearRow(lines: Lines, line: number): boolean {
  const scan = lines.scan(line);
  if (!scan || scan.tokens.length === 0) return false;
  const years = scan.tokens.every(isYearToken);
  if (!years) return false;
  // The stub may name the scale or the period: "(DOLLARS IN THOUSANDS ...)   2000   1999".
  return scan.label === '' || scan.tokens.length >= 2 || readScale(scan.label) !== undefined || (/^\(?[^)]*\)?$/.test(scan.label) && scan.label.length < 40) || yearsAmongChanges(lines.text(line).slice(scan.labelStart, scan.labelEnd));
}

/**
 * "RESULTS OF OPERATIONS   1994   Change   1993   Change   1992": only the last year is read as
 * a figure; the years and change columns before it are label text, set apart by wide gaps.
 */
function yearsAmongChanges(label: string): boolean {
  const parts = label.trim().split(/\s{2,}/);
  const heads = YEAR.test(parts[0]) ? parts : parts.slice(1);
  return heads.length >= 2 && heads.some((p) => YEAR.test(p)) && heads.every((p) => YEAR.test(p) || CHANGE_COLUMN.test(p));
}

/** Content starting inside the value area: a column header, not a row label. */
export function isHeaderLike(lines: Lines, line: number, valueLeft: number): boolean {
  if (!lines.isContent(line) || lines.isRule(line)) return false;
  if (isYearRow(lines, line)) return true;
  if (isFigureRow(lines, line)) return false;
  return lines.indent(line) >= valueLeft;
}

/** Where column headers may begin: a column's pitch left of the first figures' right edge. */
export function headerLeft(bands: ColumnBand[]): number {
  return extents(bands)[0][0];
}

export function readHeaderBand(lines: Lines, region: Region, firstRow: number, bands: ColumnBand[]): HeaderBand {
  const valueLeft = headerLeft(bands);
  const top = region.tagLine !== undefined ? region.first : Math.max(0, firstRow - 14);
  const band: number[] = [];
  let bodyLine = firstRow;
  let blanks = 0;
  let titleEnd: number | undefined;
  const captionEnd = region.columnsLine !== undefined && region.columnsLine < firstRow ? region.columnsLine : -1;
  // EDGAR's <CAPTION> opens the column headings: what is printed above it is the table's title.
  const captionLine = region.captionLine !== undefined && region.captionLine < firstRow ? region.captionLine : -1;
  for (let line = firstRow - 1; line >= top; line--) {
    const kind = lines.kind(line);
    if (kind === LineKind.Skipped || line < captionLine) break;
    if (kind !== LineKind.Text) {
      if (kind === LineKind.Blank && band.length > 0 && region.tagLine === undefined && !continuesUpward(lines, line, valueLeft)) break;
      if (kind === LineKind.Blank && ++blanks > 2 && band.length === 0) break;
      continue;
    }
    if (lines.isRule(line)) continue;
    // "(In millions, except per share amounts)" set off by a blank line from the headings below
    // it ends the title printed inside <CAPTION>, not a column header.
    if (band.length > 0 && region.tagLine !== undefined && lines.kind(line + 1) === LineKind.Blank && isScaleOnly(lines.text(line).trim())) {
      titleEnd = line;
      break;
    }
    // Between <CAPTION> and the <S> <C> line, a line with words over the value columns is header,
    // the stub's words ("RANGE OF / EXERCISE / PRICES") included; "Current liabilities:" is not.
    if (line < captionEnd && reachesValues(lines.text(line), valueLeft)) {
      band.unshift(line);
      continue;
    }
    if (isHeaderLike(lines, line, valueLeft) || shiftToUnderline(lines, line) > 0) {
      band.unshift(line);
      continue;
    }
    if (band.length === 0 && !isProse(lines, line) && !isFigureRow(lines, line)) {
      bodyLine = line; // a group heading such as "Revenues:" just above the first row
      continue;
    }
    if (region.tagLine !== undefined && band.length > 0 && !isFigureRow(lines, line)) {
      band.unshift(line); // stub text inside <CAPTION>, e.g. "(In thousands)"
      continue;
    }
    break;
  }
  return { lines: band, bodyLine, headers: assignHeaders(lines, band, bands), titleEnd };
}

/**
 * A header line printed flush left over underlines that sit over the columns (its indent lost
 * when the filing was converted to text): "SEPTEMBER 25,1999   SEPTEMBER 25,1998" over
 * "-----------------   -----------------" far to the right. Each phrase is as wide as the rule
 * under it and the gaps agree, so the words belong over the rules: how far right they move.
 */
function shiftToUnderline(lines: Lines, line: number): number {
  const below = line + 1;
  if (below >= lines.count || !lines.isContent(line) || !lines.isRule(below)) return 0;
  const words = chunks(lines.text(line), PHRASES);
  const rules = chunks(lines.text(below), RULE_SEGMENTS);
  if (words.length < 2 || words.length !== rules.length) return 0;
  const shift = rules[0].start - words[0].start;
  if (shift <= 0) return 0;
  const fits = (w: Chunk, r: Chunk) => Math.abs(r.start - shift - w.start) <= 1 && Math.abs(r.end - r.start - (w.end - w.start)) <= 1;
  return words.every((w, i) => fits(w, rules[i])) ? shift : 0;
}

const RULE_SEGMENTS = /[-=_]+/g;

function reachesValues(text: string, valueLeft: number): boolean {
  return text.length > valueLeft && text.slice(valueLeft).trim() !== '';
}

/** A blank line inside a bare header band is kept only under a period line ("Three Months Ended"). */
function continuesUpward(lines: Lines, blank: number, valueLeft: number): boolean {
  for (let line = blank - 1; line >= 0 && line >= blank - 2; line--) {
    if (lines.kind(line) === LineKind.Blank) continue;
    return isHeaderLike(lines, line, valueLeft) && PERIOD_WORDS.test(lines.text(line));
  }
  return false;
}

interface Chunk {
  start: number;
  end: number;
  text: string;
}

/** Runs of words one space apart: the pieces of a header line. */
const PHRASES = /\S+(?: \S+)*/g;
const WORDS = /\S+/g;

/** Every match of a global `separator` in `text`, collected before the next use of the pattern. */
function chunks(text: string, separator: RegExp): Chunk[] {
  const out: Chunk[] = [];
  separator.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = separator.exec(text))) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** Horizontal extent a header may occupy for each column: from the previous figures to these. */
function extents(bands: ColumnBand[]): Array<[number, number]> {
  const pitches = bands.slice(1).map((b, i) => b.right - bands[i].right).sort((a, b) => a - b);
  const pitch = pitches.length ? pitches[pitches.length >> 1] : bands[0].right - bands[0].outerLeft + 12;
  // The last column's header may run past its figures ("% Change" over "(1)"): nothing is to its right.
  const last = bands.length - 1;
  return bands.map((b, i) => [i === 0 ? Math.min(b.outerLeft, b.right + 1 - pitch) : bands[i - 1].right + 1, b.right + (i === last ? 6 : 1)]);
}

function overlap(a: [number, number], start: number, end: number): number {
  return Math.max(0, Math.min(a[1], end) - Math.max(a[0], start));
}

interface Part {
  order: number;
  text: string;
}

const YEAR = /^(19|20)\d\d$/;
/** A header naming a change rather than a period ("% Change", "Variance", "Increase"). */
export const CHANGE_COLUMN = /%|\bpercent|\bchange\b|\bvariance\b|\bincrease\b|\bdecrease\b/i;

function assignHeaders(lines: Lines, band: number[], bands: ColumnBand[]): string[] {
  const headers: Part[][] = bands.map(() => []);
  if (bands.length === 0) return [];
  const ext = extents(bands);
  const placed: Array<{ chunk: Chunk; order: number; columns: number[]; split?: string[]; underlined?: number[] }> = [];
  band.forEach((line, order) => {
    if (lines.hasTab(line)) chooseTabWidth(lines, line, ext);
    const shift = shiftToUnderline(lines, line);
    for (const chunk of chunks(lines.text(line), PHRASES)) {
      if (/^[-=_\s]+$/.test(chunk.text) || isScaleOnly(chunk.text)) continue;
      chunk.start += shift;
      chunk.end += shift;
      // "ENDED" under "THREE MONTHS" may overlap its columns only a little: centring decides.
      const covered = coveredColumns(chunk, ext);
      const columns = covered.length ? covered : ext.map((e, i) => (overlap(e, chunk.start, chunk.end) > 0 ? i : -1)).filter((i) => i >= 0);
      if (columns.length === 0) continue;
      const split = columns.length > 1 ? splitByColumn(chunk, ext, order === band.length - 1) : undefined;
      placed.push({ chunk, order, columns, split, underlined: underlinedColumns(lines, line, chunk, bands) });
    }
  });
  // Where each column's own headers sit below a line: its figures widened by the headers over it alone.
  const reachBelow = (order: number) => {
    const reach = bands.map((b): [number, number] => [b.outerLeft, b.right]);
    for (const p of placed) {
      if (p.columns.length !== 1 || p.order <= order) continue;
      const r = reach[p.columns[0]];
      r[0] = Math.min(r[0], p.chunk.start);
      r[1] = Math.max(r[1], p.chunk.end);
    }
    return reach;
  };
  const bottom = band.length - 1;
  // Chunks placed per header line, one place down: chunksPerLine[order] counts the line above.
  const chunksPerLine = new Array<number>(band.length + 1).fill(0);
  for (const p of placed) chunksPerLine[p.order + 1]++;
  const spanning: Array<{ part: Part; columns: number[]; chunk: Chunk; order: number; ruled?: boolean }> = [];
  for (const p of placed) {
    const part = { order: p.order, text: p.chunk.text };
    if (p.split) {
      p.split.forEach((text, i) => text && headers[i].push({ order: p.order, text }));
      continue;
    }
    // "ENDED" under "SIX MONTHS": a line of spanning headers stacked under a line of the same shape.
    const sameShape = chunksPerLine[p.order + 1] === chunksPerLine[p.order];
    const above = sameShape ? spanning.find((s) => s.order === p.order - 1 && s.chunk.start - 2 <= p.chunk.start && p.chunk.end <= s.chunk.end + 2) : undefined;
    // "Year Ended" over "December 31," over "------------": the rule under the line below spans both.
    const ruled = p.underlined ?? placed.find((q) => q.order === p.order + 1 && (q.underlined?.length ?? 0) > 1 && q.chunk.start - 4 <= p.chunk.start && p.chunk.end <= q.chunk.end + 4)?.underlined;
    const columns = above ? above.columns : ruled ?? (p.order < bottom ? centredOver(p.chunk, reachBelow(p.order)) ?? p.columns : p.columns);
    if (columns.length === 1) headers[columns[0]].push(part);
    else spanning.push({ part, columns, chunk: p.chunk, order: p.order, ruled: !above && ruled !== undefined });
  }
  // A period spanning header ("for the three months ended") does not reach into a "% Change" column
  // beside its periods, unless it is printed (or ruled) over that column too and names a duration,
  // not a date: "12 Months Ended December" over "2004 2003 Change" is the 12-month change.
  const own = headers.map((parts) => parts.map((p) => p.text).join(' '));
  for (const { part, columns, chunk, ruled } of spanning) {
    const over = (i: number) => ruled || overlap(ext[i], chunk.start, chunk.end) * 2 >= ext[i][1] - ext[i][0];
    const reaches = (i: number) => !isChange(own[i]) || (spansChange(chunk.text) && over(i));
    const kept = isChange(part.text) ? columns : columns.filter(reaches);
    for (const i of kept.length ? kept : columns) headers[i].push(part);
  }
  return headers.map((parts) => parts.sort((a, b) => a.order - b.order).map((p) => p.text).join(' ').replace(/\s+/g, ' ').trim());
}

/** A change between periods; "% of Total" or "% of Revenue" is a share of its own period, which a date heads. */
function isChange(header: string): boolean {
  return CHANGE_COLUMN.test(header) && !/%\s*of\b|\bpercent(age)? of\b/i.test(header);
}

const DURATION = /\b(months?|weeks?|quarters?|years?)\b/i;
const YEAR_IN_TEXT = /\b(19|20)\d\d\b/;

/**
 * A spanning duration with no year ("Three Months Ended", "Second Quarter"): a change column under
 * it is that period's. A sentence run into the band ("... for fiscal years") is not a header.
 */
function spansChange(text: string): boolean {
  return DURATION.test(text) && !YEAR_IN_TEXT.test(text) && text.split(' ').length <= 6;
}

/** Columns a chunk overlaps enough to be over them. */
function coveredColumns(chunk: Chunk, ext: Array<[number, number]>): number[] {
  const width = chunk.end - chunk.start;
  return ext.map((e, i) => ({ o: overlap(e, chunk.start, chunk.end), i })).filter(({ o, i }) => o > 0 && o >= Math.min(width, ext[i][1] - ext[i][0]) * 0.35).map(({ i }) => i);
}

/**
 * Spanning headers are centred over the columns they span ("Three Months Ended" over two dates),
 * even where their text sits mostly over one of them. Returns the run of two or more columns
 * whose headers' middle is nearest the chunk's middle, when it is near enough.
 */
function centredOver(chunk: Chunk, reach: Array<[number, number]>): number[] | undefined {
  // Text that fits over one column's own headers is that column's.
  const middle = (chunk.start + chunk.end) / 2;
  let best: { from: number; to: number; off: number } | undefined;
  for (let from = 0; from < reach.length; from++) {
    for (let to = from; to < reach.length; to++) {
      const left = reach[from][0];
      const right = reach[to][1];
      // A run is spanned only by text reaching over its first and its last column.
      if (chunk.end < left - 1 || chunk.start > reach[from][1] + 1 || chunk.start > right + 1 || chunk.end < reach[to][0] - 1) continue;
      const off = Math.abs((left + right) / 2 - middle);
      if (!best || off < best.off - 0.5) best = { from, to, off };
    }
  }
  if (!best || best.from === best.to) return undefined;
  const width = reach[best.to][1] - reach[best.from][0];
  if (best.off > Math.max(2, width * 0.15)) return undefined;
  return Array.from({ length: best.to - best.from + 1 }, (_, k) => best!.from + k);
}

/**
 * "Periods ended March 31, 1998" over "-------------...": a header underlined by a rule spans the
 * columns whose figures lie under that rule (two or more), wherever its text is centred.
 */
function underlinedColumns(lines: Lines, line: number, chunk: Chunk, bands: ColumnBand[]): number[] | undefined {
  const next = line + 1;
  if (next >= lines.count || !lines.isRule(next)) return undefined;
  const text = lines.text(next);
  const middle = Math.floor((chunk.start + chunk.end) / 2);
  if (!RULE_CHAR.test(text[middle] ?? '')) return undefined;
  let start = middle;
  let end = middle + 1;
  while (start > 0 && RULE_CHAR.test(text[start - 1])) start--;
  while (end < text.length && RULE_CHAR.test(text[end])) end++;
  // Drawn wider than its words to show the span, yet under one line of words, not the whole table.
  const width = chunk.end - chunk.start;
  if (end - start < width + 4 || end - start > width * 4 + 20) return undefined;
  // Several headers over one rule ("4/1/00   3/27/99" over "-----------------") each head their own column.
  const words = lines.text(line);
  if (/\S/.test(words.slice(start, chunk.start).trim() + words.slice(chunk.end, end).trim())) return undefined;
  const columns = bands.map((b, i) => (overlap([start, end], b.left, b.right) * 2 >= b.right - b.left ? i : -1)).filter((i) => i >= 0);
  return columns.length >= 2 ? columns : undefined;
}

const RULE_CHAR = /[-=_]/;

/**
 * "Sept. 30, Sept. 30," → one date per column, when every part has the same shape; on the line
 * just above the figures, "2003 Change" → a year and a change column.
 */
function splitByColumn(chunk: Chunk, ext: Array<[number, number]>, bottom: boolean): string[] | undefined {
  const parts: string[][] = ext.map(() => []);
  for (const word of chunks(chunk.text, WORDS)) {
    const start = chunk.start + word.start;
    const end = chunk.start + word.end;
    let best = -1;
    let bestOverlap = 0;
    ext.forEach((e, i) => {
      const o = overlap(e, start, end);
      if (o > bestOverlap) {
        bestOverlap = o;
        best = i;
      }
    });
    if (best < 0) return undefined;
    parts[best].push(word.text);
  }
  const texts = parts.map((p) => p.join(' '));
  const used = texts.filter(Boolean);
  if (used.length < 2) return undefined;
  const shape = (s: string) => s.replace(/[A-Za-z]+/g, 'a').replace(/\d+/g, '9');
  const same = used.every((t) => shape(t) === shape(used[0]));
  const dated = /9/.test(shape(used[0])) || used.every((t) => t === used[0] && t.length > 3);
  if (same && dated) return texts;
  const yearsAndChanges = used.some((t) => YEAR.test(t)) && used.every((t) => YEAR.test(t) || CHANGE_COLUMN.test(t));
  return bottom && yearsAndChanges ? texts : undefined;
}

/** A header line with tabs is expanded with the tab width that sets its words over the columns. */
function chooseTabWidth(lines: Lines, line: number, ext: Array<[number, number]>): void {
  bestTabWidth(lines, line, () => {
    const covered = new Set<number>();
    for (const c of chunks(lines.text(line), PHRASES)) ext.forEach((e, i) => overlap(e, c.start, c.end) > 0 && covered.add(i));
    return covered.size;
  });
}

/** "(In thousands)" or "(Dollars in millions, except per share amounts)" states the scale, not a period. */
function isScaleOnly(text: string): boolean {
  return /^\(?[^()]*\)?$/.test(text) && readScale(text) !== undefined && text.replace(/\([^)]*\)/g, '').trim() === '';
}
