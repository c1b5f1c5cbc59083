// The EDGAR envelope: which lines are markup, which are document text, where each <DOCUMENT>
// begins, where <TABLE> blocks and <PAGE> breaks are. Markup is never read as table content;
// uuencoded and PDF blocks, SEC headers, PEM headers and HTML documents are skipped whole.
import type { Section } from './model';
import { isSpace, rawLine, type SourceText } from './text';

export const enum LineKind {
  Text = 0,
  Blank = 1,
  /** A tag line such as <PAGE>, <S> <C>, <TYPE>EX-99: not content. */
  Markup = 2,
  /** Inside a skipped block (header, uuencode, PDF, HTML document). */
  Skipped = 3,
  /** A page number or running page footer next to a <PAGE> break. */
  PageFooter = 4,
}

export interface TableTag {
  /** Line of <TABLE> and of </TABLE> (or the last line when unclosed). */
  open: number;
  close: number;
  /** Line of <CAPTION>, if any: what is above it (and below <TABLE>) is the table's title. */
  captionLine?: number;
  /** Line of <S>/<C> markers, if any. */
  columnsLine?: number;
  /** First line of <FN> footnotes inside the table, if any. */
  footnotes?: number;
}

export interface Envelope {
  kinds: Uint8Array;
  documents: Section[];
  tableTags: TableTag[];
  pageBreaks: number[];
  /** Documents skipped because they are HTML, with their line ranges. */
  htmlDocuments: Array<{ startLine: number; endLine: number }>;
}

const TAG_LINE = /^\s*<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s[^>]*)?>/;
const KNOWN_TAGS = new Set([
  'SEC-DOCUMENT', 'SEC-HEADER', 'IMS-DOCUMENT', 'IMS-HEADER', 'DOCUMENT', 'TYPE', 'SEQUENCE', 'FILENAME',
  'DESCRIPTION', 'TEXT', 'PAGE', 'TABLE', 'CAPTION', 'S', 'C', 'FN', 'PDF', 'SUBMISSION', 'ACCEPTANCE-DATETIME',
  'R', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'LEGEND', 'ARTICLE', 'MULTIPLIER', 'NAME', 'CIK',
]);
const HTML_START = /^\s*<(html|!doctype|body|head|div|p|font|table|xbrl|\?xml)\b/i;

export function readEnvelope(source: SourceText): Envelope {
  const reader = new EnvelopeReader(source);
  reader.run();
  return reader.result();
}

class EnvelopeReader {
  private readonly n: number;
  private readonly kinds: Uint8Array;
  private readonly documents: Section[] = [];
  private readonly tableTags: TableTag[] = [];
  private readonly pageBreaks: number[] = [];
  private readonly htmlDocuments: Array<{ startLine: number; endLine: number }> = [];
  private openTable: TableTag | undefined;
  private skipUntil: RegExp | undefined;
  private openDocument: Section | undefined;

  constructor(private readonly source: SourceText) {
    this.n = source.starts.length;
    this.kinds = new Uint8Array(this.n);
  }

  result(): Envelope {
    return { kinds: this.kinds, documents: this.documents, tableTags: this.tableTags, pageBreaks: this.pageBreaks, htmlDocuments: this.htmlDocuments };
  }

  run(): void {
    const { text: source, starts, ends } = this.source;
    for (let line = 0; line < this.n; line++) {
      const start = starts[line];
      const end = ends[line];
      let first = start;
      while (first < end && source.charCodeAt(first) <= 32) first++;
      if (first === end) {
        this.kinds[line] = LineKind.Blank;
        continue;
      }
      // Most lines start no block and hold no tag: they are text, without a slice or a pattern.
      if (!this.skipUntil && !mayBeMarkup(source, start, first, end)) {
        this.kinds[line] = LineKind.Text;
        continue;
      }
      const text = source.slice(start, end);
      const skipTo = this.skipBlock(line, text);
      if (skipTo > line) {
        this.kinds.fill(LineKind.Skipped, line, skipTo + 1);
        line = skipTo;
        continue;
      }
      this.kinds[line] = this.readTags(line, text);
    }
    this.closeTable(this.n - 1);
    this.closeDocument(this.n - 1);
    this.markPageFooters();
    collapseDoubleSpacing(this.kinds);
  }

  /** Returns the last line of a block to skip starting here, or `line` when none starts. */
  private skipBlock(line: number, text: string): number {
    if (this.skipUntil) {
      const pattern = this.skipUntil;
      this.skipUntil = undefined;
      return this.findLine(line - 1, pattern) - 1;
    }
    if (/^<(SEC-HEADER|IMS-HEADER)>/i.test(text)) return this.findLine(line, /^<\/(SEC-HEADER|IMS-HEADER)>/i);
    if (/^-----BEGIN PRIVACY-ENHANCED MESSAGE-----/.test(text)) return this.findLine(line, /^\s*$/) - 1;
    if (/^<PDF>/i.test(text)) return this.findLine(line, /^<\/PDF>/i);
    if (/^begin [0-7]{3,4} \S/.test(text)) return this.findLine(line, /^end\s*$/);
    if (this.openDocument && !this.openTable && HTML_START.test(text) && this.startsHtmlDocument(line)) {
      const end = this.findLine(line, /^<\/(TEXT|DOCUMENT)>/i) - 1;
      this.htmlDocuments.push({ startLine: line, endLine: end });
      return end;
    }
    return line;
  }

  private startsHtmlDocument(line: number): boolean {
    const prev = line > 0 ? rawLine(this.source, line - 1) : '';
    return /^<TEXT>/i.test(prev) || /^\s*<(html|!doctype|\?xml|xbrl)/i.test(rawLine(this.source, line));
  }

  private findLine(from: number, pattern: RegExp): number {
    // "^<..." and "^end" patterns: only lines starting with that character are tested.
    const lead = pattern.source.charCodeAt(1);
    const fixed = pattern.source[0] === '^' && (lead === 60 || (!pattern.ignoreCase && lead >= 97 && lead <= 122)) ? lead : -1;
    const { text, starts } = this.source;
    for (let line = from + 1; line < this.n; line++) {
      if (fixed >= 0 && text.charCodeAt(starts[line]) !== fixed) continue;
      if (pattern.test(rawLine(this.source, line))) return line;
    }
    return this.n - 1;
  }

  private readTags(line: number, text: string): LineKind {
    const m = TAG_LINE.exec(text);
    if (!m) return LineKind.Text;
    const tag = m[1].toUpperCase();
    if (!KNOWN_TAGS.has(tag) && !/^EX-|^F\d+$/.test(tag)) return LineKind.Text;
    const closing = /^\s*<\//.test(text);
    this.onTag(line, tag, closing, text);
    const rest = text.replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?>/g, '');
    // "<CAPTION>   1999   1998" keeps its text; "<TYPE>EX-99" is markup whatever follows.
    if (['TYPE', 'DESCRIPTION', 'FILENAME', 'SEQUENCE', 'PAGE', 'DOCUMENT', 'TEXT', 'SEC-DOCUMENT', 'IMS-DOCUMENT'].includes(tag)) {
      return LineKind.Markup;
    }
    return isBlank(rest) ? LineKind.Markup : LineKind.Text;
  }

  private onTag(line: number, tag: string, closing: boolean, text: string): void {
    switch (tag) {
      case 'DOCUMENT':
        if (closing) this.closeDocument(line);
        else this.openDocumentAt(line);
        return;
      case 'TYPE':
        if (this.openDocument) this.openDocument.type = text.replace(/<[^>]*>/g, '').trim();
        return;
      case 'TEXT':
        // EX-27 financial data schedules are tag/value pairs for machines, not tables to tick.
        if (!closing && /^EX-27/i.test(this.openDocument?.type ?? '')) this.skipUntil = /^<\/(TEXT|DOCUMENT)>/i;
        return;
      case 'DESCRIPTION':
        if (this.openDocument) this.openDocument.description = text.replace(/<[^>]*>/g, '').trim();
        return;
      case 'TABLE':
        if (closing) this.closeTable(line);
        else this.openTableAt(line);
        return;
      case 'CAPTION':
        if (!closing && this.openTable && this.openTable.captionLine === undefined) this.openTable.captionLine = line;
        return;
      case 'S':
      case 'C':
        if (this.openTable && this.openTable.columnsLine === undefined) this.openTable.columnsLine = line;
        return;
      case 'FN':
        if (this.openTable && this.openTable.footnotes === undefined) this.openTable.footnotes = line;
        return;
      case 'PAGE':
        this.pageBreaks.push(line);
        return;
      default:
        return;
    }
  }

  private openTableAt(line: number): void {
    this.closeTable(line - 1);
    this.openTable = { open: line, close: line };
  }

  private closeTable(line: number): void {
    if (!this.openTable) return;
    this.openTable.close = Math.max(line, this.openTable.open);
    this.tableTags.push(this.openTable);
    this.openTable = undefined;
  }

  private openDocumentAt(line: number): void {
    this.closeDocument(line - 1);
    const start = this.source.starts[line];
    this.openDocument = { index: this.documents.length, kind: 'document', title: '', startLine: line, endLine: line, span: { start, end: start } };
  }

  private closeDocument(line: number): void {
    const doc = this.openDocument;
    if (!doc) return;
    doc.endLine = Math.max(line, doc.startLine);
    doc.span.end = this.source.ends[doc.endLine];
    doc.title = [doc.type, doc.description].filter(Boolean).join(' — ') || 'Document';
    this.documents.push(doc);
    this.openDocument = undefined;
  }

  /** Page numbers ("2", "- 2 -", "F-3", "Page 2 of 9") just before a <PAGE> break are not figures. */
  private markPageFooters(): void {
    for (const page of this.pageBreaks) {
      let seen = 0;
      for (let line = page - 1; line >= 0 && seen < 2; line--) {
        const kind = this.kinds[line];
        if (kind === LineKind.Blank || kind === LineKind.Markup) continue;
        seen++;
        const text = rawLine(this.source, line).trim();
        if (/^(-\s*)?([A-Z]-)?\d{1,3}(\s*-)?$|^page \d+( of \d+)?$/i.test(text)) this.kinds[line] = LineKind.PageFooter;
        else break;
      }
    }
  }
}

/**
 * Whether a line may start a skipped block or hold a tag: it starts with "<", "-" or "b" ("begin
 * 644"), or its first character after white space is "<". Anything else is text. `first` is the
 * line's first character above U+0020: the search goes on from there (a control character before
 * it makes the answer yes where it was no, and the tag patterns then find no tag).
 */
function mayBeMarkup(text: string, start: number, first: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (c === 60 || c === 45 || c === 98) return true;
  let i = first;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i < end && text.charCodeAt(i) === 60;
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 32) return false;
  return true;
}

const DOUBLE_SPACED = 0.7;
const MIN_TEXT_LINES = 20;

/**
 * A document typed double-spaced puts a blank line after every line: a table's rows, a wrapped
 * label's two halves, a header's lines. There the blank lines that only space the text are not
 * separators; they become transparent, like markup, and a run of n blank lines separates as
 * n / 2 (rounded down) would. Single-spaced documents are left as they are.
 */
function collapseDoubleSpacing(kinds: Uint8Array): void {
  let text = 0;
  let spaced = 0;
  for (let line = 0; line + 2 < kinds.length; line++) {
    if (kinds[line] !== LineKind.Text) continue;
    text++;
    if (kinds[line + 1] === LineKind.Blank && kinds[line + 2] === LineKind.Text) spaced++;
  }
  if (text < MIN_TEXT_LINES || spaced < text * DOUBLE_SPACED) return;
  for (let line = 0; line < kinds.length; line++) {
    if (kinds[line] !== LineKind.Blank) continue;
    let end = line;
    while (end + 1 < kinds.length && kinds[end + 1] === LineKind.Blank) end++;
    const run = end - line + 1;
    kinds.fill(LineKind.Markup, line, line + run - Math.floor(run / 2));
    line = end;
  }
}
