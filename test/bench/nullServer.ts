// The transport floor: a do-nothing language server built on the same libraries as Tickmark's. It
// keeps documents in sync (incremental) and publishes empty diagnostics for every version, so the
// benchmark can time what any `vscode-languageserver` server pays to receive and answer a document.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental }, hoverProvider: true, documentSymbolProvider: true },
}));
documents.onDidChangeContent((e) => {
  void connection.sendDiagnostics({ uri: e.document.uri, version: e.document.version, diagnostics: [] });
});
documents.onDidClose((e) => void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));
connection.onHover(() => null);
connection.onDocumentSymbol(() => []);

documents.listen(connection);
connection.listen();
