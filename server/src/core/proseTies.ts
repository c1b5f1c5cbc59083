// Tick and tie from text to table: "Total revenues for the third quarter of 2003 were $16.0
// million" names a line item and a period; the table cell for that line item and period must
// agree within the rounding of both. Only plain statements of fact are checked: no hedges,
// no changes or growth, no non-GAAP measures, and only when the cell is unambiguous.
import { columnPeriods } from './crossTies';
import { formatNumber } from './format';
import { cellIn } from './lookup';
import type { Cell, Finding, ProseFigure, Row, Table } from './model';
import { normalize } from './rows';
import { stem } from './stem';
import { cellUnits } from './ties';

export const RULE_PROSE_TIE = 'tie-prose';

const HEDGE = /\b(approximately|about|nearly|almost|roughly|more than|over|under|less than|up to|at least|exceed|excluding|excluded|exclusive|pro forma|non-?gaap|adjusted|before|after|range|between|expect|anticipat|outlook|guidance|target|forecast|increase|decrease|grew|growth|rose|fell|declin|improv|up|down|change|gain|benefit|charge|impact|effect|would have|per cent|percent|average)/i;
const FILLER = new Set(['and', 'of', 'the', 'for', 'in', 'to', 'a', 'from', 'on', 'gaap', 'total', 'net']);

interface Fact {
  table: Table;
  row: Row;
  cell: Cell;
}

/** The tables that print exactly one column for a period ("3m|2003-"), with that column, in order. */
type PeriodColumns = Map<string, Array<{ table: Table; column: number }>>;

export function tieProseToTables(figures: ProseFigure[], tables: Table[]): Finding[] {
  const findings: Finding[] = [];
  const periods: PeriodColumns = new Map();
  for (const figure of figures) {
    const finding = checkFigure(figure, tables, periods);
    if (finding) findings.push(finding);
  }
  return findings;
}

function checkFigure(figure: ProseFigure, tables: Table[], periods: PeriodColumns): Finding | undefined {
  if (figure.unit !== 'currency' || !figure.scaleWord) return undefined;
  const clause = statement(figure.context);
  if (!clause) return undefined;
  const period = periodOf(clause);
  if (!period) return undefined;
  const words = new Set(normalize(clause).split(' ').map(stem));
  const facts = namedFacts(tablesFor(tables, `${period.duration}|${period.year}-`, periods), words);
  if (facts.length === 0 || !agreeAmongThemselves(facts)) return undefined;
  if (facts.some((f) => meets(figure, f))) return undefined;
  const first = facts[0];
  const units = cellUnits(first.table, first.row, first.cell);
  const header = first.table.columns[first.cell.column]?.header ?? '';
  return {
    rule: RULE_PROSE_TIE,
    severity: 'warning',
    span: figure.span,
    message: `${figure.text} does not tie to ${first.row.label} (${header}) in "${first.table.title}": the table prints ${first.cell.text.trim()} = $${formatNumber(Math.abs(units.value))}, the text says $${formatNumber(Math.abs(figure.value))}`,
    related: facts.map((f) => ({ span: f.cell.span, message: `${f.row.label} in ${f.table.title}: ${f.cell.text.trim()}` })),
  };
}

/**
 * The sentence before the figure when it states the figure as a fact: "... for the third quarter
 * of 2003 were". Sentences that hedge, compare, list several periods ("respectively") or use the
 * figure for something else ("includes a $32 million gain") are not checked.
 */
function statement(context: string): string {
  const text = context.trim();
  if (!COPULA.test(text) || HEDGE.test(text) || /\brespectively\b|\band\b[^,]*\b(quarter|months|year)\b[^,]*\b(quarter|months|year)\b/i.test(text)) return '';
  return text.split(' ').length >= 4 ? text : '';
}

const COPULA = /\b(was|were|is|are|totaled|totalled|amounted to|reached|came to)$/i;

/** "for the third quarter of 2003" → { duration: '3m', year: '2003' }. */
function periodOf(clause: string): { duration: string; year: string } | undefined {
  const years = clause.match(/\b(19|20)\d\d\b/g);
  if (!years || new Set(years).size !== 1) return undefined;
  const text = clause.toLowerCase();
  const duration = /\b(quarter|three months|three-month)\b/.test(text)
    ? '3m'
    : /\b(six months|six-month|first half|second half)\b/.test(text)
      ? '6m'
      : /\b(nine months|nine-month)\b/.test(text)
        ? '9m'
        : /\b(year|twelve months|fiscal)\b/.test(text)
          ? '12m'
          : '';
  return duration ? { duration, year: years[0] } : undefined;
}

/** Cells whose line item the clause names in full, in the column of the clause's period. */
function namedFacts(periodTables: Array<{ table: Table; column: number }>, words: Set<string>): Fact[] {
  const facts: Fact[] = [];
  for (const { table, column } of periodTables) {
    for (const row of table.rows) {
      if (row.measure !== 'amount' || !namesRow(row.label, words)) continue;
      const cell = cellIn(row, column);
      if (cell?.kind === 'number') facts.push({ table, row, cell });
    }
  }
  // One line item only: two different rows named by one clause is ambiguous.
  return new Set(facts.map((f) => `${f.table.index}`)).size === facts.length ? facts : [];
}

/** The tables with exactly one column in the period, worked out once per period, not per figure. */
function tablesFor(tables: Table[], prefix: string, periods: PeriodColumns): Array<{ table: Table; column: number }> {
  let found = periods.get(prefix);
  if (!found) {
    found = [];
    for (const table of tables) {
      const keys = columnPeriods(table);
      const columns = table.columns.filter((c) => keys[c.index].startsWith(prefix));
      if (columns.length === 1) found.push({ table, column: columns[0].index });
    }
    periods.set(prefix, found);
  }
  return found;
}

// Worked out once per label, not once per figure in the text.
const labelWords = new Map<string, string[][]>();

/** Every word of the label is in the clause ("income/(loss)" needs either). */
function namesRow(label: string, words: Set<string>): boolean {
  let parts = labelWords.get(label);
  if (!parts) {
    parts = alternativesOf(label);
    if (labelWords.size > 10_000) labelWords.clear();
    labelWords.set(label, parts);
  }
  if (parts.length === 0) return false;
  return parts.every((alternatives) => alternatives.some((w) => words.has(w)));
}

function alternativesOf(label: string): string[][] {
  return label
    .toLowerCase()
    .replace(/\([^)]*gaap[^)]*\)/g, ' ')
    .split(/\s+/)
    .map((part) => part.split('/').map((w) => normalize(w)).filter(Boolean))
    .filter((alternatives) => alternatives.length > 0 && !alternatives.every((w) => FILLER.has(w)))
    .map((alternatives) => alternatives.map(stem));
}

function agreeAmongThemselves(facts: Fact[]): boolean {
  const units = facts.map((f) => cellUnits(f.table, f.row, f.cell));
  return units.every((u) => Math.abs(Math.abs(u.value) - Math.abs(units[0].value)) <= u.half + units[0].half + 1e-9);
}

function meets(figure: ProseFigure, fact: Fact): boolean {
  const { value, half } = cellUnits(fact.table, fact.row, fact.cell);
  return Math.abs(Math.abs(value) - Math.abs(figure.value)) <= half + figure.halfUnit + 1e-9;
}


