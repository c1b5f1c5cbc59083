// The same filing, typed differently, must be read the same way: line endings, a margin, tabs
// for runs of spaces. Other releases arrive in all of these; a rule that depends on them is tuned
// to the corpus. Each variant of every corpus filing must raise no warning the filing as filed
// does not, and check the same totals.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { corpusFiles, EXAMPLE, read } from '../support/corpus';

// Every plain-text filing but the two servicer reports (tens of thousands of lines of pools).
const files = [EXAMPLE, ...corpusFiles().filter((f) => f.endsWith('.txt') && !/rfmsi|aames/.test(f))];

/** Runs of two or more spaces that reach a tab stop of 8 become tabs, as `unexpand -a` does. */
function tabify(line: string): string {
  let out = '';
  let column = 0;
  let spaces = 0;
  for (const ch of line) {
    if (ch !== ' ') {
      out += ' '.repeat(spaces) + ch;
      spaces = 0;
      column++;
      continue;
    }
    spaces++;
    column++;
    if (column % 8 !== 0) continue;
    out += spaces > 1 ? '\t' : ' ';
    spaces = 0;
  }
  return out + ' '.repeat(spaces);
}

// Markup (<TABLE>, <S>, <PAGE>) stays at the margin, as EDGAR requires.
const indent = (line: string) => (line.trim() && !line.startsWith('<') ? `    ${line}` : line);

const VARIANTS: Record<string, (text: string) => string> = {
  'CRLF line ends': (t) => t.replace(/\r?\n/g, '\r\n'),
  'CR line ends': (t) => t.replace(/\r?\n/g, '\r'),
  'a four-space margin': (t) => t.split('\n').map(indent).join('\n'),
  'tabs for spaces': (t) => t.split('\n').map(tabify).join('\n'),
};

// Re-typed ways the reader may still lose some totals over (a label wrapped across a blank line
// is not joined), but that must never raise a warning the filing as filed does not.
const WARNINGS_ONLY: Record<string, (text: string) => string> = {
  'double spacing': (t) => t.replace(/\r?\n/g, '\n\n'),
  'em dashes for nil': (t) => t.replace(/(\s)--?(?=\s|$)/gm, '$1\u2014'),
  'all capitals': (t) => t.toUpperCase(),
  // "(1,234)" → "-1,234 ": the digits stay where they were.
  'minus signs for parentheses': (t) => t.replace(/\((\d[\d,.]*)\)/g, '-$1 '),
  'no dollar signs': (t) => t.replace(/\$/g, ' '),
  'no dot leaders': (t) => t.replace(/\.{3,}/g, (m) => ' '.repeat(m.length)),
  'no <TABLE>, <S>, <C> or <PAGE> markup': (t) =>
    t
      .split('\n')
      .filter((l) => !/^\s*<\/?(S|C|TABLE|CAPTION|PAGE)>/i.test(l))
      .join('\n')
      .replace(/<\/?(S|C)>/g, (m) => ' '.repeat(m.length)),
};

/**
 * A narrower stub: a row label of 30 characters or more is wrapped after half its words, the
 * rest indented two under it with the figures ("Accounts receivable, net of" / "  allowance  1,234").
 * Lines with tabs are left as they are: where their figures sit depends on the tab stops.
 */
function wrapLabel(line: string): string {
  const m = /^(\s*)(\S(?:.*?\S)?)( {2,}[$(\d-].*)$/.exec(line);
  if (!m || line.includes('\t') || m[2].length < 30 || /\d\s*$/.test(m[2]) || !/[a-z]/.test(m[2])) return line;
  const words = m[2].split(' ');
  if (words.length < 4) return line;
  const half = Math.ceil(words.length / 2);
  const rest = `${m[1]}  ${words.slice(half).join(' ')}`;
  const pad = m[1].length + m[2].length - rest.length;
  return pad < 1 ? line : `${m[1]}${words.slice(0, half).join(' ')}\n${rest}${' '.repeat(pad)}${m[3]}`;
}
WARNINGS_ONLY['labels wrapped in a narrower stub'] = (t) => t.split('\n').map(wrapLabel).join('\n');

// Several at once, as a filer's tool would.
const doubleSpaced = WARNINGS_ONLY['double spacing'];
const capitals = WARNINGS_ONLY['all capitals'];
const noMarkup = WARNINGS_ONLY['no <TABLE>, <S>, <C> or <PAGE> markup'];
WARNINGS_ONLY['capitals, double-spaced'] = (t) => doubleSpaced(capitals(t));
WARNINGS_ONLY['capitals without markup'] = (t) => noMarkup(capitals(t));
WARNINGS_ONLY['no markup, no dot leaders'] = (t) => WARNINGS_ONLY['no dot leaders'](noMarkup(t));
WARNINGS_ONLY['CRLF, no dollar signs, minus signs'] = (t) => WARNINGS_ONLY['minus signs for parentheses'](WARNINGS_ONLY['no dollar signs'](VARIANTS['CRLF line ends'](t)));

function summary(text: string) {
  const { model } = analyze(text);
  const checked = model.tables.flatMap((t) => t.footings.flatMap((f) => f.columns)).filter((c) => c.status !== 'notChecked').length;
  return { checked, findings: model.findings.map((f) => `${f.rule}: ${f.message}`) };
}

for (const [name, variant] of Object.entries(VARIANTS)) {
  test(`${name}: the same totals checked, no new warnings`, () => {
    for (const file of files) {
      const text = read(file);
      // Tabs already in a filing were set by the filer's tool; re-typing them is not the same text.
      if (text.includes('\t') && name !== 'CRLF line ends' && name !== 'CR line ends') continue;
      const before = summary(text);
      const after = summary(variant(text));
      const filing = path.basename(file);
      assert.deepEqual(after.findings.filter((f) => !before.findings.includes(f)), [], `${filing}: new warnings`);
      assert.equal(after.checked, before.checked, `${filing}: checked column totals`);
    }
  });
}

for (const [name, variant] of Object.entries(WARNINGS_ONLY)) {
  test(`${name}: no new warnings`, () => {
    for (const file of files) {
      // Headers may read differently, so warnings are counted by rule rather than compared by text.
      const byRule = (findings: string[]) => findings.reduce((m, f) => m.set(f.split(':')[0], (m.get(f.split(':')[0]) ?? 0) + 1), new Map<string, number>());
      const before = byRule(summary(read(file)).findings);
      const after = summary(variant(read(file)));
      for (const [rule, count] of byRule(after.findings)) assert.ok(count <= (before.get(rule) ?? 0), `${path.basename(file)}: new ${rule} warnings:\n${after.findings.join('\n')}`);
    }
  });
}
