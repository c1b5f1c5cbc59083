// Reading figures as filers printed them, on lines taken from the corpus.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseFigure, scanLine } from '../../server/src/core/figures';
import { readScale } from '../../server/src/core/scale';

function values(line: string): Array<number | null> {
  return scanLine(line)?.tokens.map((t) => t.value) ?? [];
}

describe('figures', () => {
  test('negatives in parentheses, with $ inside or outside, and a leading minus', () => {
    assert.deepEqual(values('Net income/(loss)            $(3,195)   $(3,057)      $101    $(8,657)'), [-3195, -3057, 101, -8657]);
    assert.deepEqual(values('Restructuring charges   ($   39.0)    -1,234'), [-39, -1234]);
    assert.deepEqual(values('Accumulated depreciation and amortization         (640)                   (709)'), [-640, -709]);
  });

  test('"$" in its own column is part of the figure that follows', () => {
    const scan = scanLine('Net sales                                  $   1,578                  $   2,129')!;
    assert.equal(scan.label, 'Net sales');
    assert.deepEqual(scan.tokens.map((t) => [t.text, t.value, t.currency]), [['$   1,578', 1578, true], ['$   2,129', 2129, true]]);
  });

  test('dashes are nil (zero), n/a is not available, percentages are marked', () => {
    const scan = scanLine('  Restructuring expense/(benefit)               -          --     (5,273)       n/a      68%')!;
    assert.deepEqual(scan.tokens.map((t) => [t.kind, t.value, t.percent]), [['nil', 0, false], ['nil', 0, false], ['number', -5273, false], ['na', null, false], ['number', 68, true]]);
  });

  test('dot leaders separate the label; a label ending in a year keeps it', () => {
    assert.equal(scanLine('Net sales....................................   $7,983          30%')!.label, 'Net sales');
    assert.equal(scanLine('$1.66 - $9.97...................................          937             8.0')!.label, '$1.66 - $9.97');
    assert.equal(scanLine('Balance at September 24, 1993       116,147      204')!.label, 'Balance at September 24, 1993');
    assert.equal(scanLine('Notes due 2005       100   100')!.label, 'Notes due 2005');
  });

  test('prose that ends in a word is not a row; footnote marks glued to figures are dropped', () => {
    assert.equal(scanLine('the third quarter of 2003 were $16.0 million, compared with total revenues'), undefined);
    assert.equal(parseFigure('2(A)', 0)?.value, 2);
    assert.equal(parseFigure('(1,234)', 0)?.value, -1234);
    assert.equal(parseFigure('1,23,4', 0), undefined);
    assert.equal(parseFigure('(1,234', 0), undefined);
  });

  test('decimals decide the rounding interval', () => {
    assert.equal(parseFigure('16.0', 0)?.decimals, 1);
    assert.equal(parseFigure('$(0.04)', 0)?.decimals, 2);
    assert.equal(parseFigure('4,598', 0)?.decimals, 0);
  });
});

describe('scales', () => {
  test('thousands, millions, omitted zeros, and the per-share exemption', () => {
    const t = readScale('(In thousands, except per share data)')!;
    assert.deepEqual([t.factor, t.word, t.exceptPerShare], [1000, 'thousand', true]);
    assert.equal(readScale('(Dollars in Millions)')!.factor, 1e6);
    assert.equal(readScale("000's omitted")!.factor, 1000);
    assert.equal(readScale('(000,000 omitted)')!.factor, 1e6);
    assert.equal(readScale('(In millions, except per share amounts)')!.exceptPerShare, true);
    assert.equal(readScale('Total revenues were $16.0 million'), undefined);
  });
});

test('a range printed where the label goes is the label, not three figures', () => {
  const line = scanLine('$1.66 - $9.97                                             937             8.0      $    6.32');
  assert.equal(line?.label, '$1.66 - $9.97');
  assert.deepEqual(line?.tokens.map((t) => t.value), [937, 8, 6.32]);
  // A nil dash in its own column stays a figure.
  assert.deepEqual(scanLine('Other income          1,234          -          567')?.tokens.map((t) => t.kind), ['number', 'nil', 'number']);
});
