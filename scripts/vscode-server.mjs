// A real VS Code (server + web workbench) for tests and `npm start` on machines that reach only the
// npm registry and Debian's packages. VS Code desktop cannot be downloaded there, but code-server@4.100.3
// (npm) bundles the VS Code 1.100.3 server, and Debian's Chromium shows its workbench.
// See shared docs "vscode-server-testing.md" for the recipe this follows.
//
//   node scripts/vscode-server.mjs install   # idempotent: apt packages + code-server
//   node scripts/vscode-server.mjs start     # start a server on a free port, print it, run until Ctrl+C
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_SERVER_VERSION = '4.100.3'; // bundles VS Code 1.100.3; newer ones need Node 22+
export const serverDir = path.join(repoRoot, '.vscode-test', 'server'); // git-ignored, ~300 MB
export const serverMain = path.join(serverDir, 'node_modules/code-server/lib/vscode/out/server-main.js');
export const chromiumPath = '/usr/bin/chromium';
// libkrb5-dev + pkg-config: code-server's kerberos addon builds from source; ripgrep: seeds @vscode/ripgrep.
const APT_PACKAGES = ['libkrb5-dev', 'pkg-config', 'ripgrep', 'chromium'];

const log = (message) => console.log(`[vscode-server] ${message}`);

function missingDebianPackages(names) {
  return names.filter((name) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

export function ensureSystemPackages(names = APT_PACKAGES) {
  if (!fs.existsSync('/usr/bin/dpkg-query')) {
    throw new Error(`no Debian package tools here: install ${names.join(', ')} by hand (chromium at ${chromiumPath})`);
  }
  const missing = missingDebianPackages(names);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages ${missing.join(', ')}; run as root: apt-get update && apt-get install -y ${missing.join(' ')}`);
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}

function installedCodeServerVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(serverDir, 'node_modules/code-server/package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

export function ensureCodeServer() {
  if (installedCodeServerVersion() === CODE_SERVER_VERSION && fs.existsSync(serverMain)) return;
  fs.mkdirSync(serverDir, { recursive: true });
  // A package.json of its own, or npm would walk up and install into the extension's package.
  fs.writeFileSync(path.join(serverDir, 'package.json'), JSON.stringify({ name: 'tickmark-vscode-server', private: true }, null, 2));
  // @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable): seed its cache with Debian's rg.
  const cache = path.join(process.env.TMPDIR || os.tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  fs.mkdirSync(cache, { recursive: true });
  execFileSync('tar', ['czf', path.join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'), '-C', '/usr/bin', 'rg']);
  log(`npm install code-server@${CODE_SERVER_VERSION} into ${path.relative(repoRoot, serverDir)} (about 75 s)`);
  // unsafe_perm: code-server's postinstall refuses root without it; yes: node-pty runs `npx node-gyp`.
  const env = { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' };
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], { cwd: serverDir, stdio: 'inherit', env });
  if (!fs.existsSync(serverMain)) throw new Error(`code-server installed but ${serverMain} is missing`);
}

export function ensureAll() {
  ensureSystemPackages();
  ensureCodeServer();
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Fresh user-data and extensions dirs (settings skip the welcome page), so runs never share state. */
export function makeProfile(settings = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tickmark-vscode-'));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  // No welcome page, no trust prompt (a restricted workspace would hold back the extension), no gallery calls.
  const all = { 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'workbench.tips.enabled': false,
    'git.openRepositoryInParentFolders': 'never', ...settings };
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(all, null, 2));
  return { root, userDataDir, extensionsDir, dispose: () => fs.rmSync(root, { recursive: true, force: true }) };
}

export function installExtension(vsix, profile) {
  execFileSync(process.execPath, [serverMain, '--install-extension', vsix, '--force', '--extensions-dir', profile.extensionsDir,
    '--user-data-dir', profile.userDataDir, '--accept-server-license-terms'], { stdio: 'pipe' });
}

/**
 * Starts the VS Code server on a free loopback port and resolves once it logs that it listens.
 * Returns { port, origin, profile, output(), stop() }. `env` reaches the extension host too.
 */
export async function startServer({ profile = makeProfile(), env = {}, timeoutMs = 60_000 } = {}) {
  if (!fs.existsSync(serverMain)) throw new Error(`VS Code server not installed: run node scripts/vscode-server.mjs install`);
  const port = await freePort();
  const args = [serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token',
    '--accept-server-license-terms', '--disable-telemetry', '--extensions-dir', profile.extensionsDir, '--user-data-dir', profile.userDataDir];
  // detached: own process group, so stop() also ends the extension hosts and language servers it spawned.
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`VS Code server did not log "Extension host agent listening" within ${timeoutMs / 1000}s:\n${output}`)), timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      if (/Extension host agent listening on/.test(output)) { clearTimeout(timer); resolve(); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`VS Code server exited (${code}) before it listened:\n${output}`)); });
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  child.stdout.setEncoding('utf8');
  return { port, origin: `http://127.0.0.1:${port}`, profile, child, output: () => output, stop };
}

/**
 * The workbench URL opening `folder`, with the payload that makes it load a development extension
 * (and tests), and optionally opens `openFile` at 1-based `line`.
 */
export function workbenchUrl(origin, { folder, extensionDevelopmentPath, extensionTestsPath, openFile, line } = {}) {
  const authority = new URL(origin).host;
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (openFile) payload.push(['openFile', remote(line ? `${openFile}:${line}` : openFile)]);
  if (openFile && line) payload.push(['gotoLineMode', 'true']);
  const query = [];
  if (folder) query.push(`folder=${encodeURIComponent(folder)}`);
  if (payload.length) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${origin}/?${query.join('&')}`;
}

/** Debian's Chromium driven by playwright-core (never a downloaded browser). */
export async function launchBrowser() {
  if (!fs.existsSync(chromiumPath)) throw new Error(`no browser at ${chromiumPath}: apt-get install -y chromium (or run node scripts/vscode-server.mjs install)`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // The background-networking flags stop Chromium from calling out of this closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

async function main(command) {
  if (command === 'install') {
    const started = Date.now();
    ensureAll();
    log(`ready: VS Code server ${CODE_SERVER_VERSION} at ${path.relative(repoRoot, serverDir)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  } else if (command === 'start') {
    ensureAll();
    const server = await startServer();
    log(`listening: ${workbenchUrl(server.origin, { extensionDevelopmentPath: repoRoot })}  (Ctrl+C stops it)`);
    const shutdown = () => server.stop().then(() => { server.profile.dispose(); process.exit(0); });
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  } else {
    console.error('usage: node scripts/vscode-server.mjs install|start');
    process.exit(2);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv[2]).catch((error) => {
    console.error(`[vscode-server] ${error.message}`);
    process.exit(1);
  });
}
