// Runs the same extension-host suite in VS Code desktop through @vscode/test-electron, for machines
// that can download VS Code (a laptop, a hosted CI with internet). Pinned to 1.100.3, the version the
// server runner uses. Set VSCODE_EXECUTABLE to use an installed VS Code instead of downloading one.
//   node test/vscode/run-electron.mjs [--no-build]
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { buildSuite } from './build.mjs';
import { printResults, readResults } from './results.mjs';

const VERSION = '1.100.3';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultFile = path.join(repoRoot, 'test-results', 'vscode-suite-electron.json');

function fail(message) {
  console.error(`[run-electron] ${message}`);
  console.log('0 passed, 1 failed'); // never a green line when the suite did not run
  process.exit(1);
}

// Electron needs a display: on a headless Linux, run again under xvfb-run when it is there.
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.TICKMARK_UNDER_XVFB) {
  if (spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0) {
    const again = spawnSync('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, TICKMARK_UNDER_XVFB: '1' } });
    process.exit(again.status ?? 1);
  }
  console.warn('[run-electron] no DISPLAY and no xvfb-run (apt-get install -y xvfb): VS Code desktop may not start');
}

async function main() {
  if (!process.argv.includes('--no-build')) execSync('npm run build', { cwd: repoRoot, stdio: 'inherit' });
  const suiteIndex = await buildSuite();
  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode({ version: VERSION, timeout: 30_000 });
    } catch (error) {
      fail(`could not download VS Code ${VERSION} (${error?.message ?? error}).\n` +
        '  VS Code desktop comes from Microsoft\'s update servers, which this machine cannot reach.\n' +
        '  Use `npm run test:vscode` (VS Code server from npm + Chromium) here, or set VSCODE_EXECUTABLE to an installed VS Code.');
    }
  }
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'tickmark-ws-'));
  fs.cpSync(path.join(repoRoot, 'test/fixtures'), workspace, { recursive: true });
  fs.mkdirSync(path.dirname(resultFile), { recursive: true });
  fs.rmSync(resultFile, { force: true });
  try {
    // The exit code says little (the host may exit 0 on failure): the result file decides.
    await runTests({
      vscodeExecutablePath, extensionDevelopmentPath: repoRoot, extensionTestsPath: path.dirname(suiteIndex),
      launchArgs: [workspace, '--disable-extensions'], extensionTestsEnv: { TICKMARK_VSCODE_RESULTS: resultFile },
    }).catch((error) => console.error(`[run-electron] VS Code reported: ${error?.message ?? error}`));
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  const results = readResults(resultFile);
  if (!results?.done) fail(`the suite wrote no result file (${path.relative(repoRoot, resultFile)}): it did not run to the end`);
  return printResults(results);
}

main().then((failed) => process.exit(failed > 0 ? 1 : 0), (error) => fail(error?.stack ?? String(error)));
