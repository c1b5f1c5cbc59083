// Reads and prints the JSON result file the extension-host suite writes (see suite/index.ts).
import fs from 'node:fs';

export function readResults(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined; // not written yet (the suite writes it atomically when done)
  }
}

/** Prints each test and the closing "N passed, N failed" line; returns the number failed. */
export function printResults(results) {
  for (const test of results.tests) {
    console.log(`${test.state === 'passed' ? '  ✓' : '  ✗'} ${test.title}${test.durationMs ? ` (${test.durationMs} ms)` : ''}`);
    if (test.error) console.log(test.error.split('\n').map((line) => `      ${line}`).join('\n'));
  }
  // An empty run is not a pass: a suite that found no tests must not look green.
  const failed = results.failed + (results.tests.length === 0 ? 1 : 0);
  if (results.tests.length === 0) console.log('  ✗ the suite ran no test');
  console.log(`${results.passed} passed, ${failed} failed`);
  return failed;
}
