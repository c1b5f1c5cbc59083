// A minimal LSP client over stdio against the bundled dist/server.js, for protocol tests and the
// benchmark: requests with timeouts, notifications, and waiting for published diagnostics.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Array<{ range: { start: { line: number; character: number } }; message: string; code?: string; source?: string; severity?: number; relatedInformation?: unknown[] }>;
}

export class LspClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly published: Published[] = [];
  readonly logs: string[] = [];
  /** Work-done progress the server created and reported ($/progress values by token). */
  readonly progress = new Map<string | number, Array<{ kind: string; title?: string; message?: string }>>();
  private waiters: Array<() => void> = [];

  /** `options.server` runs another bundled server (the benchmark's do-nothing one); `execArgv` goes to node. */
  constructor(args: string[] = ['--stdio'], options: { server?: string; execArgv?: string[] } = {}) {
    this.process = spawn(process.execPath, [...(options.execArgv ?? []), options.server ?? SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.connection.onRequest('workspace/configuration', () => [{}]);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
      this.progress.set(p.token, []);
      return null;
    });
    this.connection.onNotification('$/progress', (p: { token: string | number; value: { kind: string; title?: string; message?: string } }) => {
      this.progress.get(p.token)?.push(p.value);
      this.wake();
    });
    this.connection.listen();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }

  async initialize(initializationOptions?: unknown, capabilities: Record<string, unknown> = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.request<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions });
    this.notify('initialized', {});
    return result;
  }

  request<T>(method: string, params: unknown, timeoutMs = 10_000): Promise<T> {
    return withTimeout(this.connection.sendRequest<T>(method, params), timeoutMs, method);
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  open(uri: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'financial-release', version, text } });
  }

  /** Resolves with the first diagnostics for `uri` (at `version`, if given) published from now on or already. */
  async diagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<Published> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = [...this.published].reverse().find((p) => p.uri === uri && (version === undefined || p.version === version));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms`);
      await withTimeout(new Promise<void>((resolve) => this.waiters.push(resolve)), left, 'diagnostics').catch(() => undefined);
    }
  }

  /** Resolves once `check()` holds, re-checked on every diagnostics or progress notification. */
  async until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${what}: not within ${timeoutMs} ms`);
      await withTimeout(new Promise<void>((resolve) => this.waiters.push(resolve)), left, what).catch(() => undefined);
    }
  }

  async shutdown(): Promise<void> {
    try {
      await this.request('shutdown', null, 3000);
      // The exit notice must be written before the pipe is closed, or the write fails after the test.
      await this.connection.sendNotification('exit', null);
      await withTimeout(exited(this.process), 3000, 'exit');
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
