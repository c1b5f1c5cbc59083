// Hover text for a figure, in markdown: its line item and group, its period as printed, its value
// with the scale written out, its table, and whether it foots or what total it belongs to.
import { changeAt } from './changes';
import { formatNumber, formatScaled } from './format';
import { cellAt, cellIn, cellOf, proseAt, type CellHit } from './lookup';
import type { Cell, ColumnFooting, DocumentModel, Footing, ProseFigure, Row, Table } from './model';
import { tiedFacts } from './crossTies';
import { perShareAt, type PerShareResult } from './perShare';
import { cellMeasure, unitFactor } from './ties';
import { wordCount } from './text';

export function hoverAt(model: DocumentModel, offset: number): { markdown: string; start: number; end: number } | undefined {
  const hit = cellAt(model, offset);
  if (hit) return { markdown: escapeDollars(describeCell(hit, model.tables)), start: hit.cell.span.start, end: hit.cell.span.end };
  const prose = proseAt(model, offset);
  if (prose) return { markdown: escapeDollars(describeProse(model, prose.figure, prose.index)), start: prose.figure.span.start, end: prose.figure.span.end };
  return undefined;
}

/**
 * Markdown renderers with math support read "$4,598 thousand = $" as a formula and drop its
 * commas; an escaped dollar sign is printed as it is.
 */
function escapeDollars(markdown: string): string {
  return markdown.replace(/\$/g, '\\$');
}

export function lineItemPath(row: Row, table: Table): string {
  return [...row.groups, row.label || unlabelled(row, table)].join(' › ');
}

/**
 * A total printed without a label is named by what it adds up: "(total of Total current assets …
 * Other assets)", and by the heading its components were opened under when it is not under that
 * heading itself: "Total assets (total of …)" under "ASSETS".
 */
function unlabelled(row: Row, table: Table): string {
  const footing = row.footing !== undefined ? table.footings[row.footing] : undefined;
  const components = (footing?.components ?? []).map((i) => table.rows[i]);
  const names = components.map((r) => r.label).filter(Boolean);
  if (names.length === 0) return '(unlabelled subtotal)';
  const of = `(total of ${names[0]}${names.length > 1 ? ` … ${names[names.length - 1]}` : ''})`;
  const heading = closedHeading(row, firstOfRun(table, components[0]));
  // Under "Current assets" with "Total current assets" among its parts, it totals more than that heading.
  const named = heading && !components.some((r) => r.label.toLowerCase().replace(/\s+/g, ' ') === `total ${heading}`);
  return named ? `Total ${heading} ${of}` : of;
}

/** The first line item a total adds up: through subtotals ("Total current assets") to "Cash". */
function firstOfRun(table: Table, row: Row): Row {
  for (let depth = 0; row.footing !== undefined && depth < 8; depth++) {
    const first = table.footings[row.footing].components[0];
    if (first === undefined) break;
    row = table.rows[first];
  }
  return row;
}

/** The heading one level below the total's own that its first component sits under, in lower case. */
function closedHeading(total: Row, first: Row): string | undefined {
  const depth = total.groups.length;
  if (first.groups.length <= depth || total.groups.some((g, i) => first.groups[i] !== g)) return undefined;
  const heading = first.groups[depth].replace(/:$/, '').trim();
  return wordCount(heading) <= 6 && /^[a-z' ,&-]+$/i.test(heading) ? heading.toLowerCase() : undefined;
}

export function describeCell({ table, row, cell }: CellHit, tables: Table[]): string {
  const header = table.columns[cell.column]?.header || `column ${cell.column + 1}`;
  const lines = [
    `**${lineItemPath(row, table)}**`,
    '',
    `- Period: ${header}`,
    `- Value: ${describeValue(table, row, cell)}`,
    `- Scale: ${describeRowScale(table, row, cell.column, cell.percent)}`,
    `- Table: ${table.title}`,
  ];
  // A "%" beside amounts (a yield, a change) is no part of the amounts' sums.
  const summed = !cell.percent || row.measure === 'percent';
  const footing = summed && row.footing !== undefined ? table.footings[row.footing] : undefined;
  if (footing) lines.push(`- Footing: ${describeFooting(table, footing, cell.column)}`);
  if (summed) for (const index of row.componentOf) lines.push(`- Component of: ${describeParent(table, table.footings[index], cell.column)}`);
  for (const other of tiedFacts(tables, cell)) {
    lines.push(`- Tie: ${other.agrees ? '✓ agrees with' : '✗ does not agree with'} ${lineItemPath(other.row, other.table)} ${other.cell.text.trim()} in ${other.table.title}`);
  }
  const change = changeAt(table, cell);
  if (change) lines.push(`- Change: ${change.ok ? '✓ agrees within rounding' : '✗ does not agree'}: ${change.text}`);
  if (row.measure === 'perShare') {
    const check = perShareAt(table, row, cell);
    if (check) lines.push(`- Per share: ${describePerShare(check, cell.decimals, cell.negative)}`);
  }
  return lines.join('\n');
}

function describePerShare(check: PerShareResult, decimals: number, negative: boolean): string {
  // Signs are presentation ("Net loss 4,200" over "(0.12)"): the quotient takes the figure's.
  const computed = formatNumber(negative ? -check.computed : check.computed, decimals);
  const division = `${check.numerator.label} ${check.numeratorCell.text.trim()} / ${check.shares.label} ${check.sharesCell.text.trim()} = ${computed}`;
  if (!check.consistent) return `✗ does not agree: ${division}`;
  return check.byDilutionBounds ? `✓ between ${division} and the basic figure (dilution add-backs, anti-dilution)` : `✓ agrees: ${division}`;
}

function describeValue(table: Table, row: Row, { column, value, decimals, kind, percent, times, points }: Cell): string {
  if (kind === 'nil') return 'nil (printed as a dash: zero)';
  if (value === null) return 'not available (n/a)';
  const measure = cellMeasure(table, row, column);
  if (points) return `${formatNumber(value, decimals)} ${points === 1 ? 'percentage points' : 'basis points'}`;
  if (percent || measure === 'percent') return `${formatNumber(value, decimals)}%`;
  if (times) return `${formatNumber(value, decimals)} times`;
  if (measure === 'ratio') return formatNumber(value, decimals);
  const factor = unitFactor(table, row, column);
  const word = factor === table.scale.factor ? table.scale.word : row.scale?.word ?? '';
  const currency = measure === 'amount' || measure === 'perShare';
  const shown = formatScaled(value, decimals, factor, word, currency);
  return measure === 'shares' ? `${shown} shares` : shown;
}

function describeRowScale(table: Table, row: Row, column: number, percent: boolean): string {
  const measure = cellMeasure(table, row, column);
  // A figure printed with "%" is a percentage whatever its row measures (a "% Change" of an amount).
  if (percent || measure === 'percent') return 'percent (not scaled)';
  if (measure === 'ratio') return 'a ratio (not scaled)';
  if (measure === 'perShare') return `per share, in dollars${table.scale.exceptPerShare ? `, from "${table.scale.source}"` : ''}`;
  if (row.scale) return `${row.scale.word}s, from the row label "${row.scale.source}"`;
  if (measure === 'shares' && table.scale.exceptShares) return 'shares, in units';
  if (table.scale.factor === 1) return 'units (no scale printed)';
  const inherited = table.scale.inferredFrom
    ? ` printed for "${table.scale.inferredFrom}" (none printed here; its figures repeat that table's)`
    : table.scale.inheritedFrom ? ` printed for "${table.scale.inheritedFrom}" above (none printed here)` : '';
  return `${table.scale.word}s, from "${table.scale.source}"${inherited}`;
}

export function describeFooting(table: Table, footing: Footing, column: number): string {
  const result = footing.columns.find((c) => c.column === column);
  if (!result) return 'not checked (no figure in this column)';
  if (result.status === 'notChecked') return `not checked (${result.reason ?? footing.reason ?? 'components not identified'})`;
  const decimals = cellIn(table.rows[footing.total], column)?.decimals ?? 0;
  const expression = arithmetic(table, footing, column, decimals);
  if (result.status === 'foots') return `✓ foots: ${expression}`;
  return `✗ does not foot: ${expression}; printed ${formatNumber(result.printed ?? 0, decimals)}, off by ${formatNumber(result.difference ?? 0, decimals)}`;
}

function arithmetic(table: Table, footing: Footing, column: number, decimals: number): string {
  const parts = footing.components.map((i, k) => {
    const cell = cellIn(table.rows[i], column);
    const text = cell ? formatNumber(cell.value ?? 0, cell.decimals) : '0';
    return k === 0 ? text : `${footing.operation === 'difference' ? '−' : '+'} ${text}`;
  });
  const computed = footing.columns.find((c) => c.column === column)?.computed ?? 0;
  return `${parts.join(' ')} = ${formatNumber(computed, decimals)}`;
}

function describeParent(table: Table, footing: Footing, column: number): string {
  const total = table.rows[footing.total];
  const result: ColumnFooting | undefined = footing.columns.find((c) => c.column === column);
  const status = !result ? '' : result.status === 'foots' ? ' ✓ foots' : result.status === 'doesNotFoot' ? ` ✗ does not foot (off by ${formatNumber(result.difference ?? 0)})` : ' (not checked)';
  const cell = cellIn(total, column);
  return `${total.label || 'subtotal'}${cell ? ` ${cell.text.trim()}` : ''}${status}`;
}

function describeProse(model: DocumentModel, figure: ProseFigure, index: number): string {
  const lines = [`**${figure.text}** = ${describeProseValue(figure)}`, ''];
  const tie = model.ties.find((t) => t.figure === index);
  if (!tie) {
    lines.push('No table cell ties to this figure.');
    return lines.join('\n');
  }
  lines.push(tie.unambiguous ? 'Ties to:' : 'Candidate cells (ambiguous, not checked):');
  for (const ref of tie.candidates.slice(0, 6)) {
    const hit = cellOf(model, ref.table, ref.row, ref.column);
    if (!hit) continue;
    const header = hit.table.columns[ref.column]?.header || `column ${ref.column + 1}`;
    lines.push(`- ${tie.agrees ? '✓ ' : ''}${lineItemPath(hit.row, hit.table)} — ${header}: ${hit.cell.text.trim()} (${hit.table.title})`);
  }
  return lines.join('\n');
}

function describeProseValue(figure: ProseFigure): string {
  if (figure.unit === 'percent') return `${figure.value}%`;
  const sign = figure.unit === 'count' ? '' : '$';
  const decimals = figure.unit === 'perShare' ? 2 : 0;
  return `${sign}${formatNumber(figure.value, decimals)} (±${formatNumber(figure.halfUnit, decimals)} from rounding)`;
}
