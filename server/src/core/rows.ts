// The body of a table: rows with their labels (wrapped labels joined), group headings such as
// "Revenues:", rules and blank lines that the footing check uses as boundaries.
import { columnOf, type ColumnBand } from './columns';
import { LineKind } from './envelope';
import { parseFigure, type ScannedLine, type Token } from './figures';
import { headerLeft, isHeaderLike } from './header';
import type { Lines } from './lines';
import type { Cell, Group, Measure, Row } from './model';
import { isFigureRow, isProse } from './regions';
import { readRowScale } from './scale';
import { wordCount } from './text';
import { isTitleLine } from './title';

/** The body as a sequence of rows and boundaries, in print order. */
export type BodyItem =
  | { kind: 'row'; row: number }
  | { kind: 'heading'; label: string; line: number; indent: number }
  | { kind: 'blank' }
  | { kind: 'rule'; double: boolean };

export interface Body {
  rows: Row[];
  items: BodyItem[];
  groups: Group[];
  lastLine: number;
  splitAt?: number;
}

interface Pending {
  lines: number[];
  text: string[];
  indent: number;
}

/** A row label that cannot end there ("SYSTEMS DEVELOPMENT AND"); unlike CONNECTOR, not "NET". */
const UNFINISHED = /(,|\band|\bof|\bfor|\bto|\bthe|\bin|\bwith|&)$/i;
/** A label line that goes on the line above: lower case, "(", or a dash before lower case ("-- weighted average"). */
const CONTINUES = /^([a-z(]|-+\s*[a-z])/;
/** The most lines a wrapped label runs over. */
const MAX_LABEL_LINES = 6;
/** Lines a title block may take between one table and the header band of the next. */
const MAX_TITLE_BLOCK = 8;
/** A label line this long was wrapped by the filer's tool rather than ended as a heading. */
const WRAPPED_WIDTH = 28;
const CONNECTOR = /(,|;|\band|\bor|\bof|\bfor|\bin|\bto|\bthe|\bper|\bbefore|\bafter|\bfrom|\bon|\bwith|\bat|\bby|\bless|\bnet|&|-|\/)$/i;
const PER_SHARE = /\bper (common |basic |diluted |ordinary |weighted |average )*(share|unit)|\bearnings per\b|\beps\b|\bdividends? (declared |paid )?per\b|\bper-share\b/i;
const SHARES = /\bweighted[- ]average\b(?! (exercise|interest|price|rate|remaining|life|fair|grant))|\bshares (used|outstanding|in (the )?comput)|\bnumber of (common )?shares\b|\b(common|ordinary) (and common equivalent )?shares\b(?! ?(subject|held|repurchased))|\baverage (common )?shares\b|\bshares used\b|\bincremental (common )?shares\b|\bdenominator\b/i;
/** Headings of the share side of an earnings-per-share reconciliation: the rows under them count shares. */
const SHARE_HEADING = /\b(effect|impact) of (potentially )?dilutive\b|\bdilutive (securities|effect|potential)\b|^(shares|denominator)( \([^)]*\))?:?$/i;
/** Words of the income side of the same reconciliation ("Interest on convertible debt, net of tax"). */
const NUMERATOR_WORDS = /\b(income|earnings|interest|dividends?|expenses?|tax(es)?|net of)\b/i;
const EQUITY_ACCOUNT = /\bpar value\b|^(common|preferred|preference|capital|treasury|convertible preferred) stock\b|^series [a-z0-9]+\b/i;
// Turns, days and multiples: pure numbers, neither scaled nor summed.
const RATIO_LABEL = /\b(turns|turnover|ratio|times|multiple|coverage)\b|\bdays (sales|inventory|payables?|receivables?)\b|\bdays? outstanding\b|\bdso\b/i;
const PERCENT_LABEL = /%|\bpercent(age)?\b|\bmargin\b(?!.*\$)|\bas a % of\b/i;
const BREAKDOWN = /^\(?(of which|including|includes|included in|excluding|excludes|memo|memorandum)\b|\bof which\b/i;

/**
 * Reads rows from `bodyLine` to `last`. A new header band after some rows (one that does not
 * repeat this table's own header lines) starts another table: `splitAt` says where.
 */
export function readBody(lines: Lines, bodyLine: number, last: number, bands: ColumnBand[], headerLines: number[]): Body {
  const reader = new BodyReader(lines, bands);
  const repeated = new Set(headerLines.map((line) => lines.text(line).trim()));
  for (let line = bodyLine; line <= last; line++) {
    if (reader.startsNewTable(line, repeated)) return { ...reader.finish(), splitAt: line };
    reader.read(line);
  }
  return reader.finish();
}

class BodyReader {
  readonly rows: Row[] = [];
  readonly items: BodyItem[] = [];
  readonly groups: Group[] = [];
  private pending: Pending | undefined;
  private readonly openGroups: Group[] = [];
  private readonly totalsSeen = new Set<Group>();
  private readonly firstIndent = new Map<Group, number>();
  private readonly colons = new Map<Group, boolean>();
  private readonly valueLeft: number;
  private readonly headerLeft: number;
  private lastLine = 0;

  constructor(private readonly lines: Lines, private readonly bands: ColumnBand[]) {
    this.valueLeft = bands.reduce((left, b) => Math.min(left, b.outerLeft), Infinity);
    this.headerLeft = headerLeft(bands);
  }

  read(line: number): void {
    const kind = this.lines.kind(line);
    if (kind === LineKind.Skipped) return;
    if (kind === LineKind.Blank) return this.boundary({ kind: 'blank' });
    if (kind !== LineKind.Text) return;
    if (this.lines.isRule(line)) return this.boundary({ kind: 'rule', double: this.lines.isDoubleRule(line) });
    if (isHeaderLike(this.lines, line, this.headerLeft)) return; // a header band repeated after a page break
    if (isFigureRow(this.lines, line)) return this.addRow(line);
    if (this.isParagraph(line)) return;
    this.addLabelLine(line);
  }

  startsNewTable(line: number, repeated: Set<string>): boolean {
    if (this.rows.length === 0 || this.pending) return false;
    const previous = this.items[this.items.length - 1];
    if (previous?.kind !== 'blank' && previous?.kind !== 'rule') return false;
    if (!isHeaderLike(this.lines, line, this.headerLeft)) return this.titlesNextTable(line);
    return !repeated.has(this.lines.text(line).trim());
  }

  /**
   * "RECONCILIATION OF GAAP TO NON-GAAP ..." and "(Dollars in millions ...)" over the same periods
   * as this table: another table in the same layout starts at its title, not a page of this one
   * continued (that says "continued", or prints no title at all).
   */
  private titlesNextTable(line: number): boolean {
    // After a double rule (a grand total) the statement is over: a heading in capitals titles the next.
    const closed = this.closedByDoubleRule();
    let titled = false;
    for (let next = line; next < this.lines.count && next < line + MAX_TITLE_BLOCK; next++) {
      const kind = this.lines.kind(next);
      if (kind === LineKind.Blank || kind === LineKind.Markup) continue;
      if (kind !== LineKind.Text) return false;
      if (isHeaderLike(this.lines, next, this.headerLeft)) return titled;
      if (isFigureRow(this.lines, next)) return false;
      if (this.lines.isRule(next)) continue;
      const text = this.lines.text(next);
      if (/\bcontinued\b/i.test(text)) return false;
      titled ||= isTitleLine(text) || (closed && isCapitalsHeading(text));
    }
    return false;
  }

  private closedByDoubleRule(): boolean {
    for (let i = this.items.length - 1; i >= 0; i--) {
      const item = this.items[i];
      if (item.kind === 'blank') continue;
      return item.kind === 'rule' && item.double;
    }
    return false;
  }

  /**
   * Prose inside a table is a note between its parts. A long line that heads a group ("...:") or
   * whose label goes on in the next line ("Accounts receivable, net of allowance for doubtful
   * accounts" over "of $57 at ... 273,257") is a label.
   */
  private isParagraph(line: number): boolean {
    if (!isProse(this.lines, line) || this.lines.text(line).trimEnd().endsWith(':')) return false;
    const next = this.below(line);
    if (next >= this.lines.count || !this.lines.isContent(next)) return true;
    if (isFigureRow(this.lines, next)) return false;
    return !/^[a-z(]/.test(this.lines.text(next).trim()) || (isProse(this.lines, next) && !this.labelEndsOnRow(next));
  }

  /**
   * "Pro forma net loss, excluding amortization of goodwill and" / "  other intangibles, equity in
   * losses ..." / "  and investment related costs   $ (184,885)": lines that each go on in lower
   * case down to a figure row are one label, however much they read like sentences.
   */
  private labelEndsOnRow(line: number): boolean {
    for (let next = line, k = 0; next < this.lines.count && k <= MAX_LABEL_LINES; next = this.below(next), k++) {
      if (!this.lines.isContent(next) || !/^[a-z(]/.test(this.lines.text(next).trim())) return false;
      if (isFigureRow(this.lines, next)) return true;
    }
    return false;
  }

  /** The line under this one, past markup and the spacing of a double-spaced document. */
  private below(line: number): number {
    const next = this.lines.neighbour(line, 1);
    return next < 0 ? this.lines.count : next;
  }

  finish(): Body {
    this.flushPending();
    for (const g of this.openGroups) g.endLine = Math.max(g.endLine, this.lastLine);
    return { rows: this.rows, items: this.items, groups: this.groups, lastLine: this.lastLine };
  }

  private boundary(item: BodyItem): void {
    this.flushPending();
    if (this.items.length && this.items[this.items.length - 1].kind === item.kind) return;
    this.items.push(item);
  }

  /**
   * Rows leave a group when they are printed left of its first row ("Charge for purchased R&D"
   * back at the level of "Cost of goods sold:"), or, for a heading without a colon, when a blank
   * line separates them from its rows and they are not indented under it.
   */
  private leaveGroups(indent: number, afterBlank: boolean): void {
    for (;;) {
      const group = this.openGroups[this.openGroups.length - 1];
      if (!group) return;
      // A group holding only groups ("Common stock, $0.01 par value:" over "Authorized shares --")
      // ends at a row printed at its own indent or left of it.
      const first = this.firstIndent.get(group) ?? (group.endLine > group.line ? this.indentOf(group) + 1 : undefined);
      if (first === undefined) return;
      const shallower = indent < first;
      const ended = afterBlank && !this.colons.get(group) && indent <= this.indentOf(group);
      if (!shallower && !ended) return;
      this.closeGroup(group.endLine);
    }
  }

  private addLabelLine(line: number): void {
    const text = this.lines.text(line).trim();
    const indent = this.lines.indent(line);
    const previous = this.items[this.items.length - 1];
    // "  of $96 ($99 at ...)" continues the row printed just above it; in capitals, where case tells
    // nothing, so does a line under a label that cannot end where it does ("... AND").
    const above = previous?.kind === 'row' ? this.rows[previous.row] : undefined;
    const carriesOn = /^[a-z(]/.test(text) || (capitals(text) && capitals(above?.label ?? '') && UNFINISHED.test(above?.label ?? ''));
    if (!this.pending && above && carriesOn && this.below(above.line) === line) {
      // "period        =========" ends the label and rules the figures above in one line.
      above.label = `${above.label} ${text.replace(/[=\-_]{3,}/g, ' ')}`.replace(/\s+/g, ' ').trim();
      return;
    }
    if (!this.pending) this.pending = { lines: [], text: [], indent };
    this.pending.lines.push(line);
    this.pending.text.push(text);
    if (!this.continuesBelow(line, text, indent)) this.flushPending();
  }

  /** Is this label line the start of a label whose figures come on a later line? */
  private continuesBelow(line: number, text: string, indent: number): boolean {
    if (text.endsWith(':')) return false;
    const next = this.below(line);
    if (next >= this.lines.count || !this.lines.isContent(next) || this.lines.isRule(next)) return false;
    const nextText = this.lines.scan(next)?.label || this.lines.text(next).trim();
    if (!nextText || (isProse(this.lines, next) && !this.labelEndsOnRow(next))) return false;
    if (CONTINUES.test(nextText) || CONNECTOR.test(text) || unbalanced(this.pending!.text.join(' '))) return true;
    // In capitals the next line's case tells nothing: a long label line over a figure row indented
    // deeper is the start of that row's label ("CHANGE IN ACCUMULATED TRANSLATION" / "  ADJUSTMENT").
    if (capitals(text) && capitals(nextText) && this.lines.indent(next) > indent && isFigureRow(this.lines, next)) {
      if (text.length >= WRAPPED_WIDTH) return true;
      // A short one is a heading when more rows follow at the figure row's indent ("REVENUES" over
      // "  PRODUCT  100" / "  SERVICE  50"), the start of a label when its one row stands alone
      // ("DILUTED NET INCOME/(LOSS)" over " PER SHARE  $(0.04)").
      const after = this.below(next);
      return !(after < this.lines.count && this.lines.isContent(after) && this.lines.indent(after) === this.lines.indent(next) && isFigureRow(this.lines, after));
    }
    // "Cash, Cash Equivalents" / "  and Short-Term" / "  Investments  $2,351": a label already
    // running on ends on the figure row printed at its own indent.
    const hanging = this.pending!.lines.length > 1 && indent > this.pending!.indent;
    return hanging && isFigureRow(this.lines, next) && this.lines.indent(next) === indent;
  }

  private flushPending(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    const joined = p.text.join(' ').replace(/\s+/g, ' ').trim();
    const label = joined.replace(/:$/, '').trim();
    this.openGroup(label, p.lines[0], p.indent, joined.endsWith(':'));
  }

  private openGroup(label: string, line: number, indent: number, colon: boolean): void {
    while (this.openGroups.length && this.closesAt(this.openGroups[this.openGroups.length - 1], label, indent)) {
      this.closeGroup(line - 1);
    }
    const group: Group = { label, line, endLine: line, depth: this.openGroups.length };
    this.colons.set(group, colon);
    this.groups.push(group);
    this.openGroups.push(group);
    this.items.push({ kind: 'heading', label, line, indent });
  }

  /**
   * A heading at the same indent or left of an open one follows it, unless the open one is a
   * section in capitals over a heading in mixed case: "ASSETS:" over "Current assets:" at the
   * margin holds it.
   */
  private closesAt(open: Group, label: string, indent: number): boolean {
    if (this.indentOf(open) < indent) return false;
    return !(this.indentOf(open) === indent && capitals(open.label) && /[a-z]/.test(label));
  }

  private indentOf(group: Group): number {
    return this.lines.indent(group.line);
  }

  closeGroup(endLine: number): void {
    const group = this.openGroups.pop();
    if (group) group.endLine = Math.max(group.line, endLine);
  }

  /**
   * A "Total X" row closes the open group X (and anything opened inside it); an unlabelled
   * subtotal, or a total naming no group, closes the innermost group if it holds no earlier total.
   */
  private closeGroupAtTotal(label: string, line: number): void {
    const isTotal = /^total\b/i.test(label);
    // "Net cash flows from financing activities" closes "Cash flows from financing activities:".
    const closesSection = /^net (cash|increase|decrease|change)\b/i.test(label);
    if (!isTotal && !closesSection && label !== '') return;
    const name = normalize(label.replace(/^total\s+/i, ''));
    const at = isTotal ? this.openGroups.findIndex((g) => normalize(g.label) === name) : -1;
    if (at >= 0) {
      while (this.openGroups.length > at) this.closeGroup(line);
      return;
    }
    const innermost = this.openGroups[this.openGroups.length - 1];
    if (innermost && !this.totalsSeen.has(innermost)) this.closeGroup(line);
    this.openGroups.forEach((g) => this.totalsSeen.add(g));
  }

  private addRow(line: number): void {
    const scan = this.rescueGlued(this.moveStubIntoLabel(this.lines.scan(line)!));
    const p = this.pending;
    this.pending = undefined;
    const indent = p ? p.indent : scan.label ? scan.labelStart : this.valueLeft;
    this.leaveGroups(indent, this.items[this.items.length - 1]?.kind === 'blank');
    const firstLine = p ? p.lines[0] : line;
    // Labels outlive the analysis in other modules' caches: the replace makes each its own string,
    // where a slice of the line would keep the whole document alive.
    const label = (p ? [...p.text, scan.label].join(' ') : scan.label).replace(/\s+/g, ' ').trim();
    const labelSpan = scan.label
      ? { start: this.lines.offsetAt(line, scan.labelStart), end: this.lines.offsetAt(line, scan.labelEnd) }
      : undefined;
    const row: Row = {
      index: this.rows.length,
      line,
      firstLine,
      label,
      labelSpan: p ? { start: this.lines.offsetAt(p.lines[0], p.indent), end: labelSpan?.end ?? this.lines.offsetAt(line, p.indent) } : labelSpan,
      indent,
      groups: this.openGroups.map((g) => g.label),
      cells: this.cells(scan.tokens, line),
      measure: 'amount',
      role: 'item',
      componentOf: [],
      scale: readRowScale(label) ?? readRowScale(this.openGroups[this.openGroups.length - 1]?.label ?? ''),
    };
    row.measure = measureOf(row);
    this.nestUnderLineItem(row);
    this.nestDashedItem(row);
    this.rows.push(row);
    this.items.push({ kind: 'row', row: row.index });
    this.lastLine = line;
    for (const g of this.openGroups) g.endLine = line;
    // Only the group the row stands in directly learns its indentation from it.
    const innermost = this.openGroups[this.openGroups.length - 1];
    if (innermost && !this.firstIndent.has(innermost)) this.firstIndent.set(innermost, row.indent);
    this.closeGroupAtTotal(label, line);
  }

  /**
   * "   Percent of total revenues" indented under "License revenue" describes that line item:
   * a percentage row printed deeper than the row above it belongs to it.
   */
  private nestUnderLineItem(row: Row): void {
    const previous = this.items[this.items.length - 1];
    if (row.measure !== 'percent' || previous?.kind !== 'row') return;
    const above = this.rows[previous.row];
    if (above.measure === 'percent' || row.indent <= above.indent || !above.label) return;
    row.groups = [...above.groups, above.label];
  }

  /**
   * "  - As Reported" under "Net Income - Excluding One-Time Items": a dashed line is another
   * version of the line item above it.
   */
  private nestDashedItem(row: Row): void {
    if (row.label.charCodeAt(0) !== 45) return;
    const m = /^-\s+([A-Za-z].*)$/.exec(row.label);
    if (!m) return;
    row.label = m[1];
    const previous = [...this.items].reverse().find((item) => item.kind !== 'rule');
    const above = previous?.kind === 'row' ? this.rows[previous.row] : undefined;
    if (!above || !/\s-\s/.test(above.label)) return;
    row.groups = [...above.groups, above.label.split(/\s+-\s+/)[0]];
  }

  /** Figures left of every column ("1996", a wrapped "1993") are part of the label. */
  private moveStubIntoLabel(scan: ScannedLine): ScannedLine {
    if (!scan.tokens.some((t) => columnOf(this.bands, t) < 0)) return scan;
    const stub: Token[] = [];
    const kept: Token[] = [];
    for (const t of scan.tokens) (columnOf(this.bands, t) < 0 ? stub : kept).push(t);
    const label = [scan.label, ...stub.map((t) => t.text)].filter(Boolean).join(' ');
    const labelEnd = stub[stub.length - 1].end;
    return { label, labelStart: scan.label ? scan.labelStart : stub[0].start, labelEnd, tokens: kept };
  }

  /** "Improvements 23,074,000": a figure one space from its label, standing in an empty column. */
  private rescueGlued(scan: ScannedLine): ScannedLine {
    // The figure would end the label: a digit, or ")" after one.
    const last = scan.label.charCodeAt(scan.label.length - 1);
    if (!((last >= 48 && last <= 57) || last === 41)) return scan;
    const m = /[\s)](\$?\(?(?:\d{1,3}(?:,\d{3})+|\d{2,})(?:\.\d+)?\)?)$/.exec(scan.label);
    if (!m || /^(19|20)\d\d$/.test(m[1])) return scan;
    const start = scan.labelEnd - m[1].length;
    const token = parseFigure(m[1], start);
    if (!token) return scan;
    const column = columnOf(this.bands, token);
    const band = this.bands[column];
    if (!band || Math.abs(band.right - token.digitEnd) > 1) return scan;
    if (scan.tokens.some((t) => columnOf(this.bands, t) <= column)) return scan;
    const label = scan.label.slice(0, scan.label.length - m[1].length).trimEnd();
    return { label, labelStart: scan.labelStart, labelEnd: scan.labelStart + label.length, tokens: [token, ...scan.tokens] };
  }

  private cells(tokens: Token[], line: number): Cell[] {
    const cells: Cell[] = [];
    for (const token of tokens) {
      const column = columnOf(this.bands, token);
      // The first figure in a column is its cell (a row has a few figures: no set needed).
      if (column < 0 || cells.some((c) => c.column === column)) continue;
      const cell: Cell = {
        span: { start: this.lines.offsetAt(line, token.start), end: this.lines.offsetAt(line, token.end - 1) + 1 },
        text: token.text,
        kind: token.kind,
        value: token.value,
        decimals: token.decimals,
        negative: token.negative,
        percent: token.percent,
        currency: token.currency,
        column,
      };
      if (token.times) cell.times = true;
      if (token.points) cell.points = token.points;
      cells.push(cell);
    }
    return cells;
  }
}

/** "STORE COUNT BY CONCEPT": a short line of words in capitals, no figures. */
function isCapitalsHeading(text: string): boolean {
  const trimmed = text.trim();
  return capitals(trimmed) && !/\d/.test(trimmed) && wordCount(trimmed) <= 8;
}

/** Letters, and none of them lower case. */
function capitals(text: string): boolean {
  return /[A-Z]/.test(text) && !/[a-z]/.test(text);
}

function unbalanced(text: string): boolean {
  return (text.match(/\(/g)?.length ?? 0) > (text.match(/\)/g)?.length ?? 0);
}

export function normalize(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** A label as a line item to match across tables: normalized, footnote marks "(1)" and "*" dropped. */
export function lineItemKey(label: string): string {
  return normalize(label.replace(/\(\s*\d\s*\)|\*+/g, ''));
}

function measureOf(row: Row): Measure {
  const numbers = row.cells.filter((c) => c.kind === 'number');
  // Percent-change columns beside amounts are marked per cell; a row is a percentage row when all are.
  if (numbers.length && numbers.every((c) => c.percent || c.points)) return 'percent';
  if (numbers.length && numbers.every((c) => c.times)) return 'ratio';
  // A short label ("Basic", "Diluted") takes its meaning from its heading.
  const text = isShortLabel(row.label) ? [...row.groups.slice(-1), row.label].join(' ') : row.label;
  const cents = numbers.length > 0 && numbers.every((c) => c.decimals === 2 && Math.abs(c.value ?? 0) < 1000);
  const counts = numbers.length > 0 && numbers.every((c) => c.decimals === 0 && !c.currency);
  // "Effect of dilutive securities: Convertible preferred stock 9,091": shares, however it is named.
  if (countsShares(row, numbers, cents)) return 'shares';
  // "Common stock, $.001 par value: 12,000,000 shares authorized; shares outstanding ..." is the
  // equity account, an amount, whatever its description says about shares.
  if (EQUITY_ACCOUNT.test(row.label)) return 'amount';
  // "Shares used in computing net loss per share" counts shares; its figures say so too.
  if (SHARES.test(text) && !cents) return 'shares';
  // "Adjusted diluted earnings per share:" over "Amortization of acquired intangibles  0.32": a bridge of per-share amounts.
  const perShare = PER_SHARE.test(text) || (cents && row.groups.length > 0 && PER_SHARE.test(row.groups[row.groups.length - 1]));
  if (perShare && !(counts && numbers.some((c) => Math.abs(c.value ?? 0) >= 1000))) return 'perShare';
  if (perShare && counts) return 'shares';
  if (PERCENT_LABEL.test(row.label) && numbers.every((c) => c.decimals > 0 || Math.abs(c.value ?? 0) <= 100)) return 'percent';
  if (RATIO_LABEL.test(row.label) && numbers.every((c) => !c.currency && Math.abs(c.value ?? 0) < 1000)) return 'ratio';
  return 'amount';
}

/** A row of the share side of an EPS reconciliation: under its heading, and no dollars or cents. */
function countsShares(row: Row, numbers: Cell[], cents: boolean): boolean {
  // Asked of every row: the rare heading first.
  if (!SHARE_HEADING.test(row.label) && !row.groups.some((g) => SHARE_HEADING.test(g))) return false;
  if (cents || numbers.length === 0 || numbers.some((c) => c.currency)) return false;
  return !NUMERATOR_WORDS.test(row.label) && !PER_SHARE.test(row.label);
}

/** "Basic", "Diluted", "Assuming dilution": labels that take their meaning from the heading. */
function isShortLabel(label: string): boolean {
  return wordCount(label) <= 3 && !/\btotal\b/i.test(label);
}

export function isBreakdown(label: string): boolean {
  return BREAKDOWN.test(label);
}
