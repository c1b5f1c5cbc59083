// The analysing side of the server: the text of each open document as last sent, its analysis
// (one per version, made on first use) and the features computed from it. It runs in a worker
// thread so that the language server's main thread never waits on the core: a huge or malformed
// filing can make the worker slow, never the editor unresponsive. Without workers (run from
// source, or threads unavailable) the same engine runs on the main thread.
import { parentPort } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { analyze, CancelledError, type Analysis } from '../core/analyze';
import { exportTable, tableToCsv, tableToMarkdown } from '../core/export';
import { tableAt } from '../core/lookup';
import { isPosition, toOffset } from '../convert';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { provideDiagnostics } from './diagnostics';
import { provideFoldingRanges } from './folding';
import { provideCodeLenses } from './codeLens';
import { provideHover } from './hover';
import { provideDefinition, provideReferences } from './navigation';
import { provideDocumentSymbols } from './symbols';
import { warmUp } from './warmup';

export const ENGINE_MARK = 'tickmark-analysis-worker';

export type Method = 'diagnostics' | 'hover' | 'documentSymbol' | 'foldingRange' | 'codeLens' | 'definition' | 'references' | 'parsedModel' | 'tableAt' | 'stats';

/** One unit of work: a feature of one document version. `text` comes when the engine lacks it. */
export interface Job {
  id: number;
  uri: string;
  version: number;
  text?: string;
  method: Method;
  params: unknown;
  settings: Settings;
  /** Abandon the analysis when the shared control slot holds this generation. */
  generation: number;
}

export type Outcome =
  | { id: number; status: 'done'; version: number; result: unknown; analysisMs?: number }
  | { id: number; status: 'cancelled' }
  | { id: number; status: 'failed'; message: string };

export type EngineMessage = { kind: 'outcome'; outcome: Outcome } | { kind: 'log'; message: string };

interface Entry {
  version: number;
  text: string;
  analysis?: Analysis;
  maxLength?: number;
}

export class Engine {
  private readonly documents = new Map<string, Entry>();

  constructor(
    private readonly log: (message: string) => void,
    /** Shared with the main thread: slot 0 holds the generation to abandon. */
    private readonly control?: Int32Array,
  ) {}

  run(job: Job): Outcome {
    try {
      if (job.method === 'stats') {
        if ((job.params as { gc?: boolean } | undefined)?.gc) (globalThis as { gc?: () => void }).gc?.();
        return { id: job.id, status: 'done', version: job.version, result: this.stats() };
      }
      if (job.text !== undefined) this.documents.set(job.uri, { version: job.version, text: job.text });
      const entry = this.documents.get(job.uri);
      if (!entry || entry.version !== job.version) return { id: job.id, status: 'failed', message: `no text for ${job.uri} v${job.version}` };
      const before = entry.analysis && entry.maxLength === job.settings.maxDocumentSize ? entry.analysis : undefined;
      const started = performance.now();
      const analysis = before ?? this.analyse(entry, job);
      const analysisMs = before ? undefined : performance.now() - started;
      return { id: job.id, status: 'done', version: job.version, result: feature(analysis, job), analysisMs };
    } catch (error) {
      if (error instanceof CancelledError) return { id: job.id, status: 'cancelled' };
      return { id: job.id, status: 'failed', message: describe(error) };
    }
  }

  close(uri: string): void {
    this.documents.delete(uri);
  }

  clear(): void {
    for (const entry of this.documents.values()) entry.analysis = undefined;
  }

  private analyse(entry: Entry, job: Job): Analysis {
    const control = this.control;
    const isCancelled = control ? () => Atomics.load(control, 0) === job.generation : undefined;
    let analysis: Analysis;
    try {
      analysis = analyze(entry.text, { maxLength: job.settings.maxDocumentSize, isCancelled });
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      // A filing the core cannot read must not take the server down: an empty model that says so.
      this.log(`analysis of ${job.uri} v${job.version} failed: ${describe(error)}`);
      analysis = analyze('', {});
      analysis.model.notes.push('Tickmark could not analyse this document (an internal error; the Tickmark output has the details).');
    }
    entry.analysis = analysis;
    entry.maxLength = job.settings.maxDocumentSize;
    return analysis;
  }

  private stats(): unknown {
    const heap = getHeapStatistics();
    return { documents: this.documents.size, analysed: [...this.documents.values()].filter((e) => e.analysis).length, heapUsed: heap.used_heap_size, heapTotal: heap.total_heap_size };
  }
}

function feature(analysis: Analysis, job: Job): unknown {
  const params = (job.params ?? {}) as { position?: unknown; format?: unknown };
  const position = isPosition(params.position) ? params.position : undefined;
  switch (job.method) {
    case 'diagnostics':
      return provideDiagnostics(analysis, job.uri, job.settings);
    case 'hover':
      return position ? provideHover(analysis, position) : null;
    case 'documentSymbol':
      return provideDocumentSymbols(analysis);
    case 'foldingRange':
      return provideFoldingRanges(analysis);
    case 'codeLens':
      return provideCodeLenses(analysis, job.settings);
    case 'definition':
      return position ? provideDefinition(analysis, job.uri, position) : [];
    case 'references':
      return position ? provideReferences(analysis, job.uri, position) : [];
    case 'parsedModel':
      return analysis.model;
    case 'tableAt': {
      if (!position) return null;
      const table = tableAt(analysis.model, toOffset(analysis.source, position));
      if (!table) return null;
      if (params.format === 'markdown') return tableToMarkdown(table);
      if (params.format === 'json') return exportTable(table);
      return tableToCsv(table);
    }
    default:
      return null;
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** What a document's first requests run: the analysis, then diagnostics, outline and folding. */
function warmFeatures(text: string): void {
  const analysis = analyze(text);
  provideDiagnostics(analysis, 'untitled:warm-up', DEFAULT_SETTINGS);
  provideDocumentSymbols(analysis);
  provideFoldingRanges(analysis);
}

/** Main-thread → worker messages. */
export type WorkerCommand = { kind: 'job'; job: Job } | { kind: 'close'; uri: string } | { kind: 'clear' };

/** The worker thread's loop: jobs in, outcomes out, one at a time. */
export function serveEngine(control: Int32Array): void {
  const port = parentPort;
  if (!port) return;
  const post = (message: EngineMessage) => port.postMessage(message);
  const engine = new Engine((message) => post({ kind: 'log', message }), control);
  let idle = true;
  setImmediate(() => warmUp(warmFeatures, () => !idle));
  port.on('message', (command: WorkerCommand) => {
    idle = false;
    if (command.kind === 'job') post({ kind: 'outcome', outcome: engine.run(command.job) });
    else if (command.kind === 'close') engine.close(command.uri);
    else if (command.kind === 'clear') engine.clear();
  });
}
