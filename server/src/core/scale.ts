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
    ...exceptedItems(except),
  };
}

/**
 * Things an "except" clause may exempt by counting them: "except per share data and store counts",
 * "except number of employees". Only counts: "except net income (loss) and per share amounts" or
 * "except earnings per share" exempt no row of amounts.
 */
const COUNTED = /\b(stores?|restaurants?|locations?|units?|employees?|customers?|subscribers?|members?|properties|property|square feet|accounts?|offices?|branches?|sites?)\b(?= (?:counts?|data|numbers?|amounts?)\b)|\b(?:number|numbers|counts?) of (stores?|restaurants?|locations?|units?|employees?|customers?|subscribers?|members?|properties|accounts?|offices?|branches?|sites?)\b/gi;

/** "except per share data and store counts" → store: rows naming stores are not in thousands. */
function exceptedItems(except: string): { exceptItems?: string[] } {
  if (!except) return NONE;
  const items: string[] = [];
  for (const m of except.matchAll(COUNTED)) items.push(itemWord(m[1] ?? m[2] ?? ''));
  return items.length ? { exceptItems: items } : NONE;
}

const NONE: { exceptItems?: string[] } = Object.freeze({});

/** "Stores" → store, "properties" → property: a counted thing as the clause and a label both name it. */
function itemWord(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/** Whether a row's label or its headings name an item the scale excepts ("Stores opened" under "store counts"). */
export function exceptedRow(scale: Scale, label: string, groups: string[]): boolean {
  const items = scale.exceptItems;
  if (!items) return false;
  for (const text of [label, ...groups]) {
    for (const w of text.match(/[a-z]+/gi) ?? []) if (items.includes(itemWord(w))) return true;
  }
  return false;
}

/** A share-count row may carry its own scale: "shares (in thousands)". */
export function readRowScale(label: string): Scale | undefined {
  // Every row's label is asked: only one with a parenthesis can print a scale of its own.
  if (label.indexOf('(') < 0 && !/\bin\s/i.test(label)) return undefined;
  // "Average weekly sales per restaurant (in dollars)" in a table of thousands.
  const dollars = /\(\s*in (whole |actual )?dollars\s*\)/i.exec(label);
  if (dollars) return build(1, dollars[0]);
  // "Available seat miles (millions)", "(Millions of kWh)": the unit's scale in parentheses.
  const bare = /\(\s*(thousands|millions|billions)(\s+of\s+[^()]*)?\s*\)/i.exec(label);
  if (bare) return build(WORDS[bare[1].toLowerCase()], bare[0]);
  // "(in thousands)" holds "in thousands": most labels are refused by the looser pattern alone.
  const loose = /\bin\s+(thousands|millions|billions)\b/i.exec(label);
  if (!loose) return undefined;
  const m = /\(\s*in\s+(thousands|millions|billions)\s*\)/i.exec(label) ?? loose;
  return build(WORDS[m[1].toLowerCase()], m[0]);
}
