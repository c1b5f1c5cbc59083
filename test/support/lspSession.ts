// Helpers around LspClient for the robustness tests and the benchmark: a clean stop that waits
// for the server to exit, incremental edits, the server's memory from /proc.
import { readFileSync } from 'node:fs';
import { LspClient, withTimeout } from './lspClient';

export interface TextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

/** Stops a server politely (shutdown, exit) and waits for the process to end; kills it if it does not. */
export async function stop(client: LspClient, ms = 3000): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (client.process.exitCode !== null || client.process.signalCode !== null) resolve();
    else client.process.once('exit', () => resolve());
  });
  try {
    await client.request('shutdown', null, ms);
    client.notify('exit', null);
    await withTimeout(exited, ms, 'exit');
  } catch {
    client.process.kill('SIGKILL');
    await exited;
  } finally {
    client.connection.dispose();
  }
}

export function change(client: LspClient, uri: string, version: number, edits: TextEdit[]): void {
  client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: edits.map((e) => ({ range: e.range, text: e.text })) });
}

export function close(client: LspClient, uri: string): void {
  client.notify('textDocument/didClose', { textDocument: { uri } });
}

/** Resident and peak resident memory of a process, in bytes (Linux). */
export function memoryOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** Diagnostics for a version, or undefined when none arrive in time. */
export async function diagnosticsOrNothing(client: LspClient, uri: string, version: number, ms: number) {
  return client.diagnostics(uri, version, ms).catch(() => undefined);
}
