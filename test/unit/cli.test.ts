// The command line as users run it: the built dist/cli.js in a child process, on real filings.
// Output, exit codes and stderr are the interface, so they are what is asserted.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { RULE_INFO } from '../../server/src/cli/formats/sarif';
import { RULES } from '../../server/src/core/rules';
import { CORPUS, EXAMPLE as ATG, ROOT } from '../support/corpus';

const CLI = path.join(ROOT, 'dist/cli.js');
/** A 1998 8-K with no table at all: no tables, no findings. */
const NO_TABLES = path.join(CORPUS, 'foodconcepts_8k_0000703901-98-000003.txt');
const RELEASES = ['intel_8k_0000050863-00-000106.txt', 'amazon_8k_0000891020-99-001224.txt', 'intuit_8k_0000891618-99-005421.txt', 'seagate_8k_0000950149-00-002214.txt'];

/** 1-based line of ATG's "Total Revenues" row, where 16,009 becomes 16,019 (same width). */
const TOTAL_LINE = 219;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function tickmark(args: string[], cwd = ROOT): Run {
  // CI is set so a progress bar could never appear, whatever the test runner's stderr is.
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function assertOneLineError(run: Run, pattern: RegExp): void {
  assert.equal(run.code, 2, `exit code; stderr: ${run.stderr}`);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr.trimEnd().split('\n').length, 1, `one line on stderr, got:\n${run.stderr}`);
  assert.match(run.stderr, pattern);
  assert.doesNotMatch(run.stderr, /^\s+at /m, 'no stack trace');
}

/** Newest modification time of the files the CLI bundle is made from. */
function newestSource(dir = path.join(ROOT, 'server/src')): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }, statSync(path.join(ROOT, 'scripts/build.mjs')).mtimeMs);
}

// `npm test` builds first; rebuilding then would rewrite dist/ under other test files running in
// parallel, so the build runs only when dist/cli.js is missing or older than its sources.
function buildIfStale(): void {
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newestSource()) return;
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(build.status, 0, `build failed: ${build.stderr}`);
}

let work: string;
let badAtg: string;
let badColumn: number;

before(() => {
  buildIfStale();
  work = mkdtempSync(path.join(tmpdir(), 'tickmark-cli-'));
  const lines = readFileSync(ATG, 'utf8').split('\n');
  assert.match(lines[TOTAL_LINE - 1], /^\s+Total Revenues\s+16,009\s/, 'the fixture still has Total Revenues on line 219');
  lines[TOTAL_LINE - 1] = lines[TOTAL_LINE - 1].replace('16,009', '16,019');
  badColumn = lines[TOTAL_LINE - 1].indexOf('16,019') + 1;
  badAtg = path.join(work, 'atg-bad.txt');
  writeFileSync(badAtg, lines.join('\n'));
});

after(() => rmSync(work, { recursive: true, force: true }));

describe('tickmark check on the customer example', () => {
  test('the example foots: exit 0, nothing printed', () => {
    const run = tickmark(['check', ATG]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, '');
  });

  test('a wrong total: exit 1 and a compiler-style warning on its line', () => {
    const run = tickmark(['check', 'atg-bad.txt'], work);
    assert.equal(run.code, 1, run.stderr);
    const warning = run.stdout.split('\n').find((l) => l.includes(': warning: '));
    assert.ok(warning, run.stdout);
    assert.equal(warning.slice(0, warning.indexOf(' warning:')), `atg-bad.txt:${TOTAL_LINE}:${badColumn}:`);
    assert.match(warning, /Total Revenues.*16,019.*16,009.*\[footing\]$/);
    assert.match(run.stdout, /^atg-bad\.txt:217:\d+: note: Product license: \$5,001$/m);
    assert.match(run.stdout, /^atg-bad\.txt:218:\d+: note: Services: 11,008$/m);
    assert.match(run.stderr, /^tickmark: 1 finding in 1 file/);
  });

  test('--disable leaves out the findings of the rules named; an unknown rule is exit 2', () => {
    const run = tickmark(['check', '--disable', 'tie-prose,footing', 'atg-bad.txt'], work);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    const other = tickmark(['check', '--disable', 'tie', 'atg-bad.txt'], work);
    assert.equal(other.code, 1, other.stderr);
    const bad = tickmark(['check', '--disable', 'footnotes', 'atg-bad.txt'], work);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown rule 'footnotes' for --disable \(rules: footing, cross-footing/);
  });

  test('SARIF 2.1.0 with the finding at the total', () => {
    const run = tickmark(['check', '--format', 'sarif', 'atg-bad.txt'], work);
    assert.equal(run.code, 1, run.stderr);
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    const [sarifRun] = sarif.runs;
    assert.equal(sarifRun.tool.driver.name, 'tickmark');
    assert.ok(sarifRun.tool.driver.rules.some((r: { id: string }) => r.id === 'footing'));
    const result = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'footing');
    assert.equal(result.level, 'warning');
    assert.match(result.message.text, /Total Revenues/);
    assert.equal(sarifRun.tool.driver.rules[result.ruleIndex].id, 'footing');
    const location = result.locations[0].physicalLocation;
    assert.deepEqual(location.artifactLocation, { uri: 'atg-bad.txt', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(location.region, { startLine: TOTAL_LINE, startColumn: badColumn, endLine: TOTAL_LINE, endColumn: badColumn + '16,019'.length });
    assert.deepEqual(
      result.relatedLocations.map((r: { physicalLocation: { region: { startLine: number } } }) => r.physicalLocation.region.startLine),
      [217, 218],
    );
    assert.ok(sarifRun.originalUriBaseIds['%SRCROOT%'].uri.startsWith('file://'));
  });

  test('JSON lists every file with 1-based positions', () => {
    const run = tickmark(['check', '--format=json', 'atg-bad.txt', ATG], work);
    assert.equal(run.code, 1, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.deepEqual(
      json.files.map((f: { file: string; status: string; findings: unknown[] }) => [path.basename(f.file), f.status, f.findings.length]),
      [['atg-2003-q3-ex99.txt', 'checked', 0], ['atg-bad.txt', 'checked', 1]],
    );
    const finding = json.files[1].findings[0];
    assert.deepEqual([finding.rule, finding.line, finding.column], ['footing', TOTAL_LINE, badColumn]);
    assert.equal(json.summary.findings, 1);
  });
});

describe('tickmark check on other inputs', () => {
  test('an 8-K with no table: exit 0, no findings', () => {
    const run = tickmark(['check', NO_TABLES]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
  });

  test('a missing file: exit 2, one line on stderr, no stack trace', () => {
    assertOneLineError(tickmark(['check', 'no-such-filing.txt'], work), /^tickmark: no-such-filing\.txt: no such file or directory\n$/);
  });

  test('a directory with no documents: exit 2', () => {
    const dir = path.join(work, 'no-documents');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'notes.md'), '# not a filing\n');
    assertOneLineError(tickmark(['check', dir]), /no documents in directory/);
  });

  test('a bad flag: exit 2, one line', () => {
    assertOneLineError(tickmark(['check', '--format', 'xml', ATG]), /--format must be one of text, json, sarif/);
    assertOneLineError(tickmark(['check', '--jobs', 'many', ATG]), /--jobs must be a positive integer/);
    assertOneLineError(tickmark(['check', '--frobnicate', ATG]), /unknown option '--frobnicate'/);
  });

  test('files over --max-size are skipped with a note; nothing checked is exit 2', () => {
    const alone = tickmark(['check', '--max-size', '1000', ATG]);
    assert.equal(alone.code, 2);
    assert.match(alone.stdout, /atg-2003-q3-ex99\.txt: note: skipped: \d+ bytes is more than --max-size \(1000\)/);
    const mixed = tickmark(['check', '--max-size', '10k', ATG, NO_TABLES]);
    assert.equal(mixed.code, 0, mixed.stderr);
    assert.match(mixed.stdout, /skipped/);
  });

  test('bytes that are not UTF-8 are read as Windows-1252, not a crash', () => {
    const file = path.join(work, 'cp1252.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('Revenues \x93net\x94 \x97 caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const run = tickmark(['check', file]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /note: not valid UTF-8; read as Windows-1252/);
  });

  test('a directory walk: sorted, recursive, documents only; --jobs does not change the output', () => {
    const dir = path.join(work, 'batch');
    mkdirSync(path.join(dir, 'nested'), { recursive: true });
    mkdirSync(path.join(dir, '.hidden'), { recursive: true });
    for (const name of RELEASES) cpSync(path.join(CORPUS, name), path.join(dir, name));
    cpSync(NO_TABLES, path.join(dir, 'nested', 'no-tables.txt'));
    cpSync(badAtg, path.join(dir, 'nested', 'atg-bad.txt'));
    cpSync(badAtg, path.join(dir, '.hidden', 'ignored.txt'));
    writeFileSync(path.join(dir, 'README.md'), 'not a filing\n');
    const one = tickmark(['check', '--jobs', '1', 'batch'], work);
    const two = tickmark(['check', '--jobs', '2', 'batch'], work);
    const auto = tickmark(['check', 'batch'], work);
    assert.equal(one.code, 1, one.stderr);
    for (const other of [two, auto]) assert.deepEqual(other, one);
    assert.match(one.stdout, new RegExp(`^batch/nested/atg-bad\\.txt:${TOTAL_LINE}:${badColumn}: warning: `, 'm'));
    assert.doesNotMatch(one.stdout + one.stderr, /ignored\.txt|README/);
    assert.doesNotMatch(one.stderr, /\r|\x1b\[/, 'no progress bar when stderr is not a terminal');
    const json = JSON.parse(tickmark(['check', '--jobs', '2', '--format', 'json', 'batch'], work).stdout);
    const files = json.files.map((f: { file: string }) => f.file);
    assert.deepEqual(files, ['batch/amazon_8k_0000891020-99-001224.txt', 'batch/intel_8k_0000050863-00-000106.txt', 'batch/intuit_8k_0000891618-99-005421.txt', 'batch/nested/atg-bad.txt', 'batch/nested/no-tables.txt', 'batch/seagate_8k_0000950149-00-002214.txt']);
  });
});

describe('tickmark outline, tables and model', () => {
  test('tables as CSV: Services under Cost of Revenues is 4598', () => {
    const run = tickmark(['tables', '--format', 'csv', ATG]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Cost of Revenues › Services,4598,8119,15391,25941$/m);
    assert.match(run.stdout, /^# Table 2: Condensed Consolidated Statements of Operations \(In thousands, except per share data\)$/m);
  });

  test('one table by number, as CSV, JSON and Markdown; out of range is exit 2', () => {
    const csv = tickmark(['tables', '--table', '2', ATG]);
    assert.match(csv.stdout, /^Line item,"Three Months Ended Sept\. 30, 2003",/);
    const json = JSON.parse(tickmark(['tables', '-t', '2', '-f', 'json', ATG]).stdout);
    assert.equal(json.table, 2);
    assert.match(json.scale, /In thousands/);
    const services = json.rows.find((r: { lineItem: string }) => r.lineItem === 'Cost of Revenues › Services');
    assert.deepEqual(services.values, [4598, 8119, 15391, 25941]);
    assert.match(tickmark(['tables', '--table', '2', '--format', 'markdown', ATG]).stdout, /\| Cost of Revenues › Services \| 4,598 \|/);
    assertOneLineError(tickmark(['tables', '--table', '9', ATG]), /--table 9 is out of range: .* has 3 tables/);
  });

  test('an 8-K with no table has no tables', () => {
    const run = tickmark(['tables', NO_TABLES]);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /no tables found/);
  });

  test('outline: an indented tree with line numbers, or JSON', () => {
    const text = tickmark(['outline', ATG]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^207 +Condensed Consolidated Statements of Operations \[table 2, in thousands\]$/m);
    assert.match(text.stdout, new RegExp(`^${TOTAL_LINE} +Total Revenues = 16,009`, 'm'));
    const json = JSON.parse(tickmark(['outline', '--format', 'json', ATG]).stdout);
    const statement = json.flatMap(function all(e: { kind: string; children: unknown[] }): unknown[] {
      return [e, ...e.children.flatMap((c) => all(c as typeof e))];
    }).find((e: { kind: string; table?: number }) => e.kind === 'statement' && e.table === 2);
    assert.equal(statement.line, 207);
  });

  test('model: the parsed model as JSON', () => {
    const run = tickmark(['model', ATG]);
    assert.equal(run.code, 0, run.stderr);
    const model = JSON.parse(run.stdout);
    assert.equal(model.tables.length, 3);
    assert.deepEqual(model.findings, []);
  });
});

describe('tickmark itself', () => {
  test('--help and --version', () => {
    const help = tickmark(['--help']);
    assert.equal(help.code, 0);
    for (const command of ['check', 'outline', 'tables', 'model', 'Exit status']) assert.match(help.stdout, new RegExp(command));
    const version = tickmark(['--version']);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  test('an unknown command or none at all: exit 2 with the usage', () => {
    for (const args of [['audit', ATG], []]) {
      const run = tickmark(args);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^usage: tickmark check/m);
      assert.doesNotMatch(run.stderr, /^\s+at /m);
    }
  });
});

test('every rule the checks raise is described in SARIF and offered by the editor setting', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const setting = manifest.contributes.configuration.properties['tickmark.checks.disabledRules'].items;
  assert.deepEqual(setting.enum, [...RULES]);
  assert.equal(setting.enumDescriptions.length, RULES.length);
  assert.deepEqual(Object.keys(RULE_INFO), [...RULES]);
});
