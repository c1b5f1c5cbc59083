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

interface Word {
  start: number;
  end: number;
  text: string;
}

const FIGURE = /^(\()?(\$)?(\()?(-)?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(\))?(%)?(\))?\*{0,3}$/;
const NIL = /^\$?\(?(-{1,3}|—|–|―|-0-)\)?%?$/;
const NA = /^(n\/a|na|nm|n\/m|n\.m\.|n\.a\.|\*{1,3})$/i;
const FOOTNOTE_MARK = /^\([a-z]\)$|^\*{1,3}$/i;
const PREFIX = /^(\$|\(|\(\$|\$\()$/;
/** halfUnit(d) for the usual numbers of decimals, computed once. */
const HALF_UNITS: readonly number[] = Array.from({ length: 16 }, (_, d) => 0.5 * Math.pow(10, -d));

/** Blanks out dot leaders so "Net sales.......$1,578" splits into label and figure. */
export function blankLeaders(text: string): string {
  if (text.indexOf('..') < 0 && text.indexOf('. .') < 0) return text;
  return text.replace(/\.{2,}|(?:\. ){2,}\.?/g, (m) => ' '.repeat(m.length));
}

function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && text.charCodeAt(i) <= 32) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && text.charCodeAt(i) > 32) i++;
    words.push({ start, end: i, text: text.slice(start, i) });
  }
  return words;
}

/** Joins "$" "1,578" → "$   1,578" and "($" "39.0)" → "($   39.0)" into one figure word. */
function joinFragments(words: Word[], text: string): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    if (next && w.text.length <= 2 && PREFIX.test(w.text) && opensFigure(next.text.charCodeAt(0))) {
      out.push({ start: w.start, end: next.end, text: text.slice(w.start, next.end) });
      i++;
    } else if (next && next.text === '%' && /\d\)?$/.test(w.text)) {
      out.push({ start: w.start, end: next.end, text: text.slice(w.start, next.end) });
      i++;
    } else {
      out.push(w);
    }
  }
  return out;
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
  const m = FIGURE.exec(compact);
  if (!m || (!m[5] && !m[6])) return undefined;
  const opens = (m[1] ? 1 : 0) + (m[3] ? 1 : 0);
  const closes = (m[7] ? 1 : 0) + (m[9] ? 1 : 0);
  if (opens !== closes || opens > 1) return undefined;
  const integer = (m[5] ?? '0').replace(/,/g, '');
  const fraction = m[6] ?? '';
  const negative = opens === 1 || !!m[4];
  const magnitude = Number(integer + fraction);
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
    decimals: fraction ? fraction.length - 1 : 0,
    negative,
    percent: !!m[8],
    currency: !!m[2],
    formatted: !!(m[2] || opens || m[8] || fraction || (m[5] && m[5].includes(','))),
  };
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
  const text = blankLeaders(expanded);
  const leaderEnd = text === expanded ? -1 : lastLeaderEnd(expanded);
  let words = splitWords(text);
  if (words.length === 0) return undefined;
  words = joinFragments(words, text);
  // A trailing footnote mark "(a)" or "*" after the figures belongs to nothing we sum.
  while (words.length > 1 && FOOTNOTE_MARK.test(words[words.length - 1].text) && parseFigure(words[words.length - 2].text, 0)) {
    words.pop();
  }
  const tokens: Token[] = [];
  let i = words.length - 1;
  for (; i >= 0; i--) {
    const token = parseFigure(words[i].text, words[i].start);
    if (!token) break;
    // No filed table has this many columns: a line of hundreds of numbers is data, not a row.
    if (tokens.length >= MAX_FIGURES_PER_ROW) return undefined;
    tokens.push(token);
  }
  tokens.reverse();
  // Figures glued to the label by a single space belong to the label ("Notes due 2005").
  while (tokens.length > 0 && i >= 0) {
    const gap = tokens[0].start - words[i].end;
    if (gap >= 2) break;
    tokens.shift();
    i++;
  }
  // Whatever stands before a dot leader is the label ("$1.66 - $9.97........   937").
  while (tokens.length > 0 && tokens[0].start < leaderEnd) {
    tokens.shift();
    i++;
  }
  if (tokens.length === 0) return undefined;
  if (tokens.every((t) => t.kind !== 'number')) {
    if (i < 0 || tokens.length < 1) return undefined;
  }
  const labelWords = words.slice(0, i + 1);
  const labelStart = labelWords.length ? labelWords[0].start : tokens[0].start;
  const labelEnd = labelWords.length ? labelWords[labelWords.length - 1].end : tokens[0].start;
  const label = labelWords.length ? singleSpaced(text.slice(labelStart, labelEnd)) : '';
  return { label, labelStart, labelEnd, tokens };
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
  // "n/a", "nm", "n.m.": otherwise letters and punctuation end words, not figures.
  if (c !== 97 && c !== 65 && c !== 109 && c !== 77 && c !== 46) return false;
  let first = last;
  while (first > start && text.charCodeAt(first - 1) > 32) first--;
  const word = text.slice(first, last + 1);
  // Dot leaders are blanked before words are split, markup before that: let scanLine judge those.
  if (word.charCodeAt(0) === 46 || word.includes('..') || word.includes('<')) return true;
  return NA.test(word);
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
