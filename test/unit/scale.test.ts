// Where a table's scale comes from when its caption prints none.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { readRowScale } from '../../server/src/core/scale';
import { unitFactor } from '../../server/src/core/ties';
import { FIXTURES, read } from '../support/corpus';

test('a scale stated in the sentence that introduces a table is its scale', () => {
  // Apple 10-Q: "... per share (in thousands, except net income (loss) and per share amounts):"
  // over a table whose only scale word is a row's "(in millions)".
  const text = read(path.join(FIXTURES, 'corpus/apple_10q_0000320193-98-000006.txt'));
  const table = analyze(text).model.tables.find((t) => t.rows.some((r) => /Denominator for basic/.test(r.label + r.groups.join(' '))));
  assert.ok(table);
  assert.equal(table.scale.word, 'thousand');
  assert.equal(table.scale.exceptPerShare, true);
  assert.equal(table.scale.source, '(in thousands, except net income loss and per share amounts)');
  const netIncome = table.rows.find((r) => /^Net income/.test(r.label));
  assert.equal(netIncome?.scale?.word, 'million');
});

test('a sentence without a colon, or far above, lends no scale', () => {
  const body = ['                    1998      1997', 'Revenue            1,234     1,100', 'Costs                234       100', '                  ------    ------', 'Total              1,468     1,200'];
  const far = ['Amounts are shown (in thousands) throughout this report.', '', ...body].join('\n');
  assert.equal(analyze(far).model.tables[0]?.scale.word, '');
  const near = ['The components were as follows (in thousands):', '', ...body].join('\n');
  assert.equal(analyze(near).model.tables[0]?.scale.word, 'thousand');
});

test('a unit\'s scale in parentheses on a label or its heading: "(millions)", "(Millions of kWh)"', () => {
  assert.equal(readRowScale('Available seat miles (millions)')?.factor, 1e6);
  assert.equal(readRowScale('Revenue passengers (thousands)')?.factor, 1e3);
  assert.equal(readRowScale('Kilowatt-Hour Sales (Millions of kWh)')?.factor, 1e6);
  assert.equal(readRowScale('Net sales'), undefined);
});

test('a bridge titled "earnings per diluted share" is in dollars per share, not the caption\'s millions', () => {
  const text = [
    '(In millions, except per share amounts)',
    '',
    '                RECONCILIATION OF EARNINGS PER DILUTED SHARE',
    '                                              Fourth        Twelve',
    '                                             Quarter        Months',
    '2004 EPS                                       $0.31         $1.92',
    '  Weather                                       0.04          0.08',
    '  Interest charges                                --         (0.02)',
    '2005 EPS                                       $0.35         $1.98',
    '',
  ].join('\n');
  const rows = analyze(text).model.tables[0]?.rows ?? [];
  assert.deepEqual(rows.map((r) => r.measure), ['perShare', 'perShare', 'perShare', 'perShare']);
});

test('a "Homes" column or a "Backlog (homes):" heading counts homes, in a table of dollars in thousands', () => {
  const text = [
    'OPERATING DATA (Dollars in thousands)',
    '                                 June 30, 2006            June 30, 2005',
    '                               Homes        Value       Homes        Value',
    'Backlog:',
    '  West                           652  $   362,512       1,018  $   551,451',
    '  Mountain                     1,738      573,714       2,240      694,176',
    '    Total                      2,390  $   936,226       3,258  $ 1,245,627',
    '',
    'Backlog (homes):',
    '  Beginning of quarter         5,226        5,694',
    '  Net new orders               2,726        2,318',
    '',
  ].join('\n');
  const { model } = analyze(text);
  const factors = model.tables.flatMap((t) => t.rows.map((r) => r.cells.map((c) => unitFactor(t, r, c.column))));
  assert.deepEqual(factors.slice(0, 3), [[1, 1000, 1, 1000], [1, 1000, 1, 1000], [1, 1000, 1, 1000]]);
  assert.deepEqual(factors.slice(3).flat(), [1, 1, 1, 1]);
});
