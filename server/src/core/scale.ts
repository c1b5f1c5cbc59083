// Scale statements printed above or inside a table: "(In thousands, except per share data)",
// "(Dollars in Millions)", "000's omitted", "(in millions, except per share amounts)".
import type { Scale } from './model';

const WORDS: Record<string, number> = { thousand: 1e3, thousands: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9 };
const IN_WORD = /\bin\s+(thousands|millions|billions)\b/i;
// "(000's)", "(000 omitted)", "000's omitted", "($000)", "(000,000's omitted)"
const OMITTED = /\(\s*\$?\s*(000(?:,000)?)(?:'?s)?(?:\s+omitted)?\s*\)|\b(000(?:,000)?)'?s\s+omitted\b/i;

export const UNIT_SCALE: Scale = {
  factor: 1,
  word: '',
  source: '',
  exceptPerShare: false,
  exceptShares: false,
  exceptPercentages: true,
};

/** Finds a scale statement in a line of text, or undefined. */
export function readScale(line: string): Scale | undefined {
  const m = IN_WORD.exec(line);
  if (m) return build(WORDS[m[1].toLowerCase()], line);
  const o = OMITTED.exec(line);
  if (o) return build((o[1] ?? o[2]) === '000,000' ? 1e6 : 1e3, line);
  return undefined;
}

function build(factor: number, line: string): Scale {
  const source = (line.match(/\([^)]*\)/g)?.find((p) => IN_WORD.test(p) || OMITTED.test(p)) ?? line).trim();
  const except = /\bexcept\b([^)]*)/i.exec(line)?.[1] ?? '';
  return {
    factor,
    word: factor === 1e3 ? 'thousand' : factor === 1e6 ? 'million' : factor === 1e9 ? 'billion' : '',
    source,
    exceptPerShare: /per[- ]share|per-share|\beps\b/i.test(except),
    exceptShares: /\bshares?\b(?![- ]?(data|amounts?)?\s*per)|share (data|amounts)/i.test(except.replace(/per[- ]share/gi, '')),
    exceptPercentages: true,
  };
}

/** A share-count row may carry its own scale: "shares (in thousands)". */
export function readRowScale(label: string): Scale | undefined {
  // "(in thousands)" holds "in thousands": most labels are refused by the looser pattern alone.
  const loose = /\bin\s+(thousands|millions|billions)\b/i.exec(label);
  if (!loose) return undefined;
  const m = /\(\s*in\s+(thousands|millions|billions)\s*\)/i.exec(label) ?? loose;
  return build(WORDS[m[1].toLowerCase()], m[0]);
}
