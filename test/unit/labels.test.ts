// Hand-labelled accuracy: for figures in real filings, does the hover name the line item, the
// column header (period) and the scale an analyst reading the filing would name? The labels in
// test/fixtures/labels.json were written by reading the filings, not from the program's output.
// The customer's bar: at least 97% of hand-labelled figures, and 100% of their example (ATG).
//
// Full report: node --import tsx test/support/labels.ts
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ATG_FILE, checkAll, loadLabels, pct, report, tally, type Result } from '../support/labels';

// ratchet: raise as the parser improves; the customer's bar is 97%
const FLOOR = 99.7;
// The same figures with the filings typed in capitals, where case no longer tells a heading from
// a wrapped label's start: measured 95.5% (360/377).
const CAPITALS_FLOOR = 95;

const SCALES = new Set(['unit', 'thousand', 'million', 'billion', 'per-share', 'percent', 'ratio', 'shares', 'shares-thousand', 'shares-million']);

const labels = loadLabels();
const results = checkAll(labels);
const regular = results.filter((r) => !r.label.hard);
const atg = results.filter((r) => r.label.file === ATG_FILE);

function failures(list: Result[]): string {
  return list
    .filter((r) => !r.ok)
    .map((r) => `  ${r.label.file}:${r.label.line} ${r.label.figure}${(r.label.occurrence ?? 1) > 1 ? ` (#${r.label.occurrence})` : ''}: ` +
      (r.error ?? (!r.got.found ? 'not in any table cell' : [
        r.lineItemOk ? '' : `item [${r.label.lineItem.join(' / ')}]${r.label.notLineItem ? ` not [${r.label.notLineItem.join(' / ')}]` : ''} got "${r.got.lineItem}"`,
        r.periodOk ? '' : `period [${r.label.period.join(' / ')}]${r.label.notPeriod ? ` not [${r.label.notPeriod.join(' / ')}]` : ''} got "${r.got.period}"`,
        r.scaleOk ? '' : `scale ${JSON.stringify(r.label.scale)} got ${r.got.scale}`,
      ].filter(Boolean).join('; '))))
    .join('\n');
}

describe('hand-labelled figures', () => {
  test('report', () => {
    console.log(report(results));
  });

  test('every label is well formed and points at its figure', () => {
    const problems: string[] = [];
    for (const r of results) {
      const l = r.label;
      const where = `${l.file}:${l.line} ${l.figure}`;
      if (r.error) problems.push(`${where}: ${r.error}`);
      if (!Array.isArray(l.lineItem) || l.lineItem.length === 0) problems.push(`${where}: empty lineItem`);
      if (!Array.isArray(l.period) || l.period.length === 0) problems.push(`${where}: empty period`);
      for (const s of Array.isArray(l.scale) ? l.scale : [l.scale]) if (!SCALES.has(s)) problems.push(`${where}: unknown scale ${s}`);
    }
    assert.deepEqual(problems, []);
  });

  test('coverage: all of ATG and at least 20 other filings', () => {
    const others = new Set(labels.filter((l) => l.file !== ATG_FILE && !l.hard).map((l) => l.file));
    assert.ok(atg.length >= 150, `ATG labels: ${atg.length}`);
    assert.ok(others.size >= 20, `other filings: ${others.size}`);
  });

  test("the customer's example (ATG): 100%", () => {
    const t = tally(atg);
    assert.equal(t.ok, t.n, `ATG ${t.ok}/${t.n} (${pct(t.ok, t.n)}) failing:\n${failures(atg)}`);
  });

  test(`overall accuracy >= ${FLOOR}% (customer bar 97%)`, () => {
    const t = tally(regular);
    const accuracy = (100 * t.ok) / t.n;
    assert.ok(accuracy >= FLOOR, `overall ${t.ok}/${t.n} = ${accuracy.toFixed(1)}% < ${FLOOR}%:\n${failures(regular)}`);
  });

  test(`the filings typed in capitals: accuracy >= ${CAPITALS_FLOOR}%`, () => {
    const capitals = checkAll(labels.filter((l) => !l.hard), (text) => text.toUpperCase());
    const t = tally(capitals);
    const accuracy = (100 * t.ok) / t.n;
    assert.ok(accuracy >= CAPITALS_FLOOR, `capitals ${t.ok}/${t.n} = ${accuracy.toFixed(1)}% < ${CAPITALS_FLOOR}%:\n${failures(capitals)}`);
  });
});
