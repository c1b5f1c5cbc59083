// Parse once per document version, off the main thread. The host queues feature requests and
// hands them one at a time to the analysis engine (a worker thread), sending a document's text
// only when the engine does not have that version yet. The main thread stays free to read the
// protocol, so it can
//   - drop work for stale versions: an analysis of version 3 is abandoned when version 4 arrives,
//     and whatever waited for it is answered from version 4;
//   - answer every request within a budget, with an empty answer if the analysis is not ready;
//   - stop an analysis that runs away (a pathological filing), restart the worker and say so,
//     instead of freezing the editor;
//   - survive the worker crashing or running out of memory on one document.
import { Worker } from 'node:worker_threads';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, Engine, ENGINE_MARK, type EngineMessage, type Job, type Method, type Outcome, type WorkerCommand } from './features/engine';
import type { Settings } from './settings';

/** How a request ended: a result computed from `version`, or why there is none. */
export type Answer =
  | { ok: true; version: number; result: unknown }
  | { ok: false; reason: 'cancelled' | 'closed' | 'budget' | 'tooLarge' | 'failed'; message?: string; version?: number };

export interface CancellationLike {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

export interface HostOptions {
  log: (message: string) => void;
  settings: () => Settings;
  document: (uri: string) => TextDocument | undefined;
  /** Run the engine on this thread: no worker (run from source, tests, threads unavailable). */
  inProcess?: boolean;
  /** The script a worker runs (the bundle); it must call serveEngine when it sees ENGINE_MARK. */
  workerFile?: string;
  /** Longest one job may run before the worker is stopped, given the document's length. */
  hardLimitMs?: (length: number) => number;
  /**
   * A job still running after `afterMs` (a long filing being read) is shown to the user: `start`
   * begins whatever the editor shows for work in progress, and what it returns ends it.
   */
  slowJob?: { afterMs: number; start: (uri: string, length: number) => { done(): void } };
}

interface Pending {
  id: number;
  uri: string;
  method: Method;
  params: unknown;
  settled: boolean;
  settle(answer: Answer): void;
}

interface Running {
  pending: Pending;
  version: number;
  generation: number;
  started: number;
  timer?: ReturnType<typeof setTimeout>;
  /** Until the job counts as slow; then what shows it. */
  slowTimer?: ReturnType<typeof setTimeout>;
  shown?: { done(): void };
}

/** Ten seconds, and two more per megabyte: a 5 MB filing analyses in well under a second. */
export const defaultHardLimit = (length: number): number => 10_000 + 2 * Math.ceil(length / 1000);

const WORKER_HEAP_MB = 2048;
/** Closing a document this large, with no other open, starts a fresh worker. */
const RECYCLE_AFTER = 1_000_000;
const RECYCLE_IDLE_MS = 5000;
/** Whole-document answers an editor asks for again and again (outline, breadcrumbs, folding): kept per version. */
const REUSABLE: ReadonlySet<Method> = new Set<Method>(['documentSymbol', 'foldingRange']);
const INTERNAL_ERROR = 'Tickmark hit an internal error on this version; the Tickmark output has the details.';

export class AnalysisHost {
  private readonly queue: Pending[] = [];
  private running: Running | undefined;
  private nextId = 1;
  private generation = 0;
  private readonly control = new Int32Array(new SharedArrayBuffer(4));
  /** Which version of each document the engine holds. */
  private readonly engineHas = new Map<string, number>();
  /** Versions the engine could not analyse (crash, time limit): not tried again. */
  private readonly failures = new Map<string, { version: number; message: string }>();
  private worker: Worker | undefined;
  private workerOnline = false;
  private inProcess: Engine | undefined;
  private disposed = false;
  private recycle: ReturnType<typeof setTimeout> | undefined;
  private readonly answers = new Map<string, { method: Method; version: number; result: unknown }[]>();

  constructor(private readonly options: HostOptions) {
    if (options.inProcess || !options.workerFile) this.inProcess = new Engine(options.log, this.control);
  }

  /** Queues `method` on the current version of a document; settles on the result, a cancel or a budget. */
  request(uri: string, method: Method, params: unknown, options: { token?: CancellationLike; budgetMs?: number } = {}): Promise<Answer> {
    return new Promise<Answer>((resolve) => {
      let budget: ReturnType<typeof setTimeout> | undefined;
      let subscription: { dispose(): void } | undefined;
      const pending: Pending = {
        id: this.nextId++,
        uri,
        method,
        params,
        settled: false,
        settle: (answer) => {
          if (pending.settled) return;
          pending.settled = true;
          if (budget) clearTimeout(budget);
          subscription?.dispose();
          resolve(answer);
        },
      };
      if (this.disposed) return pending.settle({ ok: false, reason: 'closed' });
      if (options.token?.isCancellationRequested) return pending.settle({ ok: false, reason: 'cancelled' });
      const version = this.options.document(uri)?.version;
      const kept = REUSABLE.has(method) ? this.answers.get(uri)?.find((a) => a.method === method && a.version === version) : undefined;
      if (kept) return pending.settle({ ok: true, version: kept.version, result: kept.result });
      subscription = options.token?.onCancellationRequested(() => pending.settle({ ok: false, reason: 'cancelled' }));
      if (options.budgetMs !== undefined) budget = setTimeout(() => pending.settle({ ok: false, reason: 'budget' }), options.budgetMs);
      this.queue.push(pending);
      this.pump();
    });
  }

  /** Starts the worker ahead of the first document (it loads the bundle while the client opens one). */
  prepare(): void {
    if (!this.inProcess && !this.disposed) this.ensureWorker();
  }

  /** A document changed: an analysis of an older version is abandoned (its requests are rerun). */
  changed(uri: string): void {
    this.answers.delete(uri);
    const running = this.running;
    if (running && running.pending.uri === uri && this.options.document(uri)?.version !== running.version) this.abandon(running);
  }

  /**
   * A document closed: its work is dropped and the engine forgets its text. When that leaves the
   * worker holding nothing after a large document, and nothing else comes for a few seconds, the
   * worker is replaced by a fresh one: that gives its whole heap back to the system rather than
   * only to its own allocator. (A document opened at once still finds the worker warm.)
   */
  closed(uri: string, length = 0): void {
    this.answers.delete(uri);
    if (this.running?.pending.uri === uri) this.abandon(this.running);
    for (const pending of this.queue) if (pending.uri === uri) pending.settle({ ok: false, reason: 'closed' });
    const held = this.engineHas.delete(uri);
    this.failures.delete(uri);
    this.send({ kind: 'close', uri });
    if (held && length >= RECYCLE_AFTER && this.engineHas.size === 0 && this.worker) {
      clearTimeout(this.recycle);
      this.recycle = setTimeout(() => {
        if (this.engineHas.size > 0 || this.running || this.queue.length > 0 || !this.worker) return;
        this.stopWorker();
        this.prepare();
      }, RECYCLE_IDLE_MS);
    }
  }

  /** Settings changed: every analysis is redone on next use. */
  reset(): void {
    this.answers.clear();
    this.failures.clear();
    this.send({ kind: 'clear' });
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.recycle);
    for (const pending of this.queue.splice(0)) pending.settle({ ok: false, reason: 'closed' });
    if (this.running) {
      this.running.pending.settle({ ok: false, reason: 'closed' });
      this.stopped(this.running);
    }
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private abandon(running: Running): void {
    Atomics.store(this.control, 0, running.generation);
  }

  private pump(): void {
    while (!this.running && !this.disposed) {
      const pending = this.queue.shift();
      if (!pending) return;
      if (pending.settled) continue;
      if (pending.method === 'stats') {
        this.start(pending, 0, undefined);
        continue;
      }
      const document = this.options.document(pending.uri);
      if (!document) {
        pending.settle({ ok: false, reason: 'closed' });
        continue;
      }
      const text = document.getText();
      if (text.length > this.options.settings().maxDocumentSize) {
        pending.settle({ ok: false, reason: 'tooLarge' });
        continue;
      }
      const failure = this.failures.get(pending.uri);
      if (failure && failure.version === document.version) {
        pending.settle({ ok: false, reason: 'failed', message: failure.message, version: failure.version });
        continue;
      }
      this.start(pending, document.version, text);
    }
  }

  private start(pending: Pending, version: number, text: string | undefined): void {
    const generation = ++this.generation;
    const job: Job = {
      id: pending.id,
      uri: pending.uri,
      version,
      text: this.engineHas.get(pending.uri) === version ? undefined : text,
      method: pending.method,
      params: pending.params,
      settings: this.options.settings(),
      generation,
    };
    if (pending.method !== 'stats') this.engineHas.set(pending.uri, version);
    const running: Running = { pending, version, generation, started: Date.now() };
    this.running = running;
    if (this.inProcess) {
      const engine = this.inProcess;
      setImmediate(() => this.finish(engine.run(job)));
      return;
    }
    const limit = (this.options.hardLimitMs ?? defaultHardLimit)(text?.length ?? 0);
    running.timer = setTimeout(() => this.overrun(running, limit), limit);
    const slow = this.options.slowJob;
    if (slow) running.slowTimer = setTimeout(() => (running.shown = slow.start(pending.uri, this.options.document(pending.uri)?.getText().length ?? 0)), slow.afterMs);
    this.send({ kind: 'job', job });
  }

  private finish(outcome: Outcome): void {
    const running = this.running;
    if (!running || running.pending.id !== outcome.id) return;
    this.stopped(running);
    const { pending } = running;
    if (outcome.status === 'done') {
      if (outcome.analysisMs !== undefined && outcome.analysisMs > 1000) this.options.log(`analysed ${pending.uri} v${outcome.version} in ${Math.round(outcome.analysisMs)} ms`);
      if (REUSABLE.has(pending.method) && this.options.document(pending.uri)?.version === outcome.version) {
        const kept = (this.answers.get(pending.uri) ?? []).filter((a) => a.method !== pending.method);
        this.answers.set(pending.uri, [...kept, { method: pending.method, version: outcome.version, result: outcome.result }]);
      }
      pending.settle({ ok: true, version: outcome.version, result: outcome.result });
    } else if (outcome.status === 'cancelled') {
      // Abandoned for a newer version: run again on it, first in line.
      if (!pending.settled) this.queue.unshift(pending);
    } else {
      this.options.log(`${pending.method} on ${pending.uri} v${running.version} failed: ${outcome.message}`);
      pending.settle({ ok: false, reason: 'failed', message: INTERNAL_ERROR, version: running.version });
    }
    this.pump();
  }

  /** An analysis ran past its limit: stop the worker, remember the version, carry on with a new one. */
  private overrun(running: Running, limit: number): void {
    if (this.running !== running) return;
    const seconds = limit < 10_000 ? (limit / 1000).toFixed(1) : String(Math.round(limit / 1000));
    this.fail(running, `Tickmark stopped analysing this version: it was still being read after ${seconds} s. Other documents are not affected; the next edit tries again.`);
    this.options.log(`analysis of ${running.pending.uri} v${running.version} stopped after ${seconds} s; the analysis worker was restarted`);
    this.stopWorker();
    this.pump();
  }

  /** The running job is over, however it ended: its timers stop and what showed it goes away. */
  private stopped(running: Running): void {
    clearTimeout(running.timer);
    clearTimeout(running.slowTimer);
    running.shown?.done();
    if (this.running === running) this.running = undefined;
  }

  private fail(running: Running, message: string): void {
    this.stopped(running);
    if (running.pending.method !== 'stats') this.failures.set(running.pending.uri, { version: running.version, message });
    running.pending.settle({ ok: false, reason: 'failed', message, version: running.version });
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.workerOnline = false;
    this.engineHas.clear();
    if (worker) {
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      void worker.terminate();
    }
  }

  private send(command: WorkerCommand): void {
    if (this.disposed) return;
    if (this.inProcess) {
      if (command.kind === 'close') this.inProcess.close(command.uri);
      else if (command.kind === 'clear') this.inProcess.clear();
      return;
    }
    if (command.kind !== 'job' && !this.worker) return;
    this.ensureWorker().postMessage(command);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.workerFile!, {
      workerData: { mark: ENGINE_MARK, control: this.control },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      // The worker's console must not write to stdout: that is the protocol stream.
      stdout: true,
      stderr: true,
    });
    worker.stdout.on('data', (chunk: Buffer) => this.options.log(`worker: ${chunk.toString().trimEnd()}`));
    worker.stderr.on('data', (chunk: Buffer) => this.options.log(`worker: ${chunk.toString().trimEnd()}`));
    worker.on('online', () => (this.workerOnline = true));
    worker.on('message', (message: EngineMessage) => {
      if (message.kind === 'log') this.options.log(message.message);
      else this.finish(message.outcome);
    });
    worker.on('error', (error) => this.crashed(worker, describe(error)));
    worker.on('exit', (code) => this.crashed(worker, `the analysis worker exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  /** The worker died under a job: that version is not tried again; the next job starts a new worker. */
  private crashed(worker: Worker, reason: string): void {
    if (this.worker !== worker || this.disposed) return;
    const wasOnline = this.workerOnline;
    this.stopWorker();
    this.options.log(`analysis worker stopped: ${reason}`);
    if (!wasOnline) {
      // A worker that cannot even start would fail again: analyse on this thread from now on.
      this.options.log('analysis continues on the main thread');
      this.inProcess = new Engine(this.options.log, this.control);
    }
    const running = this.running;
    if (running) {
      if (wasOnline) this.fail(running, `Tickmark could not analyse this version: ${firstLine(reason)}. The Tickmark output has the details.`);
      else {
        this.stopped(running);
        this.queue.unshift(running.pending);
      }
    }
    this.pump();
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
