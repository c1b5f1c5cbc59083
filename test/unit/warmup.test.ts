// The worker warms up on made-up releases: they must exercise the paths a real filing takes
// (a statement with totals that foot, prose that ties) and raise nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { sampleRelease, warmUp } from '../../server/src/features/warmup';

test('the warm-up release is read as a statement whose totals foot', () => {
  for (const seed of [0, 1, 17, 239]) {
    const { model } = analyze(sampleRelease(seed));
    assert.equal(model.tables.length, 1);
    const table = model.tables[0];
    assert.match(table.title, /STATEMENTS OF OPERATIONS/);
    assert.ok(table.footings.length >= 2, `seed ${seed}: ${table.footings.length} footings`);
    assert.ok(table.footings.every((f) => f.columns.every((c) => c.status === 'foots')), `seed ${seed}`);
    assert.deepEqual(model.findings, []);
    assert.ok(model.ties.some((t) => t.unambiguous && t.agrees), `seed ${seed}: the revenue sentence ties`);
  }
});

test('the warm-up stops as soon as a real job comes', async () => {
  let reads = 0;
  let stop = false;
  warmUp(() => {
    reads++;
    if (reads === 3) stop = true;
  }, () => stop);
  await new Promise<void>((resolve) => {
    const poll = () => (stop && reads === 3 ? setImmediate(() => setImmediate(resolve)) : setImmediate(poll));
    poll();
  });
  assert.equal(reads, 3);
});
