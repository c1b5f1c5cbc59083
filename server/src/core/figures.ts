// Reads one line of a fixed-width table: a label on the left and figures on the right. A figure
// is what EDGAR filers printed in a value column: 1,234  (1,234)  $(3,195)  ($   39.0)  -1,234
// 68%  .37  and the nil marks - -- — n/a nm. Columns are expanded (tab-free) character positions.
import { singleSpaced } from './text';

export interface Token {
  /** Expanded columns of the whole figure including $ ( ) %. */
  start: number;
  end: number;
  /** Expanded columns of the digits only: figures align on these. */
  digitStart: number;
  digitEnd: number;
  text: string;
  kind: 'number' | 'nil' | 'na';
  value: number | null;
  decimals: number;
  negative: boolean;
  percent: boolean;
  /** A multiple: "2.41x". */
  times: boolean;
  /** A change in points: 1 for "3.9 pts" / "3.9 pp", 0.01 for "50 bps"; 0 otherwise. */
  points: number;
  currency: boolean;
  /** True when the figure has thousands separators, a decimal point, $, ( ) or %. */
  formatted: boolean;
}

export interface ScannedLine {
  label: string;
  labelStart: number;
  labelEnd: number;
  tokens: Token[];
}

const NIL = /^\$?\(?(-{1,3}|—|–|―|-0-)\)?%?$/;
const NA = /^(n\/a|na|nm|n\/m|n\.m\.|n\.a\.|\*{1,3})$/i;
/** halfUnit(d) for the usual numbers of decimals, computed once. */
const HALF_UNITS: readonly number[] = Array.from({ length: 16 }, (_, d) => 0.5 * Math.pow(10, -d));

/** Blanks out dot leaders so "Net sales.......$1,578" splits into label and figure. */
function blankLeaders(text: string): string {
  if (text.indexOf('..') < 0 && text.indexOf('. .') < 0) return text;
  return text.replace(/\.{2,}|(?:\. ){2,}\.?/g, (m) => ' '.repeat(m.length));
}

/**
 * The words of a line read from its end: what splitting at white space and then joining figure
 * fragments ("$" "1,578" → "$   1,578") left to right would give, in reverse order, made only as
 * far as they are asked for. A row is read from its figures back to its label, and the label's
 * words are never split. One reader serves every line; its buffers are kept between lines.
 */
class WordsFromEnd {
  private text = '';
  /** Words between white space, last first; text before `splitTo` is not split yet. */
  private rawStarts: Int32Array = new Int32Array(32);
  private rawEnds: Int32Array = new Int32Array(32);
  private rawCount = 0;
  private splitTo = 0;
  /** Words with their fragments joined, last first; `nextRaw` is the first raw word not in one. */
  private starts: Int32Array = new Int32Array(32);
  private ends: Int32Array = new Int32Array(32);
  private count = 0;
  private nextRaw = 0;

  read(text: string): void {
    this.text = text;
    this.rawCount = 0;
    this.splitTo = text.length;
    this.count = 0;
    this.nextRaw = 0;
  }

  /** Whether the line has a k-th word counted from its end (0 is the last word). */
  has(k: number): boolean {
    while (this.count <= k) if (!this.joinNext()) return false;
    return true;
  }

  start(k: number): number {
    return this.starts[k];
  }

  end(k: number): number {
    return this.ends[k];
  }

  /**
   * Fragments are joined left to right, each word to the one after it when they go together and
   * it was not itself joined to the one before. So a word is the second half of a pair exactly
   * when an odd number of joinable pairs runs up to it from the left.
   */
  private joinNext(): boolean {
    const k = this.nextRaw;
    if (!this.splitRaw(k)) return false;
    let run = 0;
    while (this.splitRaw(k + run + 1) && this.joinable(k + run + 1, k + run)) run++;
    const first = run % 2 === 1 ? k + 1 : k;
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
    }
    this.starts[this.count] = this.rawStarts[first];
    this.ends[this.count] = this.rawEnds[k];
    this.count++;
    this.nextRaw = first + 1;
    return true;
  }

  /** "$" or "(" before a figure, or a figure before "%": raw words `left` and `right` (right = left - 1). */
  private joinable(left: number, right: number): boolean {
    const text = this.text;
    const start = this.rawStarts[left];
    const end = this.rawEnds[left];
    const nextStart = this.rawStarts[right];
    if (isPrefix(text, start, end) && opensFigure(text.charCodeAt(nextStart))) return true;
    return this.rawEnds[right] - nextStart === 1 && text.charCodeAt(nextStart) === 37 && endsInDigit(text, start, end);
  }

  /** Whether the line has a k-th raw word from its end, splitting backwards as far as needed. */
  private splitRaw(k: number): boolean {
    const text = this.text;
    while (this.rawCount <= k) {
      let i = this.splitTo - 1;
      while (i >= 0 && text.charCodeAt(i) <= 32) i--;
      if (i < 0) {
        this.splitTo = 0;
        return false;
      }
      const end = i + 1;
      while (i >= 0 && text.charCodeAt(i) > 32) i--;
      if (this.rawCount === this.rawStarts.length) {
        this.rawStarts = grown(this.rawStarts);
        this.rawEnds = grown(this.rawEnds);
      }
      this.rawStarts[this.rawCount] = i + 1;
      this.rawEnds[this.rawCount] = end;
      this.rawCount++;
      this.splitTo = i + 1;
    }
    return true;
  }
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

const words = new WordsFromEnd();

/** "$", "(", "($" or "$(": printed apart from the figure it opens. */
function isPrefix(text: string, start: number, end: number): boolean {
  const a = text.charCodeAt(start);
  if (end - start === 1) return a === 36 || a === 40;
  if (end - start !== 2) return false;
  const b = text.charCodeAt(start + 1);
  return (a === 40 && b === 36) || (a === 36 && b === 40);
}

/** The word ends in a digit, or in a digit and ")": a figure that a "%" printed apart may follow. */
function endsInDigit(text: string, start: number, end: number): boolean {
  let last = text.charCodeAt(end - 1);
  if (last === 41 && end - start >= 2) last = text.charCodeAt(end - 2);
  return last >= 48 && last <= 57;
}

/** "(a)" or one to three "*": a footnote mark. */
function isFootnoteMark(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length === 3 && text.charCodeAt(start) === 40 && text.charCodeAt(start + 2) === 41) {
    const c = text.charCodeAt(start + 1) | 32;
    return c >= 97 && c <= 122;
  }
  if (length < 1 || length > 3) return false;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== 42) return false;
  return true;
}

/**
 * False when the word starting at `start` cannot be a figure, nil mark or "n/a" by its first
 * character, so the label word in front of a row's figures is not copied only to be refused.
 */
function mayBeFigure(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  // ( $ * - . digits, n N, and anything beyond ASCII (dashes, Unicode spaces).
  return c === 40 || c === 36 || c === 42 || c === 45 || c === 46 || (c >= 48 && c <= 57) || c === 110 || c === 78 || c >= 128;
}

/** "(", a digit, ".", "-", "—" or "–": what may follow a "$" or "(" printed apart from its figure. */
function opensFigure(c: number): boolean {
  return c === 40 || (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 0x2014 || c === 0x2013;
}

const GLUED_FOOTNOTE = /(?<=[\d)%])\((?:[A-Za-z]|\d)\)$/;

export function parseFigure(word: string, start: number): Token | undefined {
  // The regular expressions below run only where a cheap look at the characters says they may match.
  let compact = word;
  let dash = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c <= 32 || c >= 128) {
      // Whitespace (any \s), dashes and other non-ASCII: take the general path.
      compact = word.replace(/\s+/g, '');
      dash = true;
      break;
    }
    if (c === 45) dash = true;
  }
  // A footnote mark glued to a figure, "2(A)" or "1,234(1)", is not part of its value.
  if (compact.length >= 4 && compact.charCodeAt(compact.length - 1) === 41) compact = compact.replace(GLUED_FOOTNOTE, '');
  if (dash && NIL.test(compact)) return makeNil(word, start, 'nil');
  const first = compact.charCodeAt(0);
  if ((first === 110 || first === 78 || first === 42) && NA.test(compact)) return makeNil(word, start, 'na');
  const m = matchFigure(compact);
  if (!m) return undefined;
  const negative = m.opens === 1 || m.minus;
  const decimals = m.fractionStart < 0 ? 0 : m.end - m.fractionStart - 1;
  const magnitude = figureValue(compact, m);
  const firstDigit = firstDigitOrPoint(word);
  const lastDigit = lastIndexOfDigit(word);
  return {
    start,
    end: start + word.length,
    digitStart: start + firstDigit,
    digitEnd: start + lastDigit + 1,
    text: word,
    kind: 'number',
    value: negative ? -magnitude : magnitude,
    decimals,
    negative,
    percent: m.percent,
    times: m.times,
    points: m.points,
    currency: m.currency,
    formatted: m.currency || m.opens > 0 || m.percent || m.times || m.points > 0 || m.fractionStart >= 0 || m.commas,
  };
}

/** Where the parts of a figure are in its compact text, as FIGURE's groups would say. */
interface FigureMatch {
  opens: number;
  currency: boolean;
  minus: boolean;
  /** Integer digits (with commas) [integerStart, integerEnd); empty when the figure is ".37". */
  integerStart: number;
  integerEnd: number;
  commas: boolean;
  /** Offset of the decimal point, or -1; the fraction's digits run to `end`. */
  fractionStart: number;
  end: number;
  percent: boolean;
  times: boolean;
  points: number;
}

function endsInPoints(text: string, start: number, last: number): boolean {
  let first = last;
  while (first > start && text.charCodeAt(first - 1) > 32) first--;
  const word = text.slice(first, last + 1).toLowerCase();
  if (word !== 'pts' && word !== 'bps' && word !== 'pp') return false;
  let before = first - 1;
  while (before > start && text.charCodeAt(before) <= 32) before--;
  return before >= start && (isDigit(text.charCodeAt(before)) || text.charCodeAt(before) === 41);
}

/**
 * FIGURE as a scan of the characters, `^(\()?(\$)?(\()?(-)?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(\))?(%)?(\))?\*{0,3}$`,
 * and the checks made on its groups (digits present, parentheses balanced and at most one pair).
 * Every part is optional and none can stand for another, so taking each when it is there is how
 * the expression matches too. Figures are parsed for every row of every table: no match arrays,
 * no substrings.
 */
function matchFigure(s: string): FigureMatch | undefined {
  const n = s.length;
  let i = 0;
  let opens = 0;
  let closes = 0;
  if (codeAt(s, i) === 40) (opens++, i++);
  const currency = codeAt(s, i) === 36;
  if (currency) i++;
  if (codeAt(s, i) === 40) (opens++, i++);
  const minus = codeAt(s, i) === 45;
  if (minus) i++;
  const integerStart = i;
  while (isDigit(codeAt(s, i))) i++;
  let commas = false;
  if (codeAt(s, i) === 44) {
    // Thousands groups follow one to three digits, three digits each, and no digit after the last.
    if (i - integerStart < 1 || i - integerStart > 3) return undefined;
    while (codeAt(s, i) === 44) {
      if (!isDigit(codeAt(s, i + 1)) || !isDigit(codeAt(s, i + 2)) || !isDigit(codeAt(s, i + 3)) || isDigit(codeAt(s, i + 4))) return undefined;
      i += 4;
    }
    commas = true;
  }
  const integerEnd = i;
  let fractionStart = -1;
  if (codeAt(s, i) === 46) {
    if (!isDigit(codeAt(s, i + 1))) return undefined;
    fractionStart = i;
    i++;
    while (isDigit(codeAt(s, i))) i++;
  }
  const end = i;
  if (integerEnd === integerStart && fractionStart < 0) return undefined;
  if (codeAt(s, i) === 41) (closes++, i++);
  const percent = codeAt(s, i) === 37;
  if (percent) i++;
  // "2.41x": a multiple, written straight after its digits.
  const times = !percent && end === i && (codeAt(s, i) === 120 || codeAt(s, i) === 88);
  if (times) i++;
  // "3.9pts", "50bps", "1.2pp": scanLine has joined the unit to its digits.
  // (after a closing parenthesis too: "(1.8)pts")
  const unit = !percent && !times && ((codeAt(s, i) | 32) === 112 || (codeAt(s, i) | 32) === 98) ? pointsUnit(s, i) : undefined;
  if (unit) i += unit.length;
  const points = unit === 'bps' ? 0.01 : unit ? 1 : 0;
  if (codeAt(s, i) === 41) (closes++, i++);
  for (let stars = 0; stars < 3 && codeAt(s, i) === 42; stars++) i++;
  if (i !== n || opens !== closes || opens > 1) return undefined;
  return { opens, currency, minus, integerStart, integerEnd, commas, fractionStart, end, percent, times, points };
}

/** "pts", "bps" or "pp" at i, in any case: the unit of a change in points. */
function pointsUnit(s: string, i: number): string | undefined {
  const unit = s.slice(i, i + 3).toLowerCase();
  if (unit === 'pts' || unit === 'bps') return unit;
  return unit.startsWith('pp') ? 'pp' : undefined;
}

/** The figure's magnitude: its digits without thousands separators, read as a number. */
function figureValue(s: string, m: FigureMatch): number {
  const integer = m.integerEnd === m.integerStart ? '0' : s.slice(m.integerStart, m.integerEnd);
  const fraction = m.fractionStart < 0 ? '' : s.slice(m.fractionStart, m.end);
  return Number((m.commas ? integer.replace(/,/g, '') : integer) + fraction);
}

/**
 * The character code at i, or -1 past the end. Reading past the end of a string gives NaN, and
 * optimized code is thrown away the first time that happens at each place it is done.
 */
function codeAt(s: string, i: number): number {
  return i < s.length ? s.charCodeAt(i) : -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function firstDigitOrPoint(word: string): number {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 46) return i;
  }
  return -1;
}

function lastIndexOfDigit(word: string): number {
  for (let i = word.length - 1; i >= 0; i--) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return i;
  }
  return word.length - 1;
}

function makeNil(word: string, start: number, kind: 'nil' | 'na'): Token {
  return {
    start,
    end: start + word.length,
    digitStart: start,
    digitEnd: start + word.length,
    text: word,
    kind,
    value: kind === 'nil' ? 0 : null,
    decimals: 0,
    negative: false,
    percent: false,
    times: false,
    points: 0,
    currency: word.includes('$'),
    formatted: false,
  };
}

/**
 * Splits a line into label and trailing figures, or returns undefined when the line ends in
 * words (prose, headings). The first figure must stand apart from the label by two spaces or a
 * dot leader, so "December 31, 1997" stays in a label while "Total     1,234" does not.
 */
export function scanLine(expanded: string): ScannedLine | undefined {
  const blanked = blankLeaders(expanded);
  // "3.9 pts" is one figure: the unit is moved onto its digits, every column kept where it was.
  const text = POINTS_APART.test(blanked) ? blanked.replace(POINTS_APART_ALL, '$1$2 ') : blanked;
  words.read(text);
  try {
    return splitLine(text, blanked === expanded ? -1 : lastLeaderEnd(expanded));
  } finally {
    // The reader outlives the line: it must not hold on to it, nor to the document it is cut from.
    words.read('');
  }
}

const POINTS_APART = /[\d)] (pts|bps|pp)\b/i;
const POINTS_APART_ALL = /([\d)]) (pts|bps|pp)\b/gi;

/** scanLine of a line with its dot leaders blanked, once `words` reads it. */
function splitLine(text: string, leaderEnd: number): ScannedLine | undefined {
  if (!words.has(0)) return undefined;
  // A trailing footnote mark "(a)" or "*" after the figures belongs to nothing we sum.
  let last = 0;
  while (words.has(last + 1) && isFootnoteMark(text, words.start(last), words.end(last)) && parseFigure(text.slice(words.start(last + 1), words.end(last + 1)), 0)) {
    last++;
  }
  const tokens: Token[] = [];
  // The label's last word, counted from the end like the figures before it.
  let label = last;
  for (; words.has(label); label++) {
    const start = words.start(label);
    const token = mayBeFigure(text, start) ? parseFigure(text.slice(start, words.end(label)), start) : undefined;
    if (!token) break;
    // No filed table has this many columns: a line of hundreds of numbers is data, not a row.
    if (tokens.length >= MAX_FIGURES_PER_ROW) return undefined;
    tokens.push(token);
  }
  tokens.reverse();
  // Figures glued to the label by a single space belong to the label ("Notes due 2005").
  while (tokens.length > 0 && words.has(label)) {
    const gap = tokens[0].start - words.end(label);
    if (gap >= 2) break;
    tokens.shift();
    label--;
  }
  // Whatever stands before a dot leader is the label ("$1.66 - $9.97........   937").
  while (tokens.length > 0 && tokens[0].start < leaderEnd) {
    tokens.shift();
    label--;
  }
  if (tokens.length === 0) return undefined;
  // A range printed where the label goes ("$0.30 - $0.50    1,550,892") is the label.
  if (!words.has(label) && tokens.length > 3 && isRange(tokens)) {
    const end = tokens[2].end;
    return { label: singleSpaced(text.slice(tokens[0].start, end)), labelStart: tokens[0].start, labelEnd: end, tokens: tokens.slice(3) };
  }
  const labelled = words.has(label);
  if (!labelled && tokens.every((t) => t.kind !== 'number')) return undefined;
  if (!labelled) return { label: '', labelStart: tokens[0].start, labelEnd: tokens[0].start, tokens };
  let labelStart = 0;
  while (text.charCodeAt(labelStart) <= 32) labelStart++;
  const labelEnd = words.end(label);
  return { label: singleSpaced(text.slice(labelStart, labelEnd)), labelStart, labelEnd, tokens };
}

/** "$1.66 - $9.97": two figures joined by a dash set close, not three columns. */
function isRange(tokens: Token[]): boolean {
  const [from, dash, to] = tokens;
  return from.kind === 'number' && dash.kind === 'nil' && dash.text === '-' && to.kind === 'number' && dash.start - from.end <= 2 && to.start - dash.end <= 2;
}

/**
 * False when a line certainly holds no trailing figures, so that `scanLine` of it is undefined:
 * its last character can end no figure, nil mark or "n/a". Looks at the raw line, `text` from
 * `start` to `end`: expanding tabs, blanking markup and undoing the PEM escape leave a line's last
 * word as it is unless markup touches it, and then the answer is yes. Most lines of a filing are
 * prose, and this spares them the expansion and the split into words.
 */
export function mayEndInFigure(text: string, start: number, end: number): boolean {
  let last = end - 1;
  while (last >= start && text.charCodeAt(last) <= 32) last--;
  if (last < start) return false;
  const c = text.charCodeAt(last);
  // Digits ) % * - and anything beyond ASCII (dashes, Unicode spaces) may end a figure; ">" may
  // end markup that hides the figures before it.
  if ((c >= 48 && c <= 57) || c === 41 || c === 37 || c === 42 || c === 45 || c === 62 || c >= 128) return true;
  // "2.41x"
  if ((c === 120 || c === 88) && last > start && isDigit(text.charCodeAt(last - 1))) return true;
  // "3.9 pts", "50 bps", "1.2 pp" (asked only of lines ending in s or p: most end in other letters)
  if ((c | 32) === 115 || (c | 32) === 112) {
    if (endsInPoints(text, start, last)) return true;
  }
  // "n/a", "nm", "n.m.": otherwise letters and punctuation end words, not figures.
  if (c !== 97 && c !== 65 && c !== 109 && c !== 77 && c !== 46) return false;
  let first = last;
  while (first > start && text.charCodeAt(first - 1) > 32) first--;
  // Dot leaders are blanked before words are split, markup before that: let scanLine judge those.
  if (text.charCodeAt(first) === 46) return true;
  for (let i = first; i < last; i++) {
    const d = text.charCodeAt(i);
    if (d === 60 || (d === 46 && text.charCodeAt(i + 1) === 46)) return true;
  }
  // Ending so, only "n/a", "na", "nm", "n.m." and their like are figures: most such lines end a sentence.
  if (last - first >= 4 || (text.charCodeAt(first) | 32) !== 110) return false;
  return NA.test(text.slice(first, last + 1));
}

function lastLeaderEnd(text: string): number {
  const re = /\.{3,}|(?:\. ){2,}\.?/g;
  let end = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) end = m.index + m[0].length;
  return end;
}

const MAX_FIGURES_PER_ROW = 40;

/** Printed width of a rounding interval: half a unit of the last printed digit. */
export function halfUnit(decimals: number): number {
  return HALF_UNITS[decimals] ?? 0.5 * Math.pow(10, -decimals);
}

/** A bare year ("1999", not "1,999" or "$1999"): a column header or a label, not a value. */
export function isYearToken(t: Token): boolean {
  return t.kind === 'number' && !t.formatted && t.value !== null && t.value >= 1900 && t.value <= 2100;
}

/** What a cell's printed figure may be off by: half a unit of its last digit; a dash is exact. */
export function cellHalf(cell: { kind: string; decimals: number }): number {
  return cell.kind === 'number' ? halfUnit(cell.decimals) : 0;
}
