// Small waiting helpers: every wait ends on a condition or fails with what it waited for.
import * as vscode from 'vscode';

export const LANGUAGE_ID = 'financial-release';
export const EXAMPLE = 'atg-2003-q3-ex99.txt';

/**
 * Resolves with the first truthy value of `probe`, re-checked whenever diagnostics or documents
 * change and every 250 ms; rejects after `timeoutMs` naming what never happened.
 */
export function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let last: unknown;
    const subscriptions: vscode.Disposable[] = [];
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(interval);
      clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
      action();
    };
    const check = async () => {
      if (settled) return;
      try {
        const value = await probe();
        if (value) finish(() => resolve(value));
      } catch (error) {
        last = error; // e.g. the language server is still starting; keep trying until the timeout
      }
    };
    const interval = setInterval(check, 250);
    const timer = setTimeout(
      () => finish(() => reject(new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`))),
      timeoutMs,
    );
    subscriptions.push(vscode.languages.onDidChangeDiagnostics(check), vscode.workspace.onDidChangeTextDocument(check),
      vscode.workspace.onDidOpenTextDocument(check));
    void check();
  });
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs a workspace folder holding a copy of test/fixtures (the runners open one)');
  return vscode.Uri.joinPath(folder.uri, name);
}

export function tickmarkDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'tickmark');
}

export function describeDiagnostics(diagnostics: vscode.Diagnostic[]): string {
  return diagnostics.map((d) => `${d.range.start.line + 1}: [${vscode.DiagnosticSeverity[d.severity]}] ${d.message}`).join('\n') || '(none)';
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  const parts: string[] = [];
  for (const hover of hovers ?? []) {
    for (const content of hover.contents) {
      parts.push(typeof content === 'string' ? content : content.value);
    }
  }
  return parts.join('\n');
}

export function symbolNames(symbols: (vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined): string[] {
  const names: string[] = [];
  const visit = (symbol: vscode.DocumentSymbol | vscode.SymbolInformation) => {
    names.push(symbol.name);
    if ('children' in symbol) symbol.children.forEach(visit);
  };
  (symbols ?? []).forEach(visit);
  return names;
}

/** Replaces `from` with `to` on a 0-based line, through the editor as a person would type it. */
export async function replaceOnLine(editor: vscode.TextEditor, line: number, from: string, to: string): Promise<void> {
  const text = editor.document.lineAt(line).text;
  const column = text.indexOf(from);
  if (column < 0) throw new Error(`line ${line + 1} has no "${from}": ${text}`);
  const ok = await editor.edit((edit) => edit.replace(new vscode.Range(line, column, line, column + from.length), to));
  if (!ok) throw new Error(`the edit on line ${line + 1} was refused`);
}
