// `npm start`: build, then show the extension on the bundled sample release, so a newcomer sees it work.
//   - VS Code desktop on PATH (`code`): opens the sample in it with the extension under development.
//   - otherwise: installs (once) and starts the VS Code server, prints the URL to open in a browser,
//     and runs until Ctrl+C.
//   - `--check`, or CI / no terminal: loads the page headlessly, hovers a figure, exits 0 or 1.
import { execSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureAll, launchBrowser, makeProfile, repoRoot, startServer, workbenchUrl } from './vscode-server.mjs';

const SAMPLE = 'atg-2003-q3-ex99.txt';
const LINE = 223; // "Services  4,598 ..." under Cost of Revenues: hover the 4,598
const check = process.argv.includes('--check') || Boolean(process.env.CI) || !process.stdout.isTTY;
const say = (message) => console.log(`[tickmark] ${message}`);
const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

// A scratch copy, fresh each start: play with it freely, the test fixture stays as it is.
function scratchSample() {
  const dir = path.join(repoRoot, '.vscode-test', 'sample');
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(repoRoot, 'test/fixtures', SAMPLE), path.join(dir, SAMPLE));
  return { dir, file: path.join(dir, SAMPLE) };
}

async function main() {
  say('building (npm run build)');
  execSync('npm run build', { cwd: repoRoot, stdio: 'inherit' });
  const sample = scratchSample();

  if (!check && onPath('code')) {
    say(`opening ${SAMPLE} in VS Code desktop; hover 4,598 on line ${LINE}, edit a total to see a warning`);
    spawn('code', [`--extensionDevelopmentPath=${repoRoot}`, sample.dir, '--goto', `${sample.file}:${LINE}:32`], { stdio: 'inherit', detached: true }).unref();
    return 0;
  }

  say('no `code` on PATH: using the VS Code server from npm (first run installs it, about a minute)');
  ensureAll();
  const profile = makeProfile();
  const server = await startServer({ profile });
  const stop = () => server.stop().finally(() => profile.dispose());
  const url = workbenchUrl(server.origin, { folder: sample.dir, extensionDevelopmentPath: repoRoot, openFile: sample.file, line: LINE });
  try {
    if (check) return await headlessCheck(url);
  } finally {
    if (check) await stop();
  }

  say(`open this in a browser (Chrome/Chromium/Edge):\n\n  ${url}\n`);
  say(`then hover 4,598 on line ${LINE}, open the Outline view, or edit a total to see a warning. Ctrl+C stops.`);
  if ((process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && onPath('xdg-open')) spawn('xdg-open', [url], { stdio: 'ignore', detached: true }).unref();
  await new Promise((resolve) => { process.once('SIGINT', resolve); process.once('SIGTERM', resolve); });
  await stop();
  return 0;
}

// What a person would do first: the page loads, the sample opens, a hover explains a figure.
async function headlessCheck(url) {
  const { hoverText } = await import('../test/ui/workbench.mjs');
  say('checking headlessly: page loads, sample opens, hover on 4,598 (pass --check to force this)');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.locator('.editor-instance .view-lines').first().waitFor({ timeout: 60_000 });
    const text = await hoverText(page, '4,598', 'Services');
    const shot = path.join(repoRoot, 'test-results', 'screenshots', 'start-check.png');
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
    say(`hover on 4,598:\n${text.replace(/^/gm, '    ')}`);
    say(`OK: the workbench shows Tickmark's hover (screenshot ${path.relative(repoRoot, shot)})`);
    return 0;
  } finally {
    await browser.close();
  }
}

main().then(
  (code) => { if (check) process.exit(code); },
  (error) => {
    say(`could not show the extension: ${error?.message ?? error}`);
    process.exit(1);
  },
);
