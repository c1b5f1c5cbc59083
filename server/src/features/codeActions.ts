// A quick fix on a total that does not foot: replace the printed figure with the computed one,
// keeping the column width so the table stays aligned.
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export function provideCodeActions(document: TextDocument, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const suggestion = (diagnostic.data as { suggestion?: string } | undefined)?.suggestion;
    if (diagnostic.source !== 'tickmark' || typeof suggestion !== 'string') continue;
    const printed = document.getText(diagnostic.range);
    const replacement = reprint(printed, suggestion);
    actions.push({
      title: `Print the computed total ${suggestion}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [{ range: diagnostic.range, newText: replacement }] } },
    });
  }
  return actions;
}

/** Keeps "$" and the printed width; negative values in parentheses as the filing prints them. */
function reprint(printed: string, value: string): string {
  const dollar = printed.includes('$') ? '$' : '';
  const text = value.startsWith('(') && dollar ? `$${value}` : `${dollar}${value}`;
  return text.length >= printed.length ? text : text.padStart(printed.length);
}
