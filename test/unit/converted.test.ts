// Filings whose layout was damaged when they were converted to text upstream (Apple's 1999 and
// 2000 10-Ks: no <TABLE> or <PAGE> tags, header lines flush left): statements still read whole.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { CORPUS, read } from '../support/corpus';

test('a header line printed flush left over its underlines heads the columns under them', () => {
  // Apple's 1999 10-K: "SEPTEMBER 25,1999   SEPTEMBER 25,1998" at the margin over two rules far
  // to the right. Without it the balance sheet had no periods, no title and no scale (in millions).
  const { model } = analyze(read(path.join(CORPUS, 'apple_10k_0000912057-99-010244.txt')));
  const sheet = model.tables.find((t) => t.rows.some((r) => r.label === 'Total current assets' && r.cells[0]?.text.trim() === '4,285'));
  assert.ok(sheet);
  assert.equal(sheet.title, 'CONSOLIDATED BALANCE SHEETS');
  assert.equal(sheet.scale.word, 'million');
  assert.deepEqual(sheet.columns.map((c) => c.header), ['SEPTEMBER 25,1999', 'SEPTEMBER 25,1998']);
});

test('only words as wide as the rules under them, with the same gaps, are moved over them', () => {
  const table = (header: string) =>
    analyze(['BALANCE SHEET', header, ' '.repeat(40) + '-------------   -------------', 'Cash' + ' '.repeat(40) + '$ 1,326' + ' '.repeat(9) + '$ 1,481', 'Receivables' + ' '.repeat(35) + '681' + ' '.repeat(13) + '955', ''].join('\n')).model.tables[0];
  assert.deepEqual(table('June 30, 2004   June 30, 2003').columns.map((c) => c.header), ['June 30, 2004', 'June 30, 2003']);
  // A note at the margin is not a header, however many phrases it has.
  assert.deepEqual(table('Unaudited   see notes').columns.map((c) => c.header), ['', '']);
});

test('a statement ends at its footer and a label wraps over three lines, with no page break to go by', () => {
  // "Common stock, no par value; 320,000,000 shares authorized;" / "160,799,061 and 135,192,769
  // shares issued and" / "outstanding, respectively ....  1,349  633" split the balance sheet, and
  // its tail ran on past "See accompanying notes ..." and a page number into the income statement.
  const { model } = analyze(read(path.join(CORPUS, 'apple_10k_0000912057-99-010244.txt')));
  const sheet = model.tables.find((t) => t.title === 'CONSOLIDATED BALANCE SHEETS');
  assert.ok(sheet);
  const labels = sheet.rows.map((r) => r.label);
  assert.ok(labels.includes('Total liabilities and shareholders\' equity'), labels.join(' | '));
  assert.equal(sheet.columns.length, 2);
  assert.equal(sheet.rows.find((r) => r.label === "Total shareholders' equity")?.footing !== undefined, true);
  const operations = model.tables.find((t) => t.title === 'CONSOLIDATED STATEMENTS OF OPERATIONS');
  assert.ok(operations);
  assert.deepEqual(operations.columns.map((c) => c.header), ['1999', '1998', '1997']);
  assert.equal(operations.scale.word, 'million');
  assert.equal(operations.rows[0].label, 'Net sales');
});
