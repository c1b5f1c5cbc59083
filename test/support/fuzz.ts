// Seeded generators of hostile input for the fuzz and robustness tests: real filings mutated at
// random, random bytes, odd Unicode, line-end mixes, and pathological shapes (huge lines, huge
// tables, unbalanced tags). Everything is deterministic for a given seed.
import { seeded } from './mutation';

export type Random = () => number;
export { seeded };

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
export const between = (random: Random, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

const MARKUP = [
  '<TABLE>', '</TABLE>', '<S>', '<C>', '<PAGE>', '<CAPTION>', '</CAPTION>', '<FN>', '<DOCUMENT>', '</DOCUMENT>', '<TYPE>EX-27', '<TYPE>EX-99',
  '<TEXT>', '</TEXT>', 'begin 644 file.pdf', 'end', '<SEC-HEADER>', '</SEC-HEADER>', '<PDF>', '</PDF>', '-----BEGIN PRIVACY-ENHANCED MESSAGE-----',
  '<html>', '<TABLE', '<', '>', '<S><C><C>', '- -----', '<DESCRIPTION>', '<R>', '<F1>',
];
const ODD = [
  '\u0000', '\uFEFF', '\u00A0', '\u2028', '\u2029', '\uD800', '\uDFFF', '\u202E', 'e\u0301', '😀', '—', '–', '―', '\t', '\r', '\r\n', '\n\r', '\v', '\f',
  '$', '(', ')', '%', ',', '.', '..........', '. . . .', '-', '--', '(a)', '*', 'n/a', 'NM', '(1)', '  ', '\u3000', '\u0085',
];
const FIGURES = ['1,234', '(5,678)', '$ 12,345', '($   39.0)', '-0-', '—', '12.5%', '0.37', '1,234,567,890', '9'.repeat(400), '.5', '$(3,195)', '2(A)'];

/** Applies `count` random mutations to a text. */
export function mutate(text: string, random: Random, count: number): string {
  let out = text;
  for (let i = 0; i < count; i++) {
    const at = Math.floor(random() * (out.length + 1));
    const span = Math.min(out.length - at, between(random, 0, 400));
    switch (between(random, 0, 9)) {
      case 0: // one character replaced by anything
        out = out.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x10000)) + out.slice(at + 1);
        break;
      case 1: // a range deleted
        out = out.slice(0, at) + out.slice(at + span);
        break;
      case 2: // a range duplicated
        out = out.slice(0, at + span) + out.slice(at, at + span) + out.slice(at + span);
        break;
      case 3: // markup on a line of its own or inline
        out = `${out.slice(0, at)}${random() < 0.5 ? '\n' : ''}${pick(random, MARKUP)}${random() < 0.5 ? '\n' : ' '}${out.slice(at)}`;
        break;
      case 4: // line ends changed in a range
        out = out.slice(0, at) + out.slice(at, at + span * 10).replace(/\r?\n/g, pick(random, ['\r\n', '\r', '\n\n', '\n\r'])) + out.slice(at + span * 10);
        break;
      case 5: // odd characters
        out = out.slice(0, at) + pick(random, ODD) + out.slice(at);
        break;
      case 6: // a figure where it does not belong, or a row of them
        out = out.slice(0, at) + (random() < 0.5 ? `  ${pick(random, FIGURES)}` : `\n  Total ${Array.from({ length: between(random, 1, 8) }, () => pick(random, FIGURES)).join('    ')}\n`) + out.slice(at);
        break;
      case 7: // a digit changed
        out = out.replace(/\d/g, (d) => (random() < 0.002 ? String((Number(d) + 1) % 10) : d));
        break;
      case 8: // two lines swapped
        {
          const lines = out.split('\n');
          const a = Math.floor(random() * lines.length);
          const b = Math.floor(random() * lines.length);
          [lines[a], lines[b]] = [lines[b], lines[a]];
          out = lines.join('\n');
        }
        break;
      default: // tabs for spaces in a range
        out = out.slice(0, at) + out.slice(at, at + span * 4).replace(/ {2,8}/g, '\t') + out.slice(at + span * 4);
    }
  }
  return out;
}

/** A window of a text: starts and ends anywhere (mid-table, mid-tag). */
export function window(text: string, random: Random, length: number): string {
  const start = Math.floor(random() * Math.max(1, text.length - length));
  return text.slice(start, start + length);
}

export function randomUnits(random: Random, length: number): string {
  const parts: string[] = [];
  for (let done = 0; done < length; done += 8192) {
    const units = new Uint16Array(Math.min(8192, length - done));
    for (let i = 0; i < units.length; i++) units[i] = Math.floor(random() * 0x10000);
    parts.push(String.fromCharCode(...units));
  }
  return parts.join('');
}

export function randomBytes(random: Random, length: number): string {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes.toString('utf8');
}

export function figureRow(i: number, columns = 2): string {
  const cells = Array.from({ length: columns }, (_, c) => (1000 + ((i * (c + 7)) % 9000)).toLocaleString('en-US').padStart(12));
  return `  Item number ${i % 97} of things ${cells.join('')}`;
}

/** Pathological documents, by name; `scale` shrinks them for fast unit tests. */
export function pathological(scale = 1): Record<string, string> {
  const rows = (n: number, columns = 2) => Array.from({ length: n }, (_, i) => figureRow(i, columns)).join('\n');
  return {
    'a 2 MB single line': 'Revenue 1,234 '.repeat(Math.floor(150_000 * scale)),
    'a 2 MB single line of figures': Array.from({ length: Math.floor(200_000 * scale) }, (_, i) => `${i % 1000},${String(i % 997).padStart(3, '0')}`).join('   '),
    'a bare table of many rows': rows(Math.floor(100_000 * scale)),
    'a tagged table of many rows': `<TABLE>\n<S>                              <C>         <C>\n${rows(Math.floor(100_000 * scale))}\n</TABLE>\n`,
    'rows with a total every ten': Array.from({ length: Math.floor(100_000 * scale) }, (_, i) => (i % 10 === 9 ? `  Total things ${String(i).padStart(12)}${String(2 * i).padStart(12)}` : figureRow(i))).join('\n'),
    'unclosed <TABLE> tags': `${'<TABLE>\n  Revenue       1,234     5,678\n'.repeat(Math.floor(20_000 * scale))}`,
    'closing tags only': `${'</TABLE>\n</DOCUMENT>\n  Revenue       1,234     5,678\n'.repeat(Math.floor(20_000 * scale))}`,
    'repeated header bands': '             Three Months Ended\n             1999      1998\n  Revenue    1,234   5,678\n\n'.repeat(Math.floor(20_000 * scale)),
    'NULs': '\u0000'.repeat(Math.floor(1_000_000 * scale)),
    'lines of dashes and rows of nils': '  Revenue   -   -   -   -\n------------------------\n'.repeat(Math.floor(50_000 * scale)),
    'wide rows': Array.from({ length: Math.floor(2_000 * scale) }, (_, i) => figureRow(i, 300)).join('\n'),
    'an unterminated header': `<SEC-HEADER>\n${rows(Math.floor(10_000 * scale))}`,
    'an unterminated uuencoded block': `<DOCUMENT>\n<TEXT>\nbegin 644 x.pdf\n${'M'.repeat(61)}\n`.repeat(Math.floor(5_000 * scale)),
    'CR only': rows(Math.floor(20_000 * scale)).replace(/\n/g, '\r'),
    'CRLF and CR mixed': rows(Math.floor(20_000 * scale)).replace(/\n/g, (_, i: number) => (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\r' : '\n')),
  };
}
