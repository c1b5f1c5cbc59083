// What a row measures when its label does not say: percentages printed with "%" on the first row
// only, ratios, and amounts that only look small.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { hoverAt } from '../../server/src/core/hover';
import { FIXTURES, read } from '../support/corpus';

test('a percentage table prints "%" on its first row only', () => {
  // ADP 10-Q, "Revenue Growth": "Employer Services  19%  16% ..." over "Brokerage Services  24  12 ...".
  const { model } = analyze(read(path.join(FIXTURES, 'corpus/adp_10q_0001005477-98-001550.txt')));
  const growth = model.tables.find((t) => t.rows.some((r) => r.label === 'Brokerage Services' && r.cells.some((c) => c.text.trim() === '24')));
  assert.ok(growth);
  assert.deepEqual(growth.rows.map((r) => r.measure), growth.rows.map(() => 'percent'));
});

test('plain figures that run into an amount total stay amounts', () => {
  const text = [
    '                          2004      2003',
    'Segment margin              12%       14%',
    'Revenue A                    45        50',
    'Revenue B                    30        20',
    '                          ------    ------',
    'Total revenue             $  75     $  70',
  ].join('\n');
  const { model } = analyze(text);
  const table = model.tables[0];
  assert.deepEqual(table.rows.map((r) => r.measure), ['percent', 'amount', 'amount', 'amount']);
  assert.deepEqual(model.findings, []);
});

test('turns, days and multiples are ratios', () => {
  const { model } = analyze(read(path.join(FIXTURES, 'corpus/seagate_8k_0000950149-00-002214.txt')));
  const turns = model.tables.flatMap((t) => t.rows).find((r) => r.label === 'Inventory Turns');
  assert.equal(turns?.measure, 'ratio');
});

test('the share side of an earnings-per-share reconciliation counts shares, whatever its rows are named', () => {
  // Apple's 10-Qs: "Effect of dilutive securities: Convertible preferred stock 9,091" is 9,091
  // thousand shares, not the equity account of that name; PerkinElmer, EA and EMC print the same.
  const text = [
    '(In thousands, except per share amounts)    1998        1997',
    'Numerator:',
    '  Net income                              $   55      $  (708)',
    '  Effect of dilutive securities:',
    '    Interest on convertible debt, net of tax  12            --',
    'Denominator:',
    '  Weighted average shares outstanding    131,969     125,609',
    '  Effect of dilutive securities:',
    '    Convertible preferred stock            9,091          --',
    '    Dilutive options                       4,855          --',
    '  Incremental shares to reflect dilution     120          --',
    '',
    "Shareholders' equity:",
    '  Convertible preferred stock                150         150',
    '  Retained earnings                          636         589',
  ].join('\n');
  const rows = analyze(text).model.tables.flatMap((t) => t.rows);
  const measure = (label: string, nth = 0) => rows.filter((r) => r.label.startsWith(label))[nth]?.measure;
  assert.equal(measure('Interest on convertible debt'), 'amount');
  assert.equal(measure('Convertible preferred stock'), 'shares');
  assert.equal(measure('Dilutive options'), 'shares');
  assert.equal(measure('Incremental shares'), 'shares');
  assert.equal(measure('Convertible preferred stock', 1), 'amount');
});

test('a multiple printed "2.41x" is a ratio, shown as so many times', () => {
  const text = ['SELECTED RATIOS                          2005      2004', 'Allowance to nonperforming loans        3.12x     2.41x', 'Return on average equity               14.2%     13.1%', ''].join('\n');
  const { model } = analyze(text);
  const row = model.tables[0]?.rows[0];
  assert.equal(row?.measure, 'ratio');
  assert.deepEqual(row?.cells.map((c) => c.value), [3.12, 2.41]);
  const hover = hoverAt(model, text.indexOf('2.41x'));
  assert.match(hover?.markdown ?? '', /Value: 2\.41 times/);
});

test('the hover of a yield beside amounts does not call it a component of their total', () => {
  const text = [
    'AVERAGE BALANCES (In thousands)',
    '                                 Balance    Interest     Yield',
    'Loans                          1,012,400      16,842     6.60%',
    'Investment securities            238,510       3,118     5.19%',
    '                               ---------   ---------',
    '  Total earning assets         1,250,910      19,960     6.38%',
    '',
  ].join('\n');
  const { model } = analyze(text);
  const balance = hoverAt(model, text.indexOf('238,510'))?.markdown ?? '';
  const yieldHover = hoverAt(model, text.indexOf('5.19%'))?.markdown ?? '';
  assert.match(balance, /Component of: Total earning assets/);
  assert.doesNotMatch(yieldHover, /Component of/);
});

test('a change printed "3.9 pts" or "25 bps" is read, not taken for the end of a label', () => {
  const text = [
    'OPERATING STATISTICS                      2010      2009     Change',
    'Available seat miles (millions)         11,302    10,948       3.2%',
    'Passenger load factor (percent)           86.0      82.1    3.9 pts',
    'Net interest margin                      3.45%     3.20%     25 bps',
    'Occupancy                                74.2%     76.0%  (1.8) pts',
    '',
  ].join('\n');
  const { model } = analyze(text);
  const rows = model.tables[0]?.rows ?? [];
  assert.deepEqual(rows.map((r) => r.cells.map((c) => c.value)), [[11302, 10948, 3.2], [86, 82.1, 3.9], [3.45, 3.2, 25], [74.2, 76, -1.8]]);
  // Percentages and a change in points: a row of percentages, never summed with amounts.
  assert.equal(rows[3].measure, 'percent');
  assert.match(hoverAt(model, text.indexOf('3.9 pts'))?.markdown ?? '', /Value: 3\.9 percentage points/);
  assert.match(hoverAt(model, text.indexOf('25 bps'))?.markdown ?? '', /Value: 25 basis points/);
});
