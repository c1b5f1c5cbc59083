// Tick and tie: a figure quoted in prose is matched to the table cells that state the same fact —
// the line item named in its sentence, a value whose rounding interval meets the prose one.
import type { Cell, CellRef, Measure, ProseFigure, ProseUnit, Row, Table, Tie } from './model';
import { halfUnit } from './figures';
import { normalize } from './rows';
import { exceptedRow } from './scale';
import { stem } from './stem';

const STOP = new Set(['and', 'of', 'the', 'net', 'total', 'for', 'in', 'to', 'a', 'from', 'on', 'per', 'share', 'gaap']);
/** Stemmed "income" and "loss": see labelParts. */
const RESULT_WORDS = new Set(['income', 'loss']);
/** What a sentence says when it names the net result; a label of the result alone is scored on it. */
const NET_RESULT = /\bnet (income|loss|earnings)\b/i;
const NET_RESULT_WORD = 'net result';
const MIN_SCORE = 0.5;

export function tieProse(figures: ProseFigure[], tables: Table[]): Tie[] {
  const ties: Tie[] = [];
  if (figures.length === 0) return ties;
  const words = new LabelWords();
  const sentences = new Map<string, Set<string>>();
  const saidOf = figures.map((figure) => {
    // The clause before the figure, and the figure's own words: "$0.38 per diluted share".
    const sentence = figure.unit === 'perShare' ? `${figure.context} ${figure.text}` : figure.context;
    let said = sentences.get(sentence);
    if (!said) sentences.set(sentence, (said = words.significant(sentence)));
    return said;
  });
  // Cells are only ever looked up under a word some sentence says: no list for the others.
  const anySaid = new Set<string>();
  for (const said of sentences.values()) for (const word of said) anySaid.add(word);
  const cells = indexCells(tables, words, anySaid);
  figures.forEach((figure, index) => {
    const tie = tieFigure(figure, saidOf[index], index, cells);
    if (tie) ties.push(tie);
  });
  return ties;
}

/**
 * The number cells of every table, filed under each word of their row's label (as scored by
 * labelScore) and the row's measure, by value in units. A figure ties only to a row that shares
 * a word with its sentence (half the label's words, at least) and measures what the figure
 * measures, so it searches the cells under its own words instead of every cell of its value: in
 * a long filing "3%" or "$2,003" meets thousands of cells whose labels it never names.
 */
interface CellIndex {
  rows: Array<{ table: Table; row: Row; parts: string[]; label?: string }>;
  byWord: Map<Measure, Map<string, WordCells>>;
  /** Every filed cell, one word's after another, each word's by value: in units, and packed references. */
  values: Float64Array;
  halves: Float64Array;
  refs: Float64Array;
}

/** Where the cells under one label word lie in the index. */
interface WordCells {
  start: number;
  end: number;
  /** The widest half-unit among them, so that one binary search bounds every candidate. */
  widest: number;
}

/** Row ordinal and cell position packed in one number (rows are never this wide). */
const CELLS_PER_ROW = 1 << 12;

/** The row measures a figure may tie to, by its unit: a count is shares or a plain amount. */
const MEASURES: Record<ProseUnit, Measure[]> = { percent: ['percent'], perShare: ['perShare'], currency: ['amount'], count: ['shares', 'amount'] };

/**
 * Counted first, then filled in place: lists grown cell by cell, one per word, cost more than the
 * searches they serve. Cells are filed in value order, so each word's come out sorted.
 */
function indexCells(tables: Table[], words: LabelWords, said: Set<string>): CellIndex {
  const rows: CellIndex['rows'] = [];
  const filedUnder: WordCells[][] = [];
  const byWord = new Map<Measure, Map<string, WordCells>>();
  const values: number[] = [];
  const halves: number[] = [];
  const refs: number[] = [];
  for (const table of tables) {
    for (const row of table.rows) {
      const at = rows.length;
      const parts = words.labelParts(row.label);
      rows.push({ table, row, parts });
      const first = refs.length;
      let widest = 0;
      for (let k = 0; k < row.cells.length && k < CELLS_PER_ROW; k++) {
        const cell = row.cells[k];
        if (cell.value === null || cell.kind !== 'number') continue;
        // A "% Change" beside amounts is no amount: "$28 million" is not its "(28%)".
        if (cell.percent && row.measure !== 'percent') continue;
        const { value, half } = cellUnits(table, row, cell);
        values.push(Math.abs(value));
        halves.push(half);
        refs.push(at * CELLS_PER_ROW + k);
        widest = Math.max(widest, half);
      }
      filedUnder.push(refs.length > first ? wordLists(byWord, row.measure, namesOf(parts), said, refs.length - first, widest) : []);
    }
  }
  let size = 0;
  for (const lists of byWord.values()) {
    for (const list of lists.values()) {
      const count = list.end;
      list.start = list.end = size;
      size += count;
    }
  }
  const index: CellIndex = { rows, byWord, values: new Float64Array(size), halves: new Float64Array(size), refs: new Float64Array(size) };
  const order = Array.from(values.keys()).sort((a, b) => values[a] - values[b]);
  for (const i of order) {
    for (const list of filedUnder[Math.floor(refs[i] / CELLS_PER_ROW)]) {
      index.values[list.end] = values[i];
      index.halves[list.end] = halves[i];
      index.refs[list.end] = refs[i];
      list.end++;
    }
  }
  return index;
}

/** The lists of a row's label words under its measure, each counting the row's cells. */
function wordLists(byWord: CellIndex['byWord'], measure: Measure, parts: string[], said: Set<string>, cells: number, widest: number): WordCells[] {
  let lists = byWord.get(measure);
  if (!lists) byWord.set(measure, (lists = new Map()));
  const filed: WordCells[] = [];
  for (const word of new Set(parts)) {
    if (!said.has(word)) continue;
    let list = lists.get(word);
    if (!list) lists.set(word, (list = { start: 0, end: 0, widest: 0 }));
    list.end += cells; // a count until the lists are laid out
    list.widest = Math.max(list.widest, widest);
    filed.push(list);
  }
  return filed;
}

/** Value of a cell in units (dollars, shares, percent points). */
export function cellUnits(table: Table, row: Row, cell: Cell): { value: number; half: number } {
  const factor = unitFactor(table, row, cell.column);
  return { value: (cell.value ?? 0) * factor, half: halfUnit(cell.decimals) * factor };
}

/** What a figure measures: its row's measure, unless the row is plain amounts and its column says otherwise. */
export function cellMeasure(table: Table, row: Row, column?: number): Measure {
  const byColumn = column === undefined ? undefined : table.columns[column]?.measure;
  return row.measure === 'amount' && byColumn ? byColumn : row.measure;
}

const COUNT_LABEL = /^(total )?(number|count) of\b|\b(headcount|employees at)\b/i;
/** Things counted one by one: a column header ending in one ("June 30, 2006 Homes") or a heading of only one. */
const COUNTED = /^\(?(homes|stores|restaurants|units|customers|employees|subscribers|locations|aircraft|departures|lots)\)?:?$|\((homes|stores|restaurants|units|employees|lots)\):?$/i;

/** Asked for every cell a tie or a hover values: worked out once per table column and per row. */
const countedColumns = new WeakMap<Table, boolean[]>();
const countedRows = new WeakMap<Row, boolean>();

function countsThings(table: Table, row: Row, column?: number): boolean {
  let columns = countedColumns.get(table);
  if (!columns) countedColumns.set(table, (columns = table.columns.map((c) => COUNTED.test(c.header.split(' ').pop() ?? ''))));
  if (column !== undefined && columns[column]) return true;
  let counted = countedRows.get(row);
  // A heading must be only the thing or end in it in parentheses: "Net sales to customers:" is money.
  if (counted === undefined) countedRows.set(row, (counted = COUNT_LABEL.test(row.label) || row.groups.some((g) => COUNTED.test(g.trim()))));
  return counted;
}

export function unitFactor(table: Table, row: Row, column?: number): number {
  const measure = cellMeasure(table, row, column);
  if (measure === 'percent' || measure === 'ratio') return 1;
  if (row.scale) return row.scale.factor;
  // Per-share amounts are printed in currency units even when a caption forgets "except per share".
  if (measure === 'perShare') return 1;
  if (measure === 'shares' && table.scale.exceptShares) return 1;
  if (exceptedRow(table.scale, row.label, row.groups)) return 1;
  // "Number of same properties  128" in a table of dollars in thousands is 128 properties; so are
  // figures under a "Homes" column or a "Backlog (homes):" heading.
  if (measure === 'amount' && countsThings(table, row, column)) return 1;
  return table.scale.factor;
}

function tieFigure(figure: ProseFigure, words: Set<string>, index: number, cells: CellIndex): Tie | undefined {
  if (words.size === 0) return undefined;
  const refs = meetingCells(figure, words, cells);
  let best: Array<{ ref: CellRef; label: string }> = [];
  let bestScore = MIN_SCORE;
  let scored = -1;
  let score = 0;
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i];
    if (i > 0 && ref === refs[i - 1]) continue; // found under two of the sentence's words
    const at = Math.floor(ref / CELLS_PER_ROW);
    const item = cells.rows[at];
    const { table, row } = item;
    if (scored !== at) {
      score = labelScore(item.parts, words) || synonymScore(item.parts, words);
      scored = at;
    }
    if (score < bestScore) continue;
    if (score > bestScore) best = [];
    bestScore = score;
    // "Net sales" and "Total net sales" (its segments' sum) name one line item.
    item.label ??= normalize(row.label).replace(/^total /, '');
    const column = row.cells[ref % CELLS_PER_ROW].column;
    best.push({ ref: { table: table.index, row: row.index, column }, label: item.label });
  }
  if (best.length === 0) return undefined;
  const labels = new Set(best.map((b) => b.label));
  return { figure: index, candidates: best.map((b) => b.ref), unambiguous: labels.size === 1, agrees: true };
}

/**
 * The cells filed under the figure's words in rows of a compatible measure whose value meets the
 * figure's (rounding intervals that touch), in print order; a cell named by two words comes twice.
 */
function meetingCells(figure: ProseFigure, words: Set<string>, cells: CellIndex): number[] {
  const target = Math.abs(figure.value);
  const refs: number[] = [];
  for (const measure of MEASURES[figure.unit]) {
    const byWord = cells.byWord.get(measure);
    if (!byWord) continue;
    for (const word of words) {
      const list = byWord.get(word);
      if (list) collectMeeting(cells, list, target, figure.halfUnit, refs);
    }
  }
  return refs.length > 1 ? refs.sort((a, b) => a - b) : refs;
}

function collectMeeting({ values, halves, refs: filed }: CellIndex, { start, end, widest }: WordCells, target: number, halfUnit: number, refs: number[]): void {
  const reach = (widest + halfUnit + 1e-9) * (1 + 1e-9) + 1e-9;
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < target - reach) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < end && values[i] <= target + reach; i++) {
    if (Math.abs(values[i] - target) <= halves[i] + halfUnit + 1e-9) refs.push(filed[i]);
  }
}

/**
 * Label words as labelScore counts them, remembered for one tieProse call: a long filing repeats
 * its labels ("Net sales" in every statement) and its words, and several figures share a sentence.
 */
class LabelWords {
  private readonly labels = new Map<string, string[]>();
  private readonly labelsOnly = new Map<string, string[]>();
  /** Each lower-case word's part: stemmed, or '' for a word that does not count. */
  private readonly words = new Map<string, string>();

  /** The words of normalize(label) that count in a label's score, in one pass. */
  parts(label: string): string[] {
    let parts = this.labels.get(label);
    if (parts) return parts;
    parts = [];
    for (const w of label.toLowerCase().match(WORD) ?? []) {
      const part = this.part(w);
      if (part) parts.push(part);
    }
    this.labels.set(label, parts);
    return parts;
  }

  /**
   * The words of a label that count in its score. "Income" and "loss" name too many rows ("Interest
   * and other income", "Income taxes") to count, except where they are all the label says:
   * "Net income (loss)", the figure releases quote most.
   */
  labelParts(label: string): string[] {
    let parts = this.labelsOnly.get(label);
    if (parts) return parts;
    const all = this.parts(label);
    const named = all.filter((w) => !RESULT_WORDS.has(w));
    // "Net income (loss)" is named by "net income" or "net loss", not by "interest income".
    parts = named.length > 0 || all.length === 0 ? named : [NET_RESULT_WORD];
    this.labelsOnly.set(label, parts);
    return parts;
  }

  /** The words of a sentence that can name a line item: a label's words, numbers left out. */
  significant(text: string): Set<string> {
    const words = new Set(this.parts(text).filter((w) => !isDigit(w.charCodeAt(0))));
    if (NET_RESULT.test(text)) words.add(NET_RESULT_WORD);
    return words;
  }

  private part(word: string): string {
    let part = this.words.get(word);
    if (part === undefined) this.words.set(word, (part = word.length > 2 && !STOP.has(word) ? stem(word) : ''));
    return part;
  }
}

const WORD = /[a-z0-9]+/g;

/**
 * Stemmed words a release uses for the same line item: "Revenue rose 12%" of the row "Net sales".
 * Only for a label of that one word: "Percentage of net sales" under "Selling, general and
 * administrative" is no revenue figure.
 */
const SYNONYMS: Record<string, string[] | undefined> = {
  revenue: ['sale'],
  sale: ['revenue'],
};

/** The other names of a one-word line item ("Net sales": revenue); none for a longer label. */
function otherNames(parts: string[]): string[] | undefined {
  return parts.length === 1 ? SYNONYMS[parts[0]] : undefined;
}

/** A label's words, and the other names of a one-word line item ("Net sales": sale, revenue). */
function namesOf(parts: string[]): string[] {
  const same = otherNames(parts);
  return same ? [...parts, ...same] : parts;
}

/** A one-word line item named by its other name in the sentence scores as if named. */
function synonymScore(parts: string[], words: Set<string>): number {
  return otherNames(parts)?.some((w) => words.has(w)) ? 1 : 0;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function labelScore(parts: string[], words: Set<string>): number {
  if (parts.length === 0) return 0;
  let found = 0;
  for (const w of parts) if (words.has(w)) found++;
  return found / parts.length;
}
