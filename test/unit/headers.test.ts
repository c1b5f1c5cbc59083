// Column headers whose placement was lost when a filing was turned into text.
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
