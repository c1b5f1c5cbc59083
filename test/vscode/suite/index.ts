// Entry point VS Code calls (extensionTestsPath) inside the extension host. The host exits 0 even
// when run() rejects, so the outcome is written to a JSON file that the runners read; a missing or
// unfinished file counts as failure there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface TestOutcome {
  title: string;
  state: 'passed' | 'failed';
  durationMs?: number;
  error?: string;
}

// Environment variables may not reach a remote extension host, so the default is a fixed place in
// the repository (this file is out/test/vscode/suite/index.js, four levels below the root).
export function resultFile(): string {
  return process.env.TICKMARK_VSCODE_RESULTS || path.resolve(__dirname, '../../../../test-results/vscode-suite.json');
}

function write(file: string, tests: TestOutcome[], done: boolean, note?: string): void {
  const passed = tests.filter((t) => t.state === 'passed').length;
  const body = { done, passed, failed: tests.length - passed, tests, note, at: new Date().toISOString() };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(body, null, 2));
  fs.renameSync(`${file}.tmp`, file); // atomic: the runner never reads half a file
}

export function run(): Promise<void> {
  const file = resultFile();
  const tests: TestOutcome[] = [];
  const mocha = new Mocha({ ui: 'tdd', timeout: 90_000, color: false, reporter: 'spec' });
  for (const name of fs.readdirSync(__dirname).sort()) {
    if (name.endsWith('.test.js')) mocha.addFile(path.join(__dirname, name));
  }
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        write(file, tests, true);
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
      runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
      runner.on('fail', (test, error) =>
        tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration, error: String(error?.stack ?? error) }));
    } catch (error) {
      // A test file that throws while loading: record it, so the runner reports it instead of timing out.
      tests.push({ title: 'loading the suite', state: 'failed', error: String((error as Error)?.stack ?? error) });
      write(file, tests, true, 'the suite did not load');
      reject(error);
    }
  });
}
