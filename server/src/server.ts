// The language server: thin handlers that hand each request to the analysis host (documents.ts),
// which runs the core in a worker thread, and answer with what it returns. The main thread only
// reads and writes the protocol, so every request is answered: with the result, with an empty
// answer when the analysis is not ready within the request's budget, or as cancelled. No handler
// throws to the client; errors go to the output channel.
import { isMainThread, workerData } from 'node:worker_threads';
import {
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisHost } from './documents';
import { provideCodeActions } from './features/codeActions';
import { ENGINE_MARK, serveEngine, type Method } from './features/engine';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';

/** Every request is answered within this; an analysis still running answers the next one. */
const REQUEST_BUDGET_MS = 750;
/** A job running longer than this shows in the status bar: long enough that a release never flickers there. */
const PROGRESS_AFTER_MS = 500;
// Only the bundle can be a worker's entry (run from source, __filename is this module under a
// TS loader): elsewhere the engine runs on the main thread.
const BUNDLED = /\.c?js$/.test(__filename);

if (!isMainThread && (workerData as { mark?: unknown } | null)?.mark === ENGINE_MARK) {
  serveEngine((workerData as { control: Int32Array }).control);
} else {
  startServer();
}

function startServer(): void {
  const connection: Connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  let settings: Settings = DEFAULT_SETTINGS;
  let pullConfiguration = false;
  let progressSupported = false;
  const log = (message: string) => connection.console.log(`[tickmark] ${message}`);
  const host = new AnalysisHost({
    log,
    settings: () => settings,
    document: (uri) => documents.get(uri),
    inProcess: !BUNDLED || process.argv.includes('--no-worker'),
    workerFile: __filename,
    hardLimitMs: timeLimitArgument(),
    slowJob: { afterMs: progressAfterArgument(), start: (uri, length) => showProgress(uri, length) },
  });

  /** Work the user waits for (a long filing being read) shows in the editor's status bar until it ends. */
  function showProgress(uri: string, length: number): { done(): void } {
    if (!progressSupported) return { done: () => undefined };
    let ended = false;
    let reporter: { done(): void } | undefined;
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)) || uri;
    connection.window.createWorkDoneProgress().then(
      (created) => {
        if (ended) return created.done();
        reporter = created;
        created.begin('Tickmark', undefined, `reading ${name} (${(length / 1e6).toFixed(1)} MB)`);
      },
      (error) => log(`could not show progress: ${String(error)}`),
    );
    return {
      done: () => {
        ended = true;
        reporter?.done();
      },
    };
  }

  process.on('uncaughtException', (error) => log(`uncaught: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => log(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

  /** Runs a feature in the host and turns its answer into the handler's reply. */
  async function answer<R>(name: Method, uri: unknown, params: unknown, fallback: R, token?: CancellationToken): Promise<R | ResponseError<void>> {
    try {
      if (typeof uri !== 'string' || !documents.get(uri)) {
        log(`${name}: unknown document ${String(uri)}`);
        return fallback;
      }
      const result = await host.request(uri, name, params, { token, budgetMs: REQUEST_BUDGET_MS });
      if (result.ok) return (result.result ?? fallback) as R;
      if (result.reason === 'cancelled') return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
      if (result.reason === 'budget') log(`${name} on ${uri}: the analysis was not ready within ${REQUEST_BUDGET_MS} ms; answered empty`);
      return fallback;
    } catch (error) {
      log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  }

  connection.onInitialize((params): InitializeResult => {
    pullConfiguration = !!params.capabilities.workspace?.configuration;
    progressSupported = !!params.capabilities.window?.workDoneProgress;
    settings = readSettings((params.initializationOptions as { tickmark?: unknown } | undefined)?.tickmark ?? params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        documentSymbolProvider: { label: 'Statements' },
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'tickmark', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    host.prepare();
    if (pullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    void refreshSettings();
  });

  async function refreshSettings(pushed?: unknown): Promise<void> {
    try {
      const section = pushed ?? (pullConfiguration ? await connection.workspace.getConfiguration('tickmark') : undefined);
      if (section !== undefined) settings = readSettings(section);
    } catch (error) {
      log(`could not read settings: ${String(error)}`);
    }
    host.reset();
    documents.all().forEach((document) => validate(document.uri));
  }

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { tickmark?: unknown } | null)?.tickmark;
    void refreshSettings(pushed);
  });

  // Diagnostics follow the latest version only. One diagnostics job per document is queued at a
  // time and reads the newest text when it starts; an edit abandons an analysis of an older version.
  const validating = new Set<string>();
  function validate(uri: string): void {
    if (validating.has(uri)) return;
    validating.add(uri);
    setImmediate(() => void publishDiagnostics(uri));
  }

  async function publishDiagnostics(uri: string): Promise<void> {
    try {
      const result = await host.request(uri, 'diagnostics', undefined);
      validating.delete(uri);
      const document = documents.get(uri);
      if (!document) return;
      const version = result.ok ? result.version : (result.version ?? document.version);
      if (version !== document.version) return validate(uri);
      let diagnostics: Diagnostic[] | undefined;
      if (result.ok) diagnostics = result.result as Diagnostic[];
      else if (result.reason === 'tooLarge') diagnostics = [note(tooLargeMessage(document.getText().length, settings.maxDocumentSize))];
      else if (result.reason === 'failed') diagnostics = [note(result.message ?? 'Tickmark could not analyse this version.')];
      if (diagnostics === undefined) return;
      if (!settings.checksEnabled && !result.ok) diagnostics = [];
      void connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      validating.delete(uri);
      log(`diagnostics failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  documents.onDidOpen((e) => {
    if (e.document.getText().length > settings.maxDocumentSize) log(`${e.document.uri}: ${tooLargeMessage(e.document.getText().length, settings.maxDocumentSize)}`);
  });
  documents.onDidChangeContent((e) => {
    host.changed(e.document.uri);
    validate(e.document.uri);
  });
  documents.onDidClose((e) => {
    host.closed(e.document.uri, e.document.getText().length);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover((params, token) => answer('hover', params?.textDocument?.uri, params, null, token));
  connection.onDocumentSymbol((params, token) => answer('documentSymbol', params?.textDocument?.uri, params, [], token));
  connection.onFoldingRanges((params, token) => answer('foldingRange', params?.textDocument?.uri, params, [], token));
  connection.onCodeLens((params, token) => answer('codeLens', params?.textDocument?.uri, params, [], token));
  connection.onDefinition((params, token) => answer('definition', params?.textDocument?.uri, params, [], token));
  connection.onReferences((params, token) => answer('references', params?.textDocument?.uri, params, [], token));

  connection.onCodeAction((params) => {
    try {
      const document = documents.get(params?.textDocument?.uri);
      return document ? provideCodeActions(document, params.context?.diagnostics ?? []) : [];
    } catch (error) {
      log(`codeAction failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return [];
    }
  });

  connection.onRequest('tickmark/parsedModel', (params: { uri?: unknown } | undefined, token) => answer('parsedModel', params?.uri, params, null, token));
  connection.onRequest('tickmark/tableAt', (params: { uri?: unknown; position?: unknown; format?: unknown } | undefined, token) =>
    answer('tableAt', params?.uri, params, null, token),
  );

  // For tests and the benchmark: the text the server holds, and its memory (after a collection
  // when node runs with --expose-gc).
  connection.onRequest('tickmark/documentText', (params: { uri?: unknown } | undefined) => {
    const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    return document ? { version: document.version, text: document.getText() } : null;
  });
  connection.onRequest('tickmark/stats', async (params: { gc?: boolean } | undefined) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (params?.gc && gc) gc();
    const engine = await host.request('', 'stats', { gc: params?.gc }, { budgetMs: REQUEST_BUDGET_MS });
    const memory = process.memoryUsage();
    return { documents: documents.keys().length, rss: memory.rss, heapUsed: memory.heapUsed, engine: engine.ok ? engine.result : null };
  });

  connection.onShutdown(() => host.dispose());

  documents.listen(connection);
  connection.listen();
}

/** `--NAME=<ms>` on the command line, else the environment variable `env`, if it is a whole number. */
function millisecondsArgument(name: string, env?: string): number | undefined {
  const value = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? (env ? process.env[env] : undefined);
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * How long a job runs before it shows as work in progress: `--progress-after=MS`, or the
 * TICKMARK_PROGRESS_AFTER_MS environment variable where an editor starts the server (tests lower it).
 */
function progressAfterArgument(): number {
  return millisecondsArgument('progress-after', 'TICKMARK_PROGRESS_AFTER_MS') ?? PROGRESS_AFTER_MS;
}

/** `--analysis-time-limit=<ms>` (tests): a fixed limit instead of one that grows with the document. */
function timeLimitArgument(): ((length: number) => number) | undefined {
  const value = millisecondsArgument('analysis-time-limit');
  return value ? () => value : undefined;
}

function note(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'tickmark', code: 'not-analysed', message };
}

function tooLargeMessage(length: number, limit: number): string {
  const n = (value: number) => value.toLocaleString('en-US');
  return `Tickmark did not analyse this document: it has ${n(length)} characters, more than tickmark.maxDocumentSize (${n(limit)}). Raise that setting to analyse it.`;
}
