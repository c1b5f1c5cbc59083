// The language server: thin handlers that look up the document, ask the cache for the analysis
// of its version and convert the core's answer to LSP. No handler throws to the client.
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { exportTable, tableToCsv, tableToMarkdown } from './core/export';
import { tableAt } from './core/lookup';
import { isPosition, toOffset } from './convert';
import { AnalysisCache } from './documents';
import { provideCodeActions } from './features/codeActions';
import { provideDiagnostics } from './features/diagnostics';
import { provideFoldingRanges } from './features/folding';
import { provideHover } from './features/hover';
import { provideDefinition, provideReferences } from './features/navigation';
import { provideDocumentSymbols } from './features/symbols';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let settings: Settings = DEFAULT_SETTINGS;
let pullConfiguration = false;
const log = (message: string) => connection.console.log(`[tickmark] ${message}`);
const cache = new AnalysisCache(() => settings, log);

/** Runs a handler; a failure is logged and answered with `fallback`, never thrown. */
function guard<P, R>(name: string, fallback: R, handler: (params: P) => R): (params: P) => R {
  return (params: P) => {
    try {
      return handler(params);
    } catch (error) {
      log(`${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  };
}

function documentFor(params: { textDocument?: { uri?: unknown } } | undefined): TextDocument | undefined {
  const uri = params?.textDocument?.uri;
  if (typeof uri !== 'string') return undefined;
  const document = documents.get(uri);
  if (!document) log(`request for unknown document ${uri}`);
  return document;
}

connection.onInitialize((params): InitializeResult => {
  pullConfiguration = !!params.capabilities.workspace?.configuration;
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
    },
    serverInfo: { name: 'tickmark', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
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
  cache.clear();
  documents.all().forEach(scheduleValidation);
}

connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as { tickmark?: unknown } | null)?.tickmark;
  void refreshSettings(pushed);
});

// Diagnostics follow the latest version only: edits in a burst are validated once.
const pending = new Map<string, ReturnType<typeof setImmediate>>();
function scheduleValidation(document: TextDocument): void {
  const previous = pending.get(document.uri);
  if (previous) clearImmediate(previous);
  pending.set(
    document.uri,
    setImmediate(() => {
      pending.delete(document.uri);
      const current = documents.get(document.uri);
      if (!current) return;
      guard('diagnostics', undefined, () => {
        const diagnostics = provideDiagnostics(cache.get(current), current.uri, settings);
        void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
      })(undefined);
    }),
  );
}

documents.onDidOpen((e) => scheduleValidation(e.document));
documents.onDidChangeContent((e) => scheduleValidation(e.document));
documents.onDidClose((e) => {
  cache.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onHover(
  guard('hover', null, (params) => {
    const document = documentFor(params);
    if (!document || !isPosition(params.position)) return null;
    return provideHover(cache.get(document), params.position);
  }),
);

connection.onDocumentSymbol(
  guard('documentSymbol', [], (params) => {
    const document = documentFor(params);
    return document ? provideDocumentSymbols(cache.get(document)) : [];
  }),
);

connection.onFoldingRanges(
  guard('foldingRange', [], (params) => {
    const document = documentFor(params);
    return document ? provideFoldingRanges(cache.get(document)) : [];
  }),
);

connection.onDefinition(
  guard('definition', [], (params) => {
    const document = documentFor(params);
    if (!document || !isPosition(params.position)) return [];
    return provideDefinition(cache.get(document), document.uri, params.position);
  }),
);

connection.onReferences(
  guard('references', [], (params) => {
    const document = documentFor(params);
    if (!document || !isPosition(params.position)) return [];
    return provideReferences(cache.get(document), document.uri, params.position);
  }),
);

connection.onCodeAction(
  guard('codeAction', [], (params) => {
    const document = documentFor(params);
    return document ? provideCodeActions(document, params.context?.diagnostics ?? []) : [];
  }),
);

connection.onRequest(
  'tickmark/parsedModel',
  guard('parsedModel', null, (params: { uri?: unknown }) => {
    const document = documentFor({ textDocument: { uri: params?.uri } });
    return document ? cache.get(document).model : null;
  }),
);

connection.onRequest(
  'tickmark/tableAt',
  guard<{ uri?: unknown; position?: unknown; format?: unknown }, unknown>('tableAt', null, (params) => {
    const document = documentFor({ textDocument: { uri: params?.uri } });
    if (!document || !isPosition(params.position)) return null;
    const analysis = cache.get(document);
    const table = tableAt(analysis.model, toOffset(analysis.source, params.position));
    if (!table) return null;
    if (params.format === 'markdown') return tableToMarkdown(table);
    if (params.format === 'json') return exportTable(table);
    return tableToCsv(table);
  }),
);

documents.listen(connection);
connection.listen();
