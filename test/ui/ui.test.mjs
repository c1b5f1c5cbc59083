// What a person sees: the packaged extension (.vsix) installed into a real VS Code server, driven in
// headless Chromium. Hover, Problems panel and Outline are read off the screen; screenshots go to
// test-results/screenshots/.   node test/ui/ui.test.mjs [--no-build]
import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureAll, installExtension, launchBrowser, makeProfile, repoRoot, startServer, workbenchUrl } from '../../scripts/vscode-server.mjs';
import { goToLine, hoverText, listRows, openFile, openWorkbench, runCommand, scrollListRows } from './workbench.mjs';

const EXAMPLE = 'atg-2003-q3-ex99.txt';
const LONG = 'long-filing.txt';
const BROKEN = 'atg-broken-total.txt';
const shots = path.join(repoRoot, 'test-results', 'screenshots');
const log = (message) => console.log(`[ui] ${message}`);

/**
 * Corpus filings one after another, about 10 MB: its reading shows as progress (after 100 ms here).
 * At 3 MB a warm worker read it in about as long as VS Code takes to draw the progress, so the
 * check passed on a loaded machine and failed on an idle one.
 */
function longFiling() {
  const dir = path.join(repoRoot, 'test/fixtures/corpus');
  const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const parts = [];
  for (let i = 0, length = 0; length < 10_000_000; i++) {
    parts.push(texts[i % texts.length]);
    length += parts[parts.length - 1].length;
  }
  return parts.join('\n');
}

function prepare(tmp) {
  if (!process.argv.includes('--no-build')) execSync('npm run build', { cwd: repoRoot, stdio: 'inherit' });
  const vsix = path.join(tmp, 'tickmark.vsix');
  execFileSync(path.join(repoRoot, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--no-rewrite-relative-links', '-o', vsix], { cwd: repoRoot, stdio: 'pipe' });
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  const text = fs.readFileSync(path.join(repoRoot, 'test/fixtures', EXAMPLE), 'utf8');
  fs.writeFileSync(path.join(workspace, EXAMPLE), text);
  // Same width, so the columns still line up: only the footing of Total Revenues breaks (line 219).
  const broken = text.replace(/^(\s*Total Revenues\s+)16,009/m, '$116,019');
  if (broken === text) throw new Error(`the fixture has no "Total Revenues  16,009" row to break`);
  fs.writeFileSync(path.join(workspace, BROKEN), broken);
  fs.writeFileSync(path.join(workspace, LONG), longFiling());
  return { vsix, workspace };
}

const checks = [
  ['hover on 4,598 shows line item, period and scale', async (page) => {
    await openFile(page, EXAMPLE);
    await goToLine(page, 223);
    const text = await hoverText(page, '4,598', 'Services');
    await page.screenshot({ path: path.join(shots, 'hover.png') });
    console.log(`[ui] hover text: ${text.replace(/\s+/g, ' ')}`);
    for (const expected of ['Services', 'Sept. 30, 2003', '$4,598 thousand']) if (!text.includes(expected)) throw new Error(`hover lacks "${expected}": ${text}`);
    if (!/thousand/i.test(text)) throw new Error(`hover does not give the scale: ${text}`);
  }],
  ['Problems panel shows the broken Total Revenues row', async (page) => {
    await openFile(page, BROKEN);
    await runCommand(page, 'View: Focus Problems');
    const rows = await listRows(page, '.markers-panel .monaco-list-row', 'Ln 219');
    await page.screenshot({ path: path.join(shots, 'problems.png') });
    log(`problems: ${rows.map((row) => row.replace(/\s+/g, ' ')).join(' | ')}`);
    const row = rows.find((text) => text.includes('Ln 219'));
    if (!/tickmark/.test(row) || !/Total Revenues/.test(row)) throw new Error(`the Ln 219 problem is not tickmark's Total Revenues finding: ${row}`);
  }],
  ['Outline lists the statements', async (page) => {
    await runCommand(page, 'Explorer: Focus on Outline View');
    const titles = ['Condensed Consolidated Statements of Operations', 'Condensed Consolidated Balance Sheets'];
    const has = (rows, title) => rows.some((row) => row.includes(title));
    const rows = await scrollListRows(page, '.outline-pane', (seen) => titles.every((title) => has(seen, title)));
    await page.screenshot({ path: path.join(shots, 'outline.png') });
    log(`outline: ${rows.length} rows read, statements: ${rows.filter((row) => /^Condensed/.test(row)).join(' | ')}`);
    const missing = titles.filter((title) => !has(rows, title));
    if (missing.length) throw new Error(`no outline row for ${missing.join(', ')}; rows: ${rows.join(' | ')}`);
  }],
  ['a crashed language server is restarted, and the user is told', async (page, { profile }) => {
    const [crashed, ...others] = languageServers(profile);
    if (!crashed || others.length) throw new Error(`expected one Tickmark language server process, found ${others.length + (crashed ? 1 : 0)}`);
    process.kill(crashed, 'SIGKILL');
    const toast = page.locator('.notification-toast .notification-list-item-message', { hasText: 'the language server stopped unexpectedly and was restarted' }).first();
    await toast.waitFor({ state: 'visible', timeout: 30_000 });
    const restarted = await until(() => languageServers(profile).find((pid) => pid !== crashed), 30_000, 'no new language server process');
    log(`language server ${crashed} killed; the client started ${restarted} and said so`);
    // The new server answers hovers...
    await openFile(page, EXAMPLE);
    await goToLine(page, 223);
    const text = await hoverText(page, '4,598', 'Services');
    if (!text.includes('$4,598 thousand')) throw new Error(`hover after the restart lacks the value: ${text}`);
    // ...and is given the open documents again: the broken total is back in Problems.
    await openFile(page, BROKEN);
    await runCommand(page, 'View: Focus Problems');
    await listRows(page, '.markers-panel .monaco-list-row', 'Ln 219');
    await page.screenshot({ path: path.join(shots, 'restarted.png') });
  }],
  ['a long filing shows "Tickmark: reading" in the status bar while it is read', async (page) => {
    const progress = page.locator('.statusbar-item', { hasText: `reading ${LONG}` }).first();
    // Waited for from before the file opens: the progress lasts only as long as the reading.
    const seen = progress.waitFor({ state: 'visible', timeout: 60_000 });
    seen.catch(() => undefined); // awaited below; not an unhandled rejection if opening fails first
    await openFile(page, LONG, 60_000);
    await seen;
    await page.screenshot({ path: path.join(shots, 'progress.png') });
    log(`status bar: ${(await progress.innerText().catch(() => '(gone)')).replace(/\s+/g, ' ')}`);
    await progress.waitFor({ state: 'hidden', timeout: 60_000 });
  }],
];

/**
 * Pids of the Tickmark language servers of this profile's extensions (dist/server.js --stdio),
 * read from /proc: a fresh Debian machine need not have `ps`.
 */
function languageServers(profile) {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args;
    try {
      args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // the process ended while we looked
    }
    const script = args.find((arg) => arg.startsWith(profile.extensionsDir) && arg.endsWith(path.join('dist', 'server.js')));
    if (script && args.includes('--stdio')) pids.push(Number(entry));
  }
  return pids;
}

/** Polls `probe` until it returns something truthy (processes have no event to wait on here). */
async function until(probe, timeout, what) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeout / 1000}s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main() {
  const started = Date.now();
  ensureAll();
  fs.mkdirSync(shots, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tickmark-ui-'));
  const profile = makeProfile();
  let server;
  let browser;
  let failed = 0;
  try {
    const { vsix, workspace } = prepare(tmp);
    installExtension(vsix, profile);
    // Progress from 100 ms instead of 500: a long filing then shows it on a machine of any speed.
    server = await startServer({ profile, env: { TICKMARK_PROGRESS_AFTER_MS: '100' } });
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openWorkbench(page, workbenchUrl(server.origin, { folder: workspace }));
    log(`workbench up after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    for (const [name, check] of checks) {
      try {
        await check(page, { profile });
        console.log(`  ✓ ${name}`);
      } catch (error) {
        failed++;
        console.log(`  ✗ ${name}\n      ${String(error?.message ?? error).split('\n').join('\n      ')}`);
        await page.screenshot({ path: path.join(shots, `failed-${checks.findIndex(([n]) => n === name)}.png`) }).catch(() => {});
      }
    }
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    profile.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in ${path.relative(repoRoot, shots)}/`);
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  return failed;
}

main().then(
  (failed) => process.exit(failed > 0 ? 1 : 0),
  (error) => {
    console.error(`[ui] ${error?.stack ?? error}`);
    console.log(`0 passed, ${checks.length} failed`);
    process.exit(1);
  },
);
