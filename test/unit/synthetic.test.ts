// Made-up releases in layouts the corpus lacks (test/fixtures/synthetic/README.md), each with the
// answer key written with it: every labelled figure read right, every planted error flagged on its
// line, and no other warning. What is not yet right is listed in the key with why (knownMisses,
// knownFalseAlarms), and compared exactly, so that a fix or a new failure both show.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { lineAt } from '../../server/src/core/text';
import { FIXTURES } from '../support/corpus';
import { checkLabel, type Label } from '../support/labels';

interface Key {
  errors: Array<{ line: number; label: string }>;
  figures: Array<Pick<Label, 'line' | 'figure' | 'lineItem' | 'period' | 'scale'>>;
  /** Figures still read wrong, each with why: listed so that a fix or a new miss shows. */
  knownMisses?: Array<{ line: number; figure: string; why: string }>;
  /** Warnings a planted error causes on another line (a balance sheet that no longer balances). */
  consequences?: Array<{ line: number; why: string }>;
  /** Warnings on correct figures not fixed yet (fourth set), listed so that a fix or a new one shows. */
  knownFalseAlarms?: Array<{ line: number; why: string }>;
}

for (let n = 1; n <= 30; n++) {
  const file = `synthetic/blind${n}.txt`;
  const key = JSON.parse(readFileSync(path.join(FIXTURES, `synthetic/blind${n}.json`), 'utf8')) as Key;

  test(`${file}: every labelled figure has its line item, period and scale`, () => {
    const misses = key.figures
      .map((f) => checkLabel({ ...f, file } as Label))
      .filter((r) => !r.ok)
      .map((r) => `line ${r.label.line} ${r.label.figure}: got ${r.error ?? JSON.stringify(r.got)}`);
    const known = (key.knownMisses ?? []).map((m) => `line ${m.line} ${m.figure}`);
    assert.deepEqual(misses.map((m) => m.split(':')[0]), known, misses.join('\n'));
  });

  test(`${file}: the planted errors are flagged, and nothing else`, () => {
    const { source, model } = analyze(readFileSync(path.join(FIXTURES, file), 'utf8'));
    const warned = model.findings.filter((f) => f.severity === 'warning').map((f) => ({ line: lineAt(source, f.span.start) + 1, message: f.message }));
    const planted = new Set(key.errors.map((e) => e.line));
    assert.deepEqual([...planted].filter((line) => !warned.some((w) => w.line === line)), [], 'planted errors not flagged');
    // Any other warning must be a listed consequence or known false alarm, and each listed one must still occur.
    const expected = [...(key.consequences ?? []), ...(key.knownFalseAlarms ?? [])].map((e) => e.line);
    const others = [...new Set(warned.filter((w) => !planted.has(w.line)).map((w) => w.line))];
    assert.deepEqual(others.sort((a, b) => a - b), [...new Set(expected)].sort((a, b) => a - b), JSON.stringify(warned.filter((w) => !planted.has(w.line))));
  });
}
