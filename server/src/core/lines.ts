// Per-line facts that table reading asks for again and again, computed once per line on demand:
// the tab-expanded text with markup blanked, the label/figures split, whether it is a rule.
import { LineKind, type Envelope } from './envelope';
import { scanLine, type ScannedLine } from './figures';
import { expandLine, type ExpandedLine, type SourceText } from './text';

const TAG = /<\/?(S|C|CAPTION|TABLE|FN|PAGE|R|F\d+)>/gi;
const RULE = /^[\s\-=_~*+]*$/;

export class Lines {
  private readonly expanded = new Map<number, ExpandedLine>();
  private readonly scans = new Map<number, ScannedLine | null>();
  private readonly tabWidths = new Map<number, number>();

  constructor(readonly source: SourceText, readonly envelope: Envelope) {}

  get count(): number {
    return this.source.starts.length;
  }

  kind(line: number): LineKind {
    return this.envelope.kinds[line] as LineKind;
  }

  isContent(line: number): boolean {
    return this.kind(line) === LineKind.Text;
  }

  isBlankish(line: number): boolean {
    const kind = this.kind(line);
    return kind === LineKind.Blank || kind === LineKind.Markup || kind === LineKind.PageFooter;
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

  hasTab(line: number): boolean {
    return this.source.text.slice(this.source.starts[line], this.source.ends[line]).includes('\t');
  }

  /** Re-expands a line with another tab width (filers' tools did not all use stops of 8). */
  setTabWidth(line: number, width: number): void {
    if ((this.tabWidths.get(line) ?? 8) === width) return;
    this.tabWidths.set(line, width);
    this.expanded.delete(line);
    this.scans.delete(line);
  }

  text(line: number): string {
    return this.get(line).text;
  }

  scan(line: number): ScannedLine | undefined {
    if (!this.isContent(line)) return undefined;
    let value = this.scans.get(line);
    if (value === undefined) {
      value = this.isRule(line) ? null : (scanLine(this.text(line)) ?? null);
      this.scans.set(line, value);
    }
    return value ?? undefined;
  }

  /** "-----", "=====", "- ----" (PEM-escaped), segmented rules under columns. */
  isRule(line: number): boolean {
    if (!this.isContent(line)) return false;
    const text = this.text(line);
    if (!RULE.test(text)) return false;
    let marks = 0;
    for (let i = 0; i < text.length; i++) if (text[i] === '-' || text[i] === '=' || text[i] === '_') marks++;
    return marks >= 3;
  }

  isDoubleRule(line: number): boolean {
    return this.isRule(line) && this.text(line).includes('=');
  }

  indent(line: number): number {
    const text = this.text(line);
    let i = 0;
    while (i < text.length && text.charCodeAt(i) <= 32) i++;
    return i;
  }
}
