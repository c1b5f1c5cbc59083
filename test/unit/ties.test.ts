// Tick and tie on the customer's example: figures in the text and the same fact in two tables.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { hoverAt } from '../../server/src/core/hover';
import { lineAt } from '../../server/src/core/text';
import * as path from 'node:path';
import { CORPUS, EXAMPLE, read } from '../support/corpus';

const text = read(EXAMPLE);

/** The one finding raised by changing `from` to `to` in `original` (the change must apply). */
function onlyFinding(original: string, from: string, to: string) {
  const changed = original.replace(from, to);
  assert.notEqual(changed, original, `"${from}" is not in the filing`);
  const got = findings(changed);
  assert.equal(got.length, 1, JSON.stringify(got));
  return got[0];
}

function findings(changed: string) {
  const { source, model } = analyze(changed);
  return model.findings.map((f) => ({ rule: f.rule, line: lineAt(source, f.span.start) + 1, message: f.message }));
}

test('the text ties to the tables as filed', () => {
  const { model } = analyze(text);
  assert.deepEqual(model.findings, []);
  const tie = model.ties.find((t) => model.prose[t.figure].text === '$16.0 million');
  assert.ok(tie?.unambiguous);
  assert.equal(tie.candidates.length, 2); // highlights $16.0 and the statement's 16,009
});

test('the prose ties are made when first read, then kept, and go with the model to JSON', () => {
  const { model } = analyze(text);
  const first = model.ties;
  assert.ok(first.length > 0);
  assert.equal(model.ties, first, 'made once');
  const copy = JSON.parse(JSON.stringify(model)) as typeof model;
  assert.deepEqual(copy.ties, first);
  assert.deepEqual(Object.keys(copy), ['length', 'lineCount', 'sections', 'tables', 'prose', 'ties', 'findings', 'notes']);
});

test('a changed figure in the text is flagged against the table it names', () => {
  const got = onlyFinding(text, 'third quarter of 2003 were $16.0 million', 'third quarter of 2003 were $16.5 million');
  assert.equal(got.rule, 'tie-prose');
  assert.equal(got.line, 8);
  assert.match(got.message, /\$16\.5 million does not tie to Total revenues \(Three Months Ended Sept\. 30, 2003\)/);
});

test('the same fact in the highlights and the statement must agree', () => {
  // Services revenue, nine months 2003: 34.8 in the highlights, 34,769 in the statement.
  const changed = text.replace(' Services revenue                  11.0      12.7      34.8      40.4', ' Services revenue                  11.0      12.7      35.8      40.4');
  assert.notEqual(changed, text);
  const got = findings(changed).filter((f) => f.rule === 'tie');
  assert.deepEqual(got.map((f) => f.line).sort((a, b) => a - b), [36, 218]);
  assert.match(got[0].message, /Services revenue .*does not tie to "Condensed Consolidated Statements of Operations"/);
});

test('a segment table cross-foots to its Consolidated column', () => {
  const segments = read(`${__dirname}/../fixtures/corpus/amazon_8k_0000891020-00-001354.txt`);
  assert.deepEqual(analyze(segments).model.findings, []);
  const changed = segments.replace('$ 385,275     $ 73,393     $ 119,208    $  577,876', '$ 385,275     $ 73,393     $ 119,208    $  577,376');
  assert.notEqual(changed, segments);
  const got = findings(changed);
  assert.equal(got.length, 1, JSON.stringify(got));
  assert.equal(got[0].rule, 'cross-footing');
  assert.match(got[0].message, /Net sales does not cross-foot: .*Consolidated prints \$  577,376, the columns add up to 577,876 \(off by \(500\)\)/);
});

test('percentages are their line item over its base, within rounding', () => {
  const got = onlyFinding(text, '   Percent of total revenues         31%', '   Percent of total revenues         35%');
  assert.equal(got.rule, 'percentage');
  assert.equal(got.line, 35);
  assert.match(got.message, /prints 35%, but License revenue 5\.0 over Total revenues \$16\.0 is 31\.3%/);
});

test('a balance sheet must balance', () => {
  const changed = text.replace('    equity                                    $67,119       $104,835', '    equity                                    $67,119       $104,335');
  const got = findings(changed).filter((f) => f.rule === 'balance-sheet');
  assert.equal(got.length, 1, JSON.stringify(got));
  assert.equal(got[0].line, 298);
  assert.match(got[0].message, /is \$104,335 but Total assets is \$104,835 \(off by \(500\)\)/);
});

test('the hover of a cell shows its tie marks to the other tables', () => {
  const { model } = analyze(text);
  const hover = hoverAt(model, text.indexOf('34,769') + 1)?.markdown ?? '';
  assert.match(hover, /- Tie: ✓ agrees with Services revenue 34\.8 in THIRD-QUARTER FINANCIAL HIGHLIGHTS/);
  const changed = text.replace('34,769', '35,769');
  const broken = analyze(changed).model;
  assert.match(hoverAt(broken, changed.indexOf('35,769') + 1)?.markdown ?? '', /- Tie: ✗ does not agree with Services revenue 34\.8/);
});

test('a subtotal whose own breakdown is partial shares the doubt when the grand total does not foot', () => {
  // Southern Company's kilowatt-hour sales: Total Sales 45,217 = Total Retail Sales 37,056 + Total
  // Wholesale Sales 8,161. Retail is broken down only partly (Residential + Commercial + Industrial
  // = 36,807, no "Other"), so a wrong digit in 37,056 can be seen only against Total Sales.
  const filing = read(path.join(CORPUS, 'southernco_8k_0000092122-05-000042.txt'));
  assert.deepEqual(analyze(filing).model.findings, []);
  const changed = filing.replace('Total Retail Sales-      37,056', 'Total Retail Sales-      37,956');
  assert.notEqual(changed, filing);
  const got = findings(changed).filter((f) => f.rule === 'footing');
  // Total Wholesale Sales has no breakdown at all, so it is as much in doubt as Retail.
  assert.deepEqual(got.map((f) => f.line), [827, 829, 834]);
  assert.match(got[0].message, /Total Sales .* printed 45,217, components sum to 46,117 \(off by \(900\)\)/);
  assert.match(got[1].message, /Total Retail Sales- does not tie into Total Sales .*off by \(900\).*its own components could not be identified/);
});

test('selected data headed by years tie to the statements headed by dates', () => {
  // PerkinElmer's five-year table prints Total assets 2,260,179 for 2000, as the balance sheet at
  // December 31, 2000 does; EMC's fiscal 1993 ended on January 1, 1994 (a 52-53 week year).
  const cases = [
    { file: 'perkinelmer_10k405_0000950135-01-000920.txt', from: 'Total assets...................................  $2,260,179', to: 'Total assets...................................  $2,268,179', lines: [973, 2289], off: '(off by 8,000,000)' },
    { file: 'emc_10k_0000790070-94-000005.txt', from: 'Total assets         829,646', to: 'Total assets         823,646', lines: [1174, 1565], off: '(off by (6,000,000))' },
  ];
  for (const c of cases) {
    const filing = read(path.join(CORPUS, c.file));
    assert.deepEqual(findings(filing).filter((f) => f.rule === 'tie'), [], c.file);
    const changed = filing.replace(c.from, c.to);
    assert.notEqual(changed, filing, c.file);
    const ties = findings(changed).filter((f) => f.rule === 'tie');
    assert.deepEqual(ties.map((f) => f.line), c.lines, c.file);
    assert.ok(ties[0].message.startsWith('Total assets (') && ties[0].message.endsWith(c.off), ties[0].message);
  }
  // The hover of the five-year figure shows its tie mark to the balance sheet.
  const filing = read(path.join(CORPUS, cases[0].file));
  const hover = hoverAt(analyze(filing).model, filing.indexOf(cases[0].from) + cases[0].from.length - 2)?.markdown ?? '';
  assert.match(hover, /- Tie: ✓ agrees with TOTAL ASSETS .*CONSOLIDATED BALANCE SHEETS/);
});

test('a year alone is tied only when the two tables agree on which fiscal year it is', () => {
  // The five-year table prints fiscal 1999 total assets 300,000 and 1998 280,000; the balance
  // sheet has a wrong 1999 figure. Dated December 31 it is flagged; dated as a retailer's year
  // (fiscal 1999 ends on January 29, 2000) the years do not line up, nothing agrees, nothing is said.
  const selected = ['SELECTED FINANCIAL DATA', '(In thousands)', '', `${' '.repeat(40)}    1999        1998`,
    `Total assets${' '.repeat(28)}  300,000     280,000`, `Total liabilities${' '.repeat(23)}  100,000      90,000`, ''];
  const balance = (a: string, b: string) => ['CONSOLIDATED BALANCE SHEETS', '(In thousands)', '', `${' '.repeat(36)}${a}   ${b}`,
    `Total assets${' '.repeat(28)}  310,000         280,000`, `Total liabilities${' '.repeat(23)}  100,000          90,000`, ''];
  const tieLines = (header: string[]) => findings([...selected, '', ...header].join('\n')).filter((f) => f.rule === 'tie').map((f) => f.line);
  assert.deepEqual(tieLines(balance('December 31, 1999', 'December 31, 1998')), [5, 13]);
  assert.deepEqual(tieLines(balance('January 29, 2000', 'January 30, 1999')), []);
});

test('"revenue" in the text names a "Net sales" row, not a "percentage of net sales" of another item', () => {
  const release = [
    'Revenue rose 12% to $1.24 billion in the quarter, and selling expenses were 21.7% of revenue.',
    '',
    'STATEMENTS OF INCOME',
    '(In millions)                              2011        2010',
    'Net sales                               $1,243.6    $1,108.4',
    'Selling, general and administrative        269.9       240.1',
    '  Percentage of net sales                   21.7%       21.7%',
    '',
  ].join('\n');
  const { model } = analyze(release);
  const tied = (figure: string) => model.ties.find((t) => model.prose[t.figure].text === figure);
  const sales = tied('$1.24 billion');
  assert.ok(sales?.unambiguous, 'ties to Net sales');
  assert.equal(model.tables[0].rows[sales.candidates[0].row].label, 'Net sales');
  assert.equal(tied('21.7%'), undefined);
});

test('"net income" and "per diluted share" in the text name the net income and diluted EPS rows', () => {
  const release = [
    'Net income for the quarter was $5.6 million, or $0.38 per diluted share. Fourth quarter diluted EPS of $0.38',
    'included a charge. Interest income was $5.6 million. Net interest income increased to $12.1 million, and other income rose 28%.',
    '',
    'STATEMENTS OF INCOME',
    '(In thousands, except per share data)',
    '                                            2005       2004    % Change',
    'Net interest income                       $12,100    $11,200       8%',
    'Net income                                 $5,565     $4,436       28%',
    'Earnings per share:',
    '  Basic                                     $0.39      $0.31',
    '  Diluted                                   $0.38      $0.31',
    '',
  ].join('\n');
  const { model } = analyze(release);
  const rowsOf = (figure: string) =>
    model.ties.filter((t) => model.prose[t.figure].text === figure).map((t) => (t.unambiguous ? model.tables[0].rows[t.candidates[0].row].label : 'ambiguous'));
  // Twice in the text: "Net income ... was $5.6 million" ties, "Interest income was $5.6 million" does not.
  assert.deepEqual(rowsOf('$5.6 million'), ['Net income']);
  assert.deepEqual(rowsOf('$0.38 per diluted share'), ['Diluted']);
  // "diluted EPS of $0.38": the clause says it is per share.
  assert.deepEqual(rowsOf('$0.38'), ['Diluted']);
  // "Net interest income" is not the net result, and a "% Change" is no amount.
  assert.deepEqual(rowsOf('$12.1 million'), ['Net interest income']);
  assert.deepEqual(rowsOf('28%'), []);
});

test('kilowatt-hours and revenue of the same customer class are two quantities, not a failed tie', () => {
  const release = [
    '                    CONSOLIDATED STATEMENTS OF INCOME',
    '                  (In millions, except per share amounts)',
    '',
    '                                     Three Months Ended December 31,',
    '                                          2005           2004',
    'Operating revenues',
    '  Residential                           $  236         $  221',
    '  Other retail                               9              8',
    '                                        ------         ------',
    '    Total operating revenues            $  245         $  229',
    '                                        ======         ======',
    '',
    '',
    '                     KILOWATT-HOUR SALES',
    '                                     Three Months Ended December 31,',
    '                                          2005           2004',
    'Kilowatt-hour sales (millions of kWh)',
    '  Residential                            2,261          2,204',
    '  Other retail                             103            101',
    '                                        ------         ------',
    '    Total                                2,364          2,305',
    '                                        ======         ======',
    '',
  ].join('\n');
  assert.deepEqual(analyze(release).model.findings.map((f) => f.message), []);
});
