// Runs the extension-host suite (test/vscode/suite) in the VS Code server + headless Chromium, the
// way that works on machines without VS Code desktop. The suite writes a JSON result file (the host
// exits 0 even when tests fail); no file, or an unfinished one, is a failure.
//   node test/vscode/run-server.mjs [--no-build]
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureAll, launchBrowser, makeProfile, repoRoot, startServer, workbenchUrl } from '../../scripts/vscode-server.mjs';
import { buildSuite } from './build.mjs';
import { printResults, readResults } from './results.mjs';

const TIMEOUT_MS = Number(process.env.TICKMARK_VSCODE_TIMEOUT_MS || 300_000);
const resultsDir = path.join(repoRoot, 'test-results');
const resultFile = path.join(resultsDir, 'vscode-suite.json'); // also the suite's default: see suite/index.ts

function step(message) {
  console.log(`[run-server] ${message}`);
}

async function main() {
  const started = Date.now();
  ensureAll();
  if (!process.argv.includes('--no-build')) execSync('npm run build', { cwd: repoRoot, stdio: 'inherit' });
  const suiteIndex = await buildSuite();
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.rmSync(resultFile, { force: true });

  // The workspace is a throw-away copy of the fixtures: the tests edit, save and add files there.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'tickmark-ws-'));
  fs.cpSync(path.join(repoRoot, 'test/fixtures'), workspace, { recursive: true });
  const profile = makeProfile();
  const consoleLines = [];
  let server;
  let browser;
  try {
    server = await startServer({ profile, env: { TICKMARK_VSCODE_RESULTS: resultFile } });
    step(`VS Code server on ${server.origin} (${((Date.now() - started) / 1000).toFixed(0)} s in)`);
    browser = await launchBrowser();
    const page = await browser.newPage();
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
    const closed = new Promise((resolve) => page.once('close', resolve));
    const url = workbenchUrl(server.origin, { folder: workspace, extensionDevelopmentPath: repoRoot, extensionTestsPath: path.dirname(suiteIndex) });
    await page.goto(url);
    step('workbench loaded; waiting for the suite');
    const results = await waitForResults(closed);
    step(`suite finished after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return printResults(results);
  } finally {
    fs.writeFileSync(path.join(resultsDir, 'vscode-server.log'), `${server?.output() ?? ''}\n--- browser console ---\n${consoleLines.join('\n')}\n`);
    await browser?.close().catch(() => {});
    await server?.stop();
    profile.dispose();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

// Done when the file says so; the page closing first (run() settled without writing) or the time
// running out is a failure with the reason printed.
async function waitForResults(pageClosed) {
  const deadline = Date.now() + TIMEOUT_MS;
  let closedAt;
  void pageClosed.then(() => { closedAt = Date.now(); });
  for (;;) {
    const results = readResults(resultFile);
    if (results?.done) return results;
    if (closedAt && Date.now() - closedAt > 5000) throw new Error(`the workbench closed but ${path.relative(repoRoot, resultFile)} was not written: see test-results/vscode-server.log`);
    if (Date.now() > deadline) throw new Error(`no results in ${TIMEOUT_MS / 1000}s (${path.relative(repoRoot, resultFile)}): see test-results/vscode-server.log`);
    await new Promise((resolve) => setTimeout(resolve, 250)); // polling interval, not a wait for time to pass
  }
}

main().then(
  (failed) => process.exit(failed > 0 ? 1 : 0),
  (error) => {
    console.error(`[run-server] ${error.message}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
