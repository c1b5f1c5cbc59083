// The cash flow statement's cash at the end (and beginning) of a period ties to the balance sheet.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { periodDate } from '../../server/src/core/cashTie';
import { lineAt } from '../../server/src/core/text';
import { FIXTURES, read } from '../support/corpus';

const adp = read(path.join(FIXTURES, 'corpus/adp_10q_0001005477-98-001550.txt'));
const perkinElmer = read(path.join(FIXTURES, 'corpus/perkinelmer_10k405_0000950135-01-000920.txt'));

function cashTies(text: string) {
  const { source, model } = analyze(text);
  return model.findings.filter((f) => f.rule === 'cash-tie').map((f) => ({ line: lineAt(source, f.span.start) + 1, message: f.message, related: f.related.map((r) => lineAt(source, r.span.start) + 1) }));
}

function change(text: string, line: string, replacement: string): string {
  assert.equal(text.split(line).length, 2, `"${line}" must occur once`);
  return text.replace(line, replacement);
}

test('as filed, the cash flow statements tie to the balance sheets', () => {
  assert.deepEqual(cashTies(adp), []);
  assert.deepEqual(cashTies(perkinElmer), []);
});

test('a changed balance sheet cash figure is flagged at both ends of the tie', () => {
  // ADP: cash at March 31, 1998 is $871,040 on both statements.
  const got = cashTies(change(adp, 'Cash and cash equivalents                        $  871,040', 'Cash and cash equivalents                        $  871,940'));
  assert.deepEqual(got.map((f) => [f.line, f.related]), [[155, [274]], [274, [155]]]);
  assert.match(got[0].message, /^Cash and cash equivalents \(March 31, 1998\) is \$  871,940 but the cash flow statement's Cash and cash equivalents, at end of period is \$ 871,040 \(off by 900\)/);
  assert.match(got[1].message, /at the end of the period is \$  871,940 \(off by \(900\)\)/);
});

test('cash at the beginning of nine months ties to the balance sheet at the prior month end', () => {
  // ADP: nine months ended March 31, 1998 begin after June 30, 1997 ($590,578).
  const got = cashTies(change(adp, '$  871,040     $  590,578', '$  871,040     $  591,578'));
  assert.equal(got.length, 2, JSON.stringify(got));
  assert.match(got[1].message, /at beginning of period \(Nine Months Ended March 31, 1998\) is 590,578 but the balance sheet's .* at the beginning of the period is \$  591,578/);
});

test('annual statements headed by the fiscal year tie year to year', () => {
  // PerkinElmer 2000: cash at the end of the year $125,551 on both statements.
  const got = cashTies(change(perkinElmer, '$  125,551    $  126,650', '$  125,651    $  126,650'));
  assert.deepEqual(got.map((f) => [f.line, f.related]), [[2272, [2502]], [2502, [2272]]]);
});

test('period start dates: month ends only, 52-53 week periods have none', () => {
  assert.equal(periodDate('Nine Months Ended September 30, 2003', 'start'), '2002-12-31');
  assert.equal(periodDate('Three Months Ended March 31, 2004', 'start'), '2003-12-31');
  assert.equal(periodDate('Six Months Ended August 31, 2004', 'start'), '2004-02-29');
  assert.equal(periodDate('Three Months Ended June 27, 1998', 'start'), undefined);
  assert.equal(periodDate('Three Months Ended June 27, 1998', 'end'), '1998-06-27');
  assert.equal(periodDate('1994', 'start'), 'FY1993');
  assert.equal(periodDate('March 31, 1998', 'end'), undefined);
});
