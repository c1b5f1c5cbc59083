// Figures quoted in prose: "$16.0 million", "($0.04) per share", "a 12% increase", "1.2 billion".
// Each gets a value in units and the rounding interval of its printed digits, for hovers and ties.
import { LineKind } from './envelope';
import type { Lines } from './lines';
import type { ProseFigure, ProseUnit } from './model';

const FIGURE = /(\()?(\$\s?)?(\()?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\))?(?:\s?(million|billion|thousand|trillion)s?\b|\s?(%|percent\b))?(\s+per\s+(?:diluted\s+|basic\s+|common\s+)?share)?/gi;
const MULTIPLIER: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const MAX_PER_LINE = 40;

export function readProse(lines: Lines, inTable: Uint8Array): ProseFigure[] {
  const figures: ProseFigure[] = [];
  for (let line = 0; line < lines.count; line++) {
    if (inTable[line] || lines.kind(line) !== LineKind.Text) continue;
    const raw = lines.source.text.slice(lines.source.starts[line], lines.source.ends[line]);
    if (raw.indexOf('$') < 0 && raw.indexOf('%') < 0 && !/percent|illion/i.test(raw)) continue;
    readLine(lines, line, raw, figures);
  }
  return figures;
}

function readLine(lines: Lines, line: number, raw: string, out: ProseFigure[]): void {
  FIGURE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = FIGURE.exec(raw)) && count < MAX_PER_LINE) {
    const figure = toFigure(lines, line, raw, m);
    if (figure) {
      out.push(figure);
      count++;
    }
  }
}

function toFigure(lines: Lines, line: number, raw: string, m: RegExpExecArray): ProseFigure | undefined {
  const [, open1, dollar, open2, integer, fraction, close, scaleWord, percent, perShare] = m;
  const currency = !!dollar;
  if (!currency && !scaleWord && !percent) return undefined;
  if (!currency && scaleWord && !/\d/.test(integer)) return undefined;
  const before = raw[m.index - 1];
  if (before && /[\w.]/.test(before)) return undefined;
  const negative = !!(open1 || open2) && !!close;
  let text = m[0];
  let start = m.index;
  if ((open1 || open2) && !close) {
    text = text.replace(/^\(/, '');
    start++;
  }
  const decimals = fraction ? fraction.length - 1 : 0;
  const multiplier = scaleWord ? MULTIPLIER[scaleWord.toLowerCase()] : 1;
  const magnitude = Number(integer.replace(/,/g, '') + (fraction ?? '')) * multiplier;
  const unit: ProseUnit = percent ? 'percent' : perShare ? 'perShare' : currency ? 'currency' : 'count';
  const lineStart = lines.source.starts[line];
  return {
    span: { start: lineStart + start, end: lineStart + start + text.trimEnd().length },
    text: text.trimEnd(),
    line,
    value: negative ? -magnitude : magnitude,
    halfUnit: 0.5 * Math.pow(10, -decimals) * multiplier,
    unit,
    scaleWord: scaleWord?.toLowerCase() ?? '',
    context: sentenceAround(lines, line, start),
  };
}

/** The clause before a figure, across a wrapped line, for matching line items ("Total revenues ... were"). */
function sentenceAround(lines: Lines, line: number, column: number): string {
  const current = lines.source.text.slice(lines.source.starts[line], lines.source.starts[line] + column);
  const previous = line > 0 && lines.kind(line - 1) === LineKind.Text ? lines.source.text.slice(lines.source.starts[line - 1], lines.source.ends[line - 1]) : '';
  const joined = `${previous} ${current}`.replace(/\s+/g, ' ');
  const sentenceStart = Math.max(joined.lastIndexOf('. '), joined.lastIndexOf('; '));
  return joined.slice(sentenceStart + 1).trim().slice(-160);
}
