// Per-line facts that table reading asks for again and again, computed once per line on demand:
// the tab-expanded text with markup blanked, the label/figures split, whether it is a rule.
// Everything is kept in typed arrays indexed by line (values in PerLine lists); most lines of a
// filing are prose, and for a line that needs no rewriting (no tab, no markup, no PEM escape) the
// raw text is read as it stands. Only the lines' shapes are worked out for all lines up front.
import { LineKind, type Envelope } from './envelope';
import { mayEndInFigure, scanLine, type ScannedLine } from './figures';
import { expandLine, isSpace, type ExpandedLine, type SourceText } from './text';

const TAG = /<\/?(S|C|CAPTION|TABLE|FN|PAGE|R|F\d+)>/gi;
const RULE = /^[\s\-=_~*+]*$/;

// A line's shape, from its raw text (tab widths do not change it).
const SHAPE_TAB = 2;
/** A tab, a "<" or a PEM escape: the expanded text may differ from the raw one. */
const SHAPE_REWRITTEN = 4;

/** Facts other modules derive from a line's expansion, remembered until its tab width changes. */
export const enum LineFact {
  FigureRow = 0,
  Prose = 1,
  YearRow = 2,
}

export class Lines {
  private readonly expanded: PerLine<ExpandedLine>;
  /** Text of plain lines, sliced once (their ExpandedLine is only made when an offset is asked for). */
  private readonly plainTexts: PerLine<string>;
  /** null: the line holds no figures. */
  private readonly scans: PerLine<ScannedLine | null>;
  private readonly tabWidths = new Map<number, number>();
  private readonly shapes: Uint8Array;
  /** isRule: 0 not known yet, 1 no, 2 yes. */
  private readonly rules: Uint8Array;
  /** Two bits per LineFact: known, and the answer. */
  private readonly facts: Uint8Array;

  constructor(readonly source: SourceText, readonly envelope: Envelope) {
    const n = source.starts.length;
    this.expanded = new PerLine(n);
    this.plainTexts = new PerLine(n);
    this.scans = new PerLine(n);
    this.shapes = lineShapes(source);
    this.rules = new Uint8Array(n);
    this.facts = new Uint8Array(n);
  }

  get count(): number {
    return this.source.starts.length;
  }

  kind(line: number): LineKind {
    return this.envelope.kinds[line] as LineKind;
  }

  isContent(line: number): boolean {
    return this.kind(line) === LineKind.Text;
  }

  /** Tab-expanded text with inline table markup blanked to spaces (columns keep their place). */
  get(line: number): ExpandedLine {
    let value = this.expanded.get(line);
    if (!value) {
      const raw = expandLine(this.source, line, this.tabWidths.get(line));
      let text = raw.text.indexOf('<') >= 0 ? raw.text.replace(TAG, (m) => ' '.repeat(m.length)) : raw.text;
      // PEM dash-escaping (RFC 934) put "- " before every line that began with "-".
      if (text.startsWith('- -')) text = `  ${text.slice(2)}`;
      value = text === raw.text ? raw : { line, text, offsetAt: raw.offsetAt };
      this.expanded.set(line, value);
    }
    return value;
  }

  /**
   * Offset in the document of an expanded column of a line. Only a tab moves columns away from
   * characters, so a line without one needs no ExpandedLine to answer.
   */
  offsetAt(line: number, column: number): number {
    if (this.hasTab(line)) return this.get(line).offsetAt(column);
    const start = this.source.starts[line];
    return start + Math.min(column, this.source.ends[line] - start);
  }

  /** True when the line's text is its raw text (no tab to expand, no markup, no PEM escape). */
  private isPlain(line: number): boolean {
    return (this.shapes[line] & SHAPE_REWRITTEN) === 0;
  }

  hasTab(line: number): boolean {
    return (this.shapes[line] & SHAPE_TAB) !== 0;
  }

  /** Re-expands a line with another tab width (filers' tools did not all use stops of 8). */
  setTabWidth(line: number, width: number): void {
    if ((this.tabWidths.get(line) ?? 8) === width) return;
    this.tabWidths.set(line, width);
    this.expanded.forget(line);
    this.scans.forget(line);
    this.rules[line] = 0;
    this.facts[line] = 0;
    // Whether a line in capitals is prose depends on the lines beside it (regions.ts).
    for (const step of [-1, 1] as const) {
      const n = this.neighbour(line, step);
      if (n >= 0) this.facts[n] &= ~(3 << (LineFact.Prose * 2));
    }
  }

  /** The next line up or down, past markup and the spacing of a double-spaced document; -1 past either end. */
  neighbour(line: number, step: -1 | 1): number {
    let n = line + step;
    while (n >= 0 && n < this.count && this.kind(n) === LineKind.Markup) n += step;
    return n < this.count ? n : -1;
  }

  text(line: number): string {
    const expanded = this.expanded.get(line);
    if (expanded) return expanded.text;
    if (!this.isPlain(line)) return this.get(line).text;
    let text = this.plainTexts.get(line);
    if (text === undefined) {
      text = this.source.text.slice(this.source.starts[line], this.source.ends[line]);
      this.plainTexts.set(line, text);
    }
    return text;
  }

  scan(line: number): ScannedLine | undefined {
    if (!this.isContent(line)) return undefined;
    let value = this.scans.get(line);
    if (value === undefined) {
      // A line whose last character can end no figure has none: no need to expand or split it.
      if (!mayEndInFigure(this.source.text, this.source.starts[line], this.source.ends[line])) value = null;
      else value = this.isRule(line) ? null : (scanLine(this.text(line)) ?? null);
      this.scans.set(line, value);
    }
    return value ?? undefined;
  }

  /** "-----", "=====", "- ----" (PEM-escaped), segmented rules under columns. */
  isRule(line: number): boolean {
    if (!this.isContent(line)) return false;
    const known = this.rules[line];
    if (known !== 0) return known === 2;
    const rule = this.isPlain(line) ? plainRule(this.source.text, this.source.starts[line], this.source.ends[line]) : expandedRule(this.text(line));
    this.rules[line] = rule ? 2 : 1;
    return rule;
  }

  isDoubleRule(line: number): boolean {
    return this.isRule(line) && this.text(line).includes('=');
  }

  /** `text(line).trim().length`, without copying a line that needs no rewriting. */
  trimmedLength(line: number): number {
    if (!this.isPlain(line)) return this.text(line).trim().length;
    const text = this.source.text;
    let start = this.source.starts[line];
    let end = this.source.ends[line];
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    return end - start;
  }

  indent(line: number): number {
    if (this.isPlain(line)) {
      const text = this.source.text;
      const start = this.source.starts[line];
      const end = this.source.ends[line];
      let i = start;
      while (i < end && text.charCodeAt(i) <= 32) i++;
      return i - start;
    }
    const text = this.text(line);
    let i = 0;
    while (i < text.length && text.charCodeAt(i) <= 32) i++;
    return i;
  }

  /** A remembered LineFact, or undefined when not worked out since the line was last expanded. */
  recall(line: number, fact: LineFact): boolean | undefined {
    const bits = this.facts[line] >> (fact * 2);
    return bits & 1 ? (bits & 2) !== 0 : undefined;
  }

  remember(line: number, fact: LineFact, value: boolean): boolean {
    this.facts[line] |= (value ? 3 : 1) << (fact * 2);
    return value;
  }
}

/**
 * A value for some lines of a document: a slot per line (a typed array, quick to make for 100k
 * lines) into a dense list of the values given. Most lines of a filing never get one; null is
 * kept in the slot itself, so the many lines found to hold nothing cost no list entry.
 */
class PerLine<T> {
  /** 0: no value; -1: null; k > 0: values[k - 1]. */
  private readonly slots: Int32Array;
  private readonly values: Array<T | undefined> = [];

  constructor(count: number) {
    this.slots = new Int32Array(count);
  }

  get(line: number): T | undefined {
    const slot = this.slots[line];
    if (slot > 0) return this.values[slot - 1];
    // -1 is only ever set for a null value, so T includes null here.
    return slot === 0 ? undefined : (null as T);
  }

  set(line: number, value: T): void {
    if (value === null) {
      this.slots[line] = -1;
      return;
    }
    const slot = this.slots[line];
    if (slot > 0) this.values[slot - 1] = value;
    else this.slots[line] = this.values.push(value);
  }

  forget(line: number): void {
    const slot = this.slots[line];
    if (slot > 0) this.values[slot - 1] = undefined;
    else this.slots[line] = 0;
  }
}

/**
 * Every line's shape in one sweep. The native search jumps from one tab (or "<") to the next, so
 * the lines between, most of a filing, are never read character by character.
 */
function lineShapes(source: SourceText): Uint8Array {
  const { text, starts, ends } = source;
  const shapes = new Uint8Array(starts.length);
  let tab = text.indexOf('\t');
  let lt = text.indexOf('<');
  for (let line = 0; line < starts.length; line++) {
    const start = starts[line];
    const end = ends[line];
    if (tab >= 0 && tab < start) tab = text.indexOf('\t', start);
    if (lt >= 0 && lt < start) lt = text.indexOf('<', start);
    let shape = 0;
    if (tab >= 0 && tab < end) shape |= SHAPE_TAB | SHAPE_REWRITTEN;
    else if (lt >= 0 && lt < end) shape |= SHAPE_REWRITTEN;
    if (end - start >= 3 && text.startsWith('- -', start)) shape |= SHAPE_REWRITTEN;
    shapes[line] = shape;
  }
  return shapes;
}

function expandedRule(text: string): boolean {
  if (!RULE.test(text)) return false;
  let marks = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === '-' || text[i] === '=' || text[i] === '_') marks++;
  return marks >= 3;
}

/** expandedRule of text.slice(start, end) without the slice or the regular expression. */
function plainRule(text: string, start: number, end: number): boolean {
  let marks = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 45 || c === 61 || c === 95) marks++;
    else if (c !== 126 && c !== 42 && c !== 43 && !isSpace(c)) return false;
  }
  return marks >= 3;
}
