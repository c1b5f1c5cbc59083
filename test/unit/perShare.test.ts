// Earnings per share against net income and weighted average shares, on real statements.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { hoverAt } from '../../server/src/core/hover';
import { lineAt } from '../../server/src/core/text';
import { EXAMPLE, FIXTURES, read } from '../support/corpus';

const atg = read(EXAMPLE);
const intel = read(path.join(FIXTURES, 'corpus/intel_8k_0000050863-99-000081.txt'));
const seagate = read(path.join(FIXTURES, 'corpus/seagate_8k_0000950149-00-002214.txt'));

function perShareFindings(text: string) {
  const { source, model } = analyze(text);
  return model.findings.filter((f) => f.rule === 'per-share').map((f) => ({ line: lineAt(source, f.span.start) + 1, message: f.message, related: f.related.length }));
}

/** `text` with the first occurrence of `from` on the line starting with `prefix` replaced. */
function changeLine(text: string, prefix: string, from: string, to: string): string {
  const start = text.indexOf(prefix);
  assert.ok(start >= 0, `no line "${prefix}"`);
  const end = text.indexOf('\n', start);
  const line = text.slice(start, end);
  assert.ok(line.includes(from), `"${from}" not on "${line}"`);
  return text.slice(0, start) + line.replace(from, to) + text.slice(end);
}

test('the statements as filed: every per-share figure agrees with its computation', () => {
  for (const text of [atg, intel, seagate]) assert.deepEqual(perShareFindings(text), []);
});

test('a changed basic loss per share is flagged with the computation', () => {
  // Nine months 2003: net loss 8,657 / 69,737 basic shares = 0.12.
  const got = perShareFindings(changeLine(atg, ' share                        $(0.04)', '$(0.12)', '$(0.17)'));
  assert.equal(got.length, 1, JSON.stringify(got));
  assert.equal(got[0].line, 250);
  assert.match(got[0].message, /is \$\(0\.17\) but Net income\/\(loss\) \$\(8,657\) \/ Basic weighted average common shares outstanding 69,737 is \(?0\.12\)? per share \(off by 0\.05\)/);
  assert.equal(got[0].related, 2);
});

test('a changed share count is caught through the per-share figure', () => {
  // Intel, three months: 1,458 / 3,325 = 0.44; with 3,925 shares it would be 0.37.
  const got = perShareFindings(changeLine(intel, 'COMMON SHARES OUTSTANDING', '3,325', '3,925'));
  assert.equal(got.length, 1, JSON.stringify(got));
  assert.match(got[0].message, /^BASIC EARNINGS PER SHARE .* is \$0\.44 but NET INCOME \$1,458 \/ COMMON SHARES OUTSTANDING 3,925 is 0\.37/);
});

test('diluted figures: above basic is flagged, equal to basic (anti-dilution) is not', () => {
  // Intel nine months 1998: basic 1.20, diluted 1.13 (4,004 / 3,530).
  const above = perShareFindings(changeLine(intel, 'DILUTED EARNINGS PER SHARE', '$1.13', '$1.23'));
  assert.equal(above.length, 1, JSON.stringify(above));
  assert.match(above[0].message, /^DILUTED EARNINGS PER SHARE/);
  // Seagate: net income "Amount" under a "Net income:" heading; shares in millions with decimals.
  assert.deepEqual(perShareFindings(changeLine(seagate, '  Diluted                                 $ 0.31', '0.31', '0.33')), []);
  assert.equal(perShareFindings(changeLine(seagate, '  Diluted                                 $ 0.31', '0.31', '0.36')).length, 1);
});

test('the hover of a per-share figure shows the division it was checked against', () => {
  const { model } = analyze(atg);
  const at = atg.indexOf('$(0.12)', atg.indexOf('Basic net income/(loss) per'));
  const hover = hoverAt(model, at + 2)?.markdown ?? '';
  assert.match(hover, /Per share: ✓ agrees: Net income\/\(loss\) \\\$\(8,657\) \/ Basic weighted average common shares outstanding 69,737 = \(0\.12\)/);
  const changed = changeLine(atg, ' share                        $(0.04)', '$(0.12)', '$(0.17)');
  const broken = analyze(changed);
  assert.match(hoverAt(broken.model, changed.indexOf('$(0.17)') + 2)?.markdown ?? '', /Per share: ✗ does not agree: .* = \(0\.12\)/);
});
