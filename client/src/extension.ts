// The client only starts the language server and wires editor commands to it; every answer about
// the document comes from the server, which reads the same core as the command line.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ErrorHandler,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { looksLikeFinancialRelease } from '../../server/src/core/detect';

const LANGUAGE_ID = 'financial-release';
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Tickmark', { log: true });
  context.subscriptions.push(output);
  client = createClient(context, output);
  registerCommands(context, output);
  registerAutoDetect(context);
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, args: ['--stdio'] },
    debug: { module, transport: TransportKind.stdio, args: ['--stdio'], options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
      { language: LANGUAGE_ID, scheme: 'vscode-remote' },
    ],
    synchronize: { configurationSection: 'tickmark' },
    outputChannel: output,
    traceOutputChannel: output,
    errorHandler: restartingErrorHandler(output),
  };
  return new LanguageClient('tickmark', 'Tickmark', serverOptions, clientOptions);
}

const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** A crashed server is restarted, and the user is told; after five crashes in three minutes it stays down. */
function restartingErrorHandler(output: vscode.LogOutputChannel): ErrorHandler {
  const crashes: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && now - crashes[0] > RESTART_WINDOW_MS) crashes.shift();
      if (crashes.length > MAX_RESTARTS) {
        const message = 'Tickmark: the language server stopped 5 times in 3 minutes and was not restarted. See the Tickmark output for why; run "Tickmark: Restart Language Server" to try again.';
        output.error(message);
        return { action: CloseAction.DoNotRestart, message };
      }
      output.warn('The Tickmark language server stopped unexpectedly; restarting it.');
      void vscode.window.showWarningMessage('Tickmark: the language server stopped unexpectedly and was restarted.');
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

function registerCommands(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  const register = (id: string, run: () => Promise<unknown>) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, () => run().catch((error) => report(output, id, error))));

  register('tickmark.treatAsFinancialRelease', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return void vscode.window.showInformationMessage('Tickmark: open a document first.');
    await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
  });
  register('tickmark.showParsedModel', async () => {
    const editor = activeReleaseEditor();
    if (!editor || !client) return;
    const model = await client.sendRequest('tickmark/parsedModel', { uri: editor.document.uri.toString() });
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(model, null, 2) });
    await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  });
  register('tickmark.copyTableAsCsv', () => copyTable('csv'));
  register('tickmark.copyTableAsMarkdown', () => copyTable('markdown'));
  register('tickmark.restartServer', async () => {
    await client?.restart();
  });
}

async function copyTable(format: 'csv' | 'markdown'): Promise<void> {
  const editor = activeReleaseEditor();
  if (!editor || !client) return;
  const position = client.code2ProtocolConverter.asPosition(editor.selection.active);
  const uri = editor.document.uri.toString();
  const text = await client.sendRequest<string | null>('tickmark/tableAt', { uri, position, format });
  if (!text) return void vscode.window.showInformationMessage('Tickmark: the cursor is not inside a table.');
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`Tickmark: table copied as ${format === 'csv' ? 'CSV' : 'Markdown'}`, 3000);
}

function activeReleaseEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === LANGUAGE_ID) return editor;
  void vscode.window.showInformationMessage('Tickmark: open a Financial Release document first.');
  return undefined;
}

// Plain-text filings are common (EDGAR .txt); switch them to our language when they look like one.
function registerAutoDetect(context: vscode.ExtensionContext): void {
  const consider = (document: vscode.TextDocument) => {
    if (document.languageId !== 'plaintext') return;
    if (!vscode.workspace.getConfiguration('tickmark').get<boolean>('autoDetect', true)) return;
    if (!looksLikeFinancialRelease(document.getText(new vscode.Range(0, 0, 400, 0)))) return;
    void vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(consider));
  vscode.workspace.textDocuments.forEach(consider);
}

function report(output: vscode.OutputChannel, command: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  output.appendLine(`[${command}] ${message}`);
  void vscode.window.showErrorMessage(`Tickmark: ${message}`);
}
