// Statement titles where filers put them: inside the <TABLE> tags, inside <CAPTION>, or wrapped
// over several lines in capitals. A title read as a column header would also spoil every period.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { CORPUS, read } from '../support/corpus';

const tables = (file: string, text = read(path.join(CORPUS, file))) => analyze(text).model.tables;

test('a title printed between <TABLE> and <CAPTION> is the title, not a column header', () => {
  const [income] = tables('intel_8k_0000050863-99-000081.txt');
  assert.equal(income.title, 'CONSOLIDATED SUMMARY INCOME STATEMENT DATA');
  assert.equal(income.scale.word, 'million');
  assert.deepEqual(income.columns.map((c) => c.header), ['Three Months Ended Sept. 25, 1999', 'Three Months Ended Sept. 26, 1998', 'Nine Months Ended Sept. 25, 1999', 'Nine Months Ended Sept. 26, 1998']);
});

test('a title inside <CAPTION>, set off from the headings by its scale and a blank line', () => {
  const titled = tables('intel_8k_0000050863-00-000123.txt').filter((t) => !t.generatedTitle).map((t) => t.title);
  assert.ok(titled.includes('CONSOLIDATED SUMMARY INCOME STATEMENT DATA'), titled.join(' | '));
  const income = tables('intel_8k_0000050863-00-000123.txt').find((t) => t.title === 'CONSOLIDATED SUMMARY INCOME STATEMENT DATA')!;
  assert.equal(income.columns[0].header, 'Three Months Ended Sept. 30 2000');
  assert.equal(income.scale.word, 'million');
});

test('a statement name wrapped over several lines in capitals is a title, a paragraph in capitals is not', () => {
  const file = 'cisco_8k_0001095811-00-004387.txt';
  assert.equal(tables(file)[0].title, 'PRO FORMA CONSOLIDATED STATEMENTS OF OPERATIONS');
  assert.equal(tables(file, read(path.join(CORPUS, file)).toUpperCase())[0].title, 'PRO FORMA CONSOLIDATED STATEMENTS OF OPERATIONS');
  // Apple's 10-K typed in capitals: "THE FOLLOWING TABLE PRESENTS SELECTED FINANCIAL INFORMATION ..." stays a sentence.
  const apple = tables('apple_10k_0000912057-00-053623.txt', read(path.join(CORPUS, 'apple_10k_0000912057-00-053623.txt')).toUpperCase());
  assert.ok(!apple.some((t) => t.title.startsWith('THE FOLLOWING TABLE')), apple.map((t) => t.title).filter((t) => t.startsWith('THE')).join(' | '));
});

test('a title with "(Unaudited)" pushed far right by tabs is still a title', () => {
  // Apple's 10-Q: "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS  \t\t\t\t(Unaudited)" is 91 columns wide once expanded.
  const titles = tables('apple_10q_0000320193-97-000011.txt').map((t) => t.title);
  assert.ok(titles.includes('CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS'), titles.join(' | '));
});

test('"(Tabular information: Dollars in millions ...)" under a title is its scale caption, not a sentence', () => {
  const results = tables('apple_10q_0000320193-98-000006.txt').find((t) => t.title === 'Results of Operations');
  assert.ok(results);
  assert.equal(results.scale.word, 'million');
});

test('years between change columns after a stub name the columns, and the stub names the table', () => {
  // Apple's 1994 10-K: "RESULTS OF OPERATIONS   1994   Change   1993   Change   1992" just under <CAPTION>.
  const results = tables('apple_10k_0000320193-94-000016.txt').find((t) => t.title === 'RESULTS OF OPERATIONS');
  assert.ok(results);
  assert.deepEqual(results.columns.map((c) => c.header), ['1994', 'Change', '1993', 'Change', '1992']);
  assert.equal(results.rows[0].label, 'Net sales');
});
