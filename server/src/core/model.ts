// The document model: what one version of a document says, read once and shared by every
// feature (hover, diagnostics, outline, folding, ties, the command line). Positions inside the
// model are UTF-16 offsets into the original text; line numbers are 0-based. Ranges for LSP are
// made only at the edge.

export interface Span {
  start: number;
  end: number;
}

/** A scale such as "(In thousands, except per share data)". */
export interface Scale {
  /** Multiplier from printed units to units of currency (1000 for thousands). */
  factor: number;
  /** Word used in hovers: "thousand", "million", "" for units. */
  word: string;
  /** The text it was read from, as printed. */
  source: string;
  /** Per-share amounts are exempt ("except per share data"). */
  exceptPerShare: boolean;
  /** Share counts are exempt ("except share data", "shares in thousands" handled per row). */
  exceptShares: boolean;
  /** Percentages are exempt (always true in practice; kept explicit for hovers). */
  exceptPercentages: boolean;
  /** Set when no scale is printed for this table and it carries on from the table above. */
  inheritedFrom?: string;
  /** Other items the caption excepts ("except per share data and store counts": store, count). */
  exceptItems?: string[];
  /** Set when no scale is printed and the table's figures repeat those of this (scaled) table. */
  inferredFrom?: string;
}

/** What a row measures; decides scale, currency and whether it may be summed. */
export type Measure = 'amount' | 'perShare' | 'shares' | 'percent' | 'ratio';

export type CellKind = 'number' | 'nil' | 'na';

export interface Cell {
  span: Span;
  /** The figure as printed, e.g. "$(3,195)". */
  text: string;
  kind: CellKind;
  /** Signed value in printed units (null for nil/na). Nil ("-", "--") counts as zero in sums. */
  value: number | null;
  /** Digits after the decimal point, for rounding intervals. */
  decimals: number;
  negative: boolean;
  percent: boolean;
  /** A multiple ("2.41x"); absent otherwise. */
  times?: boolean;
  /** A change in points: 1 for "3.9 pts", 0.01 for "50 bps"; absent otherwise. */
  points?: number;
  currency: boolean;
  column: number;
}

export interface Column {
  index: number;
  /** Expanded (tab-free) character columns of the figures, inclusive-exclusive. */
  left: number;
  right: number;
  /** Header text as printed, joined over header lines (spanning headers first). */
  header: string;
  /** What the column measures when its header says so ("Shares", "EPS", "% Change"). */
  measure?: Measure;
}

/** 'total' when the row is checked (or found uncheckable) as the sum of rows above or below it. */
export type RowRole = 'item' | 'total';

export interface Row {
  index: number;
  /** Line holding the figures. */
  line: number;
  /** First line of a wrapped label. */
  firstLine: number;
  label: string;
  labelSpan?: Span;
  indent: number;
  /** Group headings above the row, outermost first ("Cost of Revenues"). */
  groups: string[];
  cells: Cell[];
  measure: Measure;
  role: RowRole;
  /** Index into Table.footings when this row is a checked (or uncheckable) total. */
  footing?: number;
  /** Indices of footings in which this row is a component. */
  componentOf: number[];
  /** Row scale overriding the table's ("(in thousands)" in a share-count label). */
  scale?: Scale;
}

export type FootingStatus = 'foots' | 'doesNotFoot' | 'notChecked';

export interface ColumnFooting {
  column: number;
  status: FootingStatus;
  printed: number | null;
  /** Sum of the printed components (midpoint). */
  computed: number | null;
  /** Printed minus computed, when it does not foot. */
  difference: number | null;
  reason?: string;
}

export interface Footing {
  index: number;
  /** The total's row index. */
  total: number;
  components: number[];
  /** 'sum': total = Σ components; 'difference': total = first − Σ rest. */
  operation: 'sum' | 'difference';
  columns: ColumnFooting[];
  reason?: string;
}

export interface Table {
  index: number;
  title: string;
  /** True when no title was printed and the reader named the table itself ("Table 3: ..."). */
  generatedTitle?: boolean;
  /** Line range of the whole table including title and header band. */
  startLine: number;
  endLine: number;
  /** First line of the header band / body. */
  headerLine: number;
  bodyLine: number;
  span: Span;
  scale: Scale;
  columns: Column[];
  rows: Row[];
  footings: Footing[];
  /** Group headings with their line spans, for the outline. */
  groups: Group[];
  /** Section (document) the table belongs to. */
  section?: number;
}

export interface Group {
  label: string;
  line: number;
  endLine: number;
  depth: number;
}

export interface Section {
  index: number;
  kind: 'document' | 'heading';
  title: string;
  startLine: number;
  endLine: number;
  span: Span;
  /** EDGAR document type such as "EX-99.1". */
  type?: string;
  description?: string;
}

export type ProseUnit = 'currency' | 'perShare' | 'percent' | 'count';

export interface ProseFigure {
  span: Span;
  text: string;
  line: number;
  /** Value in units (dollars, percent points, count). */
  value: number;
  /** Half-width of the printed rounding interval, in the same units. */
  halfUnit: number;
  unit: ProseUnit;
  scaleWord: string;
  /** The sentence around it, for matching against line items. */
  context: string;
}

export interface CellRef {
  table: number;
  row: number;
  column: number;
}

export interface Tie {
  figure: number;
  candidates: CellRef[];
  /** True when exactly one fact matches (possibly printed in several tables). */
  unambiguous: boolean;
  agrees: boolean;
}

export type FindingSeverity = 'warning' | 'information';

export interface RelatedLocation {
  span: Span;
  message: string;
}

export interface Finding {
  rule: string;
  severity: FindingSeverity;
  span: Span;
  message: string;
  related: RelatedLocation[];
  /** The value a quick fix would print, when one is known. */
  suggestion?: string;
}

export interface DocumentModel {
  /** Length of the analysed text in UTF-16 units. */
  length: number;
  lineCount: number;
  sections: Section[];
  tables: Table[];
  prose: ProseFigure[];
  ties: Tie[];
  findings: Finding[];
  /** Reasons analysis was reduced (document too large...). */
  notes: string[];
}
