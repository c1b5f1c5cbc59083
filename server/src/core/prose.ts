// Figures quoted in prose: "$16.0 million", "($0.04) per share", "a 12% increase", "1.2 billion".
// Each gets a value in units and the rounding interval of its printed digits, for hovers and ties.
import { LineKind } from './envelope';
import type { Lines } from './lines';
import type { ProseFigure, ProseUnit } from './model';
import { isSpace } from './text';

const FIGURE = /(\()?(\$\s?)?(\()?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\))?(?:\s?(million|billion|thousand|trillion)s?\b|\s?(%|percent\b))?(\s+per\s+(?:diluted\s+|basic\s+|common\s+)?share)?/gi;
const MULTIPLIER: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const MAX_PER_LINE = 40;

export function readProse(lines: Lines, inTable: Uint8Array): ProseFigure[] {
  const figures: ProseFigure[] = [];
  const { text, starts, ends } = lines.source;
  const marks = new NextMark(text);
  for (let line = 0; line < lines.count; line++) {
    if (inTable[line] || lines.kind(line) !== LineKind.Text) continue;
    if (!marks.within(starts[line], ends[line])) continue;
    readLine(lines, line, text.slice(starts[line], ends[line]), figures);
  }
  return figures;
}

const SCALE_WORD = /percent|illion/gi;

/**
 * Whether a stretch of the text holds "$", "%", "percent" or "illion", the marks of a quoted figure.
 * Asked for lines in order: it keeps the next place of each mark in the whole text, so the native
 * searches run once over the document instead of once per line, and lines without one are never sliced.
 */
class NextMark {
  // Where each mark occurs next (Infinity: nowhere after); -1 until first asked.
  private dollar = -1;
  private percent = -1;
  private word = -1;
  private readonly pattern = new RegExp(SCALE_WORD);

  constructor(private readonly text: string) {}

  within(start: number, end: number): boolean {
    if (this.dollar < start) this.dollar = this.find('$', start);
    if (this.percent < start) this.percent = this.find('%', start);
    if (this.word < start) this.word = this.findWord(start);
    return this.dollar < end || this.percent < end || this.word < end;
  }

  private find(mark: string, from: number): number {
    const at = this.text.indexOf(mark, from);
    return at < 0 ? Infinity : at;
  }

  private findWord(from: number): number {
    this.pattern.lastIndex = from;
    const m = this.pattern.exec(this.text);
    return m ? m.index : Infinity;
  }
}

function readLine(lines: Lines, line: number, raw: string, out: ProseFigure[]): void {
  FIGURE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = FIGURE.exec(raw)) && count < MAX_PER_LINE) {
    const figure = toFigure(lines, line, raw, m);
    if (figure) {
      out.push(figure);
      count++;
    }
  }
}

function toFigure(lines: Lines, line: number, raw: string, m: RegExpExecArray): ProseFigure | undefined {
  const [, open1, dollar, open2, integer, fraction, close, scaleWord, percent, perShare] = m;
  const currency = !!dollar;
  if (!currency && !scaleWord && !percent) return undefined;
  if (!currency && scaleWord && !/\d/.test(integer)) return undefined;
  const before = raw[m.index - 1];
  if (before && /[\w.]/.test(before)) return undefined;
  const negative = !!(open1 || open2) && !!close;
  let text = m[0];
  let start = m.index;
  if ((open1 || open2) && !close) {
    text = text.replace(/^\(/, '');
    start++;
  }
  const decimals = fraction ? fraction.length - 1 : 0;
  const multiplier = scaleWord ? MULTIPLIER[scaleWord.toLowerCase()] : 1;
  const magnitude = Number(integer.replace(/,/g, '') + (fraction ?? '')) * multiplier;
  const lineStart = lines.source.starts[line];
  const context = sentenceAround(lines, line, start);
  // "diluted EPS of $0.38": the clause says what the bare amount is.
  const unit: ProseUnit = percent ? 'percent' : perShare || (currency && !scaleWord && PER_SHARE_BEFORE.test(context.slice(-48))) ? 'perShare' : currency ? 'currency' : 'count';
  return {
    span: { start: lineStart + start, end: lineStart + start + text.trimEnd().length },
    text: text.trimEnd(),
    line,
    value: negative ? -magnitude : magnitude,
    halfUnit: 0.5 * Math.pow(10, -decimals) * multiplier,
    unit,
    scaleWord: scaleWord?.toLowerCase() ?? '',
    context,
  };
}

/** A clause ending in "EPS of", "earnings per diluted share were": the amount after it is per share. */
const PER_SHARE_BEFORE = /\b(eps|earnings per (basic |diluted |common )?share|per (basic |diluted |common )?share)( \w+)?( of| was| were| totaled| to| at)?\s*$/i;

/**
 * The clause before a figure, across a wrapped line, for matching line items ("Total revenues ...
 * were"): the text of the previous line and this one up to the figure, from after the last ". " or
 * "; ", white space collapsed, at most 160 characters. The break is looked for in the raw text
 * first, so only the clause itself is copied and collapsed (into a string of its own: the model
 * must not hold slices that keep the document alive).
 */
function sentenceAround(lines: Lines, line: number, column: number): string {
  const { text, starts, ends } = lines.source;
  const start = starts[line];
  const end = start + column;
  let clause: string;
  const inLine = afterLastBreak(text, start, end, false);
  if (inLine >= 0) clause = text.slice(inLine, end);
  else if (line > 0 && lines.kind(line - 1) === LineKind.Text) {
    // The previous line is joined to this one by a space: a mark at its very end is a break too.
    const inPrevious = afterLastBreak(text, starts[line - 1], ends[line - 1], true);
    clause = `${text.slice(inPrevious >= 0 ? inPrevious : starts[line - 1], ends[line - 1])} ${text.slice(start, end)}`;
  } else clause = text.slice(start, end);
  return clause.replace(/\s+/g, ' ').trim().slice(-160);
}

/**
 * Offset just after the last "." or ";" followed by white space in text[start, end), or -1. With
 * `spaceAfter` the text is taken to go on with a space (a line joined to the next one).
 */
function afterLastBreak(text: string, start: number, end: number, spaceAfter: boolean): number {
  for (let i = end - 1; i >= start; i--) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 59) continue;
    if (i + 1 < end ? isSpace(text.charCodeAt(i + 1)) : spaceAfter) return i + 1;
  }
  return -1;
}
