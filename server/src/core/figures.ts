// Reads one line of a fixed-width table: a label on the left and figures on the right. A figure
// is what EDGAR filers printed in a value column: 1,234  (1,234)  $(3,195)  ($   39.0)  -1,234
// 68%  .37  and the nil marks - -- — n/a nm. Columns are expanded (tab-free) character positions.

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
    if (next && PREFIX.test(w.text) && /^[(\d.\-—–]/.test(next.text)) {
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

export function parseFigure(word: string, start: number): Token | undefined {
  // A footnote mark glued to a figure, "2(A)" or "1,234(1)", is not part of its value.
  const compact = word.replace(/\s+/g, '').replace(/(?<=[\d)%])\((?:[A-Za-z]|\d)\)$/, '');
  if (NIL.test(compact)) return makeNil(word, start, 'nil');
  if (NA.test(compact)) return makeNil(word, start, 'na');
  const m = FIGURE.exec(compact);
  if (!m || (!m[5] && !m[6])) return undefined;
  const opens = (m[1] ? 1 : 0) + (m[3] ? 1 : 0);
  const closes = (m[7] ? 1 : 0) + (m[9] ? 1 : 0);
  if (opens !== closes || opens > 1) return undefined;
  const integer = (m[5] ?? '0').replace(/,/g, '');
  const fraction = m[6] ?? '';
  const negative = opens === 1 || !!m[4];
  const magnitude = Number(integer + fraction);
  const firstDigit = word.search(/[\d.]/);
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
    tokens.unshift(token);
  }
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
  const label = labelWords.length ? text.slice(labelStart, labelEnd).replace(/\s+/g, ' ') : '';
  return { label, labelStart, labelEnd, tokens };
}

function lastLeaderEnd(text: string): number {
  const re = /\.{3,}|(?:\. ){2,}\.?/g;
  let end = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) end = m.index + m[0].length;
  return end;
}

/** Printed width of a rounding interval: half a unit of the last printed digit. */
export function halfUnit(decimals: number): number {
  return 0.5 * Math.pow(10, -decimals);
}
