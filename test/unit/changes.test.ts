// Change columns: each row's change is its current period less its prior one, as an amount or as
// a percentage of the prior period, within the rounding of the figures.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { hoverAt } from '../../server/src/core/hover';
import { lineAt } from '../../server/src/core/text';
import { CORPUS, read } from '../support/corpus';

function findings(text: string, rule: string) {
  const { source, model } = analyze(text);
  return model.findings.filter((f) => f.rule === rule).map((f) => ({ line: lineAt(source, f.span.start) + 1, message: f.message }));
}

test('a percent change column is the change of the two periods beside it', () => {
  // Southern Company, kilowatt-hour sales: Industrial 14,039 against 13,492 is 4.1% up (printed 4.0%,
  // worked out from unrounded figures). A wrong digit in 14,039 leaves 4.0% standing alone.
  const filing = read(path.join(CORPUS, 'southernco_8k_0000092122-05-000042.txt'));
  assert.deepEqual(findings(filing, 'percentage'), []);
  const changed = filing.replace('Industrial               14,039', 'Industrial               14,939');
  assert.notEqual(changed, filing);
  assert.deepEqual(findings(changed, 'percentage'), [
    { line: 832, message: 'Industrial (3 Months Ended December Change) prints 4.0%, but 14,939 against 13,492 is a change of 10.7%' },
  ]);
});

/** Figures right-aligned on their digits; a closing parenthesis hangs one place to the right. */
const row = (label: string, ...figures: string[]) =>
  label.padEnd(30) + figures.map((f) => (f.endsWith(')') ? f.padStart(13) : `${f.padStart(12)} `)).join('');

const statement = (revenueChange: string, costChange: string, opexChange = '(10)', interestChange = '(5)', periods = ['2004', '2003']) =>
  [
    'SUMMARY OF OPERATIONS',
    '(In thousands)',
    '',
    row('', ...periods, 'Change'),
    row('Revenues', '$ 1,000', '$   900', `$ ${revenueChange}`),
    row('Cost of sales', '600', '550', costChange),
    row('Operating expenses', '200', '210', opexChange),
    row('Interest expense', '40', '45', interestChange),
    '',
  ].join('\n');

test('an amount change column is the difference of the two periods, whatever sign it is printed with', () => {
  // "(50)" for a rise in costs is the unfavourable change, printed as such by many filers.
  assert.deepEqual(findings(statement('100', '(50)'), 'cross-footing'), []);
  assert.deepEqual(findings(statement('190', '50'), 'cross-footing'), [
    { line: 5, message: 'Revenues (Change) prints $ 190, but $ 1,000 against $   900 is a change of 100' },
  ]);
});

test('a duration printed over a change column heads it too; a date or a sentence over it does not', () => {
  const headers = (band: string[]) => analyze([...band, row('', '2004', '2003', 'Change'), row('Revenues', '1,000', '900', '100'), row('Cost of sales', '600', '550', '50'), ''].join('\n')).model.tables[0].columns.map((c) => c.header);
  // Printed over all three columns (as Southern Company prints "12 Months Ended December"): the change is the quarter's.
  assert.deepEqual(headers([' '.repeat(40) + 'Three Months Ended December']), ['Three Months Ended December 2004', 'Three Months Ended December 2003', 'Three Months Ended December Change']);
  // A date names the periods beside the change; a sentence run into the band heads nothing.
  assert.equal(headers([' '.repeat(38) + 'Three Months Ended December 31, 2004']).at(-1), 'Change');
  assert.equal(headers([' '.repeat(20) + 'The table below sets out the results for the years']).at(-1), 'Change');
});

test('a duration over a dated line takes the columns ruled under that line, change column included', () => {
  // "Year Ended" over "December 31," over a rule across "2005  2004  % Change": figures tab-aligned
  // a few places left of their headings, so centring alone put "Year Ended" over one column.
  const text = [
    'CONSOLIDATED STATEMENTS OF INCOME',
    '(in thousands)',
    '',
    '                                            Three Months Ended                  Year Ended',
    '                                               December 31,                    December 31,',
    '                                      ------------------------------  ------------------------------',
    '                                           2005       2004  % Change       2005       2004  % Change',
    '',
    'Net sales\t\t\t       $186,452   $171,309\t8.8%   $712,884   $668,215\t6.7%',
    'Cost of sales\t\t\t\t124,318    116,540\t6.7%\t478,905    452,117\t5.9%',
    'Gross profit\t\t\t\t 62,134     54,769     13.4%\t233,979    216,098\t8.3%',
    '',
  ].join('\n');
  const headers = analyze(text).model.tables[0].columns.map((c) => c.header);
  assert.deepEqual(headers, [
    'Three Months Ended December 31, 2005',
    'Three Months Ended December 31, 2004',
    'Three Months Ended % Change',
    'Year Ended December 31, 2005',
    'Year Ended December 31, 2004',
    'Year Ended % Change',
  ]);
});

test('a period headed "Dec. 2004" is a period, not an "Inc/(Dec)" change column', () => {
  assert.deepEqual(findings(statement('190', '50', '(10)', '(5)', ['Dec. 2004', 'Dec. 2003']), 'cross-footing').map((f) => f.line), [5]);
});

test('a column that most rows do not bear out as a change is not checked', () => {
  // Two rows agree, two do not: no more agree than disagree, so the reading is not borne out.
  const text = statement('190', '75');
  assert.deepEqual(findings(text, 'cross-footing'), []);
});

test('a margin printed without its % sign changes in points in a % Change column', () => {
  const text = [
    'HIGHLIGHTS',
    '(In thousands)',
    '',
    row('', '2004', '2003', '% Change'),
    row('Revenues', '$ 1,000', '$   800', '25.0%'),
    row('Operating income', '200', '160', '25.0%'),
    row('Net income', '120', '100', '20.0%'),
    row('Operating margin', '20.0', '18.5', '1.5'),
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'percentage'), []);
  // The same row as an amount is a change of 8.1%, not 1.5%: flagged.
  assert.deepEqual(findings(text.replace('Operating margin', 'Operating result'), 'percentage').map((f) => f.line), [8]);
});

test('the hover of a percent change shows the change it was checked against, not a scale', () => {
  const filing = read(path.join(CORPUS, 'southernco_8k_0000092122-05-000042.txt'));
  const at = filing.indexOf('14,039    13,492      4.0%') + 22;
  const hover = hoverAt(analyze(filing).model, at)?.markdown ?? '';
  assert.match(hover, /- Value: 4\.0%\n- Scale: percent \(not scaled\)/);
  assert.match(hover, /- Change: ✓ agrees within rounding: 14,039 against 13,492 is a change of 4\.1%/);
  const changed = filing.replace('14,039    13,492      4.0%', '14,939    13,492      4.0%');
  assert.match(hoverAt(analyze(changed).model, at)?.markdown ?? '', /- Change: ✗ does not agree: 14,939 against 13,492 is a change of 10\.7%/);
});

test('a count in a "Change" column of percentages may change in units', () => {
  // Airline statistics: "Aircraft at end of period  182  186  (4)" among rows changing in percent.
  const text = [
    'OPERATING STATISTICS',
    '',
    row('', '2010', '2009', 'Change'),
    row('Revenue passengers (thousands)', '12,410', '11,880', '4.5%'),
    row('Available seat miles (millions)', '27,201', '26,588', '2.3%'),
    row('Aircraft at end of period', '182', '186', '(4)'),
    '',
  ].join('\n');
  assert.deepEqual(findings(text, 'percentage').concat(findings(text, 'cross-footing')), []);
  // Neither a unit nor a percent change: flagged.
  const changed = text.replace('(4)', '(9)');
  assert.equal(findings(changed, 'percentage').length + findings(changed, 'cross-footing').length, 1);
});

test('a "% of Total" column is a share of its own period: the date over it heads it', () => {
  const text = [
    'NET REVENUES BY PRODUCT GROUP',
    '                               October 1, 2000      July 2, 2000',
    '                                Amount    % of      Amount    % of',
    '                                         Total               Total',
    '                               -------   -----     -------   -----',
    'Communications                $ 98,215    52.4%   $ 87,120    51.6%',
    'Storage                         61,847    33.0%     56,305    33.3%',
    '',
  ].join('\n');
  const headers = analyze(text).model.tables[0].columns.map((c) => c.header);
  assert.deepEqual(headers, ['October 1, 2000 Amount', 'October 1, 2000 % of Total', 'July 2, 2000 Amount', 'July 2, 2000 % of Total']);
});
