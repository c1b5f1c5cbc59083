// The title block above a table: company name, statement name, scale, "(Unaudited)". The title
// is the statement name as printed; the scale is read from the block or the header band.
import { LineKind } from './envelope';
import type { Lines } from './lines';
import type { Scale } from './model';
import { isFigureRow, isProse } from './regions';
import { readScale, UNIT_SCALE } from './scale';
import { rawLine } from './text';

export interface TitleBlock {
  title: string;
  /** First line of the block (the table's start). */
  startLine: number;
  scale: Scale;
}

const STATEMENT = /\b(statements?|balance sheets?|income|operations|cash flows?|highlights|results|summary|data|information|segments?|schedule|reconciliation|earnings|revenues?|sales|financial|equity|assets|liabilities|position|comprehensive|supplemental|selected|quarterly|pro forma|distribution|certificate|totals?)\b/i;
const STATEMENT_NAME = /\b(statements? of|reconciliations? of|balance sheets?|cash flows?|highlights|financial data|financial information|results of operations|income statements?|statements? of (operations|income|earnings))\b/i;
const NOISE = /^\(?(unaudited|audited|continued|restated|in (thousands|millions|billions)[^)]*|dollars in [^)]*|amounts in [^)]*)\)?$/i;
const COMPANY = /\b(inc|incorporated|corp|corporation|company|co|ltd|llc|plc|group|l\.?p|holdings|trust)\b\.?,?\s*$/i;
const MAX_TITLE_LINES = 7;
/** A caption in parentheses, as scales are printed under a title: "(in thousands ...) (unaudited)". */
const SCALE_CAPTION = /^(\([^()]*(\([^()]*\)[^()]*)*\)\s*)+$/;
/** Longer than this, a line is a sentence or a row of column headings, not a title. */
const MAX_TITLE_WIDTH = 90;

/** A line's length as typed, a tab counting one: tabs may push "(Unaudited)" far right of a title. */
function rawWidth(lines: Lines, line: number): number {
  return rawLine(lines.source, line).trim().length;
}

export function readTitle(lines: Lines, above: number, headerLines: number[]): TitleBlock {
  const block = collectBlock(lines, above);
  const first = block[0] ?? above + 1;
  const scale = findScale(lines, [...headerLines, ...block.slice().reverse(), ...linesAbove(lines, first)]);
  return { title: pickTitle(lines, block), startLine: first, scale: scale.source ? scale : leadInScale(lines, first) ?? scale };
}

/** Lines above the table, nearest last; stops at prose, figures, a big gap or another table. */
function collectBlock(lines: Lines, above: number): number[] {
  const block: number[] = [];
  let blanks = 0;
  for (let line = above; line >= 0 && block.length < MAX_TITLE_LINES; line--) {
    const kind = lines.kind(line);
    if (kind === LineKind.Skipped) break;
    if (kind === LineKind.Blank) {
      if (++blanks > 2) break;
      continue;
    }
    if (kind !== LineKind.Text) {
      if (endsSearch(lines, line)) break;
      continue;
    }
    if (lines.isRule(line)) continue;
    const wrapped = wrappedTitleStart(lines, line, MAX_TITLE_LINES - block.length);
    if (wrapped !== undefined && wrapped < line) {
      for (let l = line; l >= wrapped; l--) block.unshift(l);
      line = wrapped;
      blanks = 0;
      continue;
    }
    // "(Tabular information: Dollars in millions, except per share amounts)" reads like a sentence.
    if (!isScaleCaption(lines.text(line).trim()) && (isProse(lines, line) || isFigureRow(lines, line) || rawWidth(lines, line) > MAX_TITLE_WIDTH)) break;
    if (endsParagraph(lines, line)) break;
    if (blanks > 1 && block.length > 0) break;
    blanks = 0;
    block.unshift(line);
  }
  return block;
}

/**
 * A statement's name wrapped over several lines in capitals ("PRO FORMA CONSOLIDATED STATEMENTS OF
 * OPERATIONS / EXCLUDING IPR&D, AMORTIZATION OF GOODWILL AND ... / MINORITY INVESTMENTS") reads
 * like a paragraph typed in capitals. Running up from `line` without a gap, all in capitals, to a
 * line that names a statement, it is a title: where it starts.
 */
function wrappedTitleStart(lines: Lines, line: number, room: number): number | undefined {
  for (let l = line; l >= 0 && l > line - room; l--) {
    if (lines.kind(l) !== LineKind.Text || lines.isRule(l) || isFigureRow(lines, l)) return undefined;
    const text = lines.text(l).trim();
    // A sentence typed in capitals ends lines with "." or ":" and quotes; a title does not.
    if (/[a-z"]/.test(text) || /[.:;]$/.test(text) || rawWidth(lines, l) > MAX_TITLE_WIDTH) return undefined;
    if (STATEMENT_NAME.test(text)) return l;
  }
  return undefined;
}

/**
 * A few short lines above the title block: "(Dollars in thousands)" is sometimes printed over a
 * gap above "ASSETS" and the <TABLE> tag. Stops at prose, figures or another table.
 */
function linesAbove(lines: Lines, first: number): number[] {
  const out: number[] = [];
  for (let line = first - 1; line >= 0 && line >= first - 8; line--) {
    const kind = lines.kind(line);
    if (kind === LineKind.Skipped || endsSearch(lines, line)) break;
    if (kind !== LineKind.Text) continue;
    if (isProse(lines, line) || isFigureRow(lines, line)) break;
    out.push(line);
  }
  return out;
}

const LEAD_IN_GAP = 10;
const LEAD_IN_LINES = 6;

/**
 * "The following table sets forth the computation of ... (in thousands, except net income (loss)
 * and per share amounts):" — a scale stated in the sentence that introduces the table, when the
 * table prints none itself. Only a sentence ending in a colon just above the table counts.
 */
function leadInScale(lines: Lines, first: number): Scale | undefined {
  let line = first - 1;
  for (let gap = 0; line >= 0 && gap < LEAD_IN_GAP; line--, gap++) {
    const kind = lines.kind(line);
    if (kind === LineKind.Skipped) return undefined;
    if (endsSearch(lines, line)) return undefined;
    if (kind !== LineKind.Text || /^\d{1,3}$/.test(lines.text(line).trim())) continue; // page numbers
    break;
  }
  if (line < 0 || !lines.text(line).trimEnd().endsWith(':')) return undefined;
  const sentence: string[] = [];
  for (let k = line; k >= 0 && k > line - LEAD_IN_LINES && lines.kind(k) === LineKind.Text && !isFigureRow(lines, k); k--) sentence.unshift(lines.text(k).trim());
  const parenthetical = scaleParenthetical(sentence.join(' '));
  return parenthetical ? readScale(parenthetical) : undefined;
}

/** "(in thousands, except net income (loss) and per share amounts)", nested parentheses included. */
function scaleParenthetical(text: string): string | undefined {
  const start = text.search(/\((?:dollars |amounts )?in (thousands|millions|billions)\b/i);
  if (start < 0) return undefined;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '(') depth++;
    if (text[i] === ')' && --depth === 0) return text.slice(start, i + 1).replace(/\(([^()]*)\)(?=.)/g, '$1');
  }
  return undefined;
}

/** Titles, scales and lead-in sentences never come from another table or another EDGAR document. */
function endsSearch(lines: Lines, line: number): boolean {
  return lines.kind(line) === LineKind.Markup && /<\/TABLE>|<\/?(DOCUMENT|TEXT)>/i.test(rawLine(lines.source, line));
}

function findScale(lines: Lines, candidates: number[]): Scale {
  for (const line of candidates) {
    const scale = readScale(lines.text(line));
    if (scale) return scale;
  }
  return UNIT_SCALE;
}

function clean(text: string): string {
  return text
    .replace(/\((?:[^)]*\b(?:in (?:thousands|millions|billions)|omitted|unaudited|continued)\b[^)]*)\)/gi, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s:,-]+$/, '')
    .trim();
}

function pickTitle(lines: Lines, block: number[]): string {
  const texts = block.map((line) => clean(lines.text(line))).filter((t) => t && !NOISE.test(t) && !/^page \d+/i.test(t));
  // "CONSOLIDATED BALANCE SHEETS" over "ASSETS": a statement's name beats a section word.
  const strong = texts.map((t, i) => (STATEMENT_NAME.test(t) && !COMPANY.test(t) && !/^item\s+\d/i.test(t) ? i : -1)).filter((i) => i >= 0);
  const weak = texts.map((t, i) => (STATEMENT.test(t) && !COMPANY.test(t) ? i : -1)).filter((i) => i >= 0);
  const statementIdx = strong.length ? strong : weak;
  if (statementIdx.length === 0) return texts.filter((t) => !COMPANY.test(t)).pop() ?? texts.pop() ?? '';
  // Join the run of statement lines nearest the table ("PRO FORMA CONSOLIDATED STATEMENTS OF OPERATIONS / EXCLUDING ...").
  let last = statementIdx[statementIdx.length - 1];
  let first = last;
  while (first > 0 && statementIdx.includes(first - 1)) first--;
  // "Condensed Consolidated Statements of Operations and" / "Comprehensive Loss": a name wrapped mid-phrase.
  while (last + 1 < texts.length && /(\b(and|of|for|to|in)|[,&])$/i.test(texts[last])) last++;
  return texts.slice(first, last + 1).join(' ');
}

/**
 * A line that only a table's title block prints: a company's or a statement's name, or a scale
 * caption ("(Dollars in millions, except per share amounts)"). A "(continued)" title is the
 * caller's to judge (a page of the same table).
 */
export function isTitleLine(text: string): boolean {
  const trimmed = text.trim();
  // "BRAMBLEWOOD GRILL & TAP, INC." heads each statement of a release.
  const company = COMPANY.test(trimmed) && !/[a-z]/.test(trimmed) && trimmed.length <= 60;
  return company || STATEMENT_NAME.test(trimmed) || isScaleCaption(trimmed);
}

/** "(in thousands, except per share data) (unaudited)": parentheses only, one of them a scale. */
function isScaleCaption(trimmed: string): boolean {
  return SCALE_CAPTION.test(trimmed) && readScale(trimmed) !== undefined;
}

/**
 * A statement's name printed in the header band's stub, left of the columns ("RESULTS OF
 * OPERATIONS   1994   Change   1993"), for a table with no title above it. Only a phrase that
 * ends before the columns counts: a heading cut off there is no name.
 */
export function stubTitle(lines: Lines, bandLines: number[], valueLeft: number): string {
  for (const line of bandLines) {
    const text = lines.text(line);
    const phrase = /^\s*(\S+(?: \S+)*)/.exec(text);
    if (!phrase || phrase[0].length > valueLeft) continue;
    const stub = clean(phrase[1]);
    if (STATEMENT_NAME.test(stub) && !COMPANY.test(stub)) return stub;
  }
  return '';
}

/** The short last line of a paragraph ("1997 is as follows:") is prose, not a title. */
function endsParagraph(lines: Lines, line: number): boolean {
  const text = lines.text(line).trim();
  if (/^[a-z]/.test(text) || /(:|\bfollows\.?)$/i.test(text)) return true;
  return line > 0 && lines.kind(line - 1) === LineKind.Text && isProse(lines, line - 1);
}
