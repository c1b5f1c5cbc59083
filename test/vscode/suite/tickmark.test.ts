// The extension in a real VS Code, on the customer's example (a copy in the workspace folder the
// runners open): language switch, hover, outline, folding, footing diagnostics and the checks setting.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import {
  EXAMPLE, LANGUAGE_ID, describeDiagnostics, hoverText, replaceOnLine, symbolNames, tickmarkDiagnostics, waitFor, workspaceFile,
} from './helpers';

const HOVER_LINE = 222; // 0-based; line 223 reads "  Services   4,598   8,119 ..." under Cost of Revenues
const TOTAL_LINE = 218; // 0-based; line 219 reads "  Total Revenues   16,009   24,502 ..."

// Every URI the diagnostics changed for, from before the example opens: an empty publication is the
// only sign that the server looked at the document and found nothing.
const diagnosticsSeen = new Set<string>();
const watcher = vscode.languages.onDidChangeDiagnostics((event) => event.uris.forEach((uri) => diagnosticsSeen.add(uri.toString())));

suite('Tickmark in VS Code', () => {
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;
  let autoDetected = false;
  let totalBroken = false; // set by the tests that break the total, so teardown mends only their edit
  const breakTotal = async () => { await replaceOnLine(editor, TOTAL_LINE, '16,009', '16,019'); totalBroken = true; };
  const mendTotal = async () => { await replaceOnLine(editor, TOTAL_LINE, '16,019', '16,009'); totalBroken = false; };

  suiteSetup(async () => {
    doc = await vscode.workspace.openTextDocument(workspaceFile(EXAMPLE));
    editor = await vscode.window.showTextDocument(doc);
    // The extension should switch this .txt by itself (tickmark.autoDetect); if it does not, that test
    // fails below and the rest still run on the language set by hand.
    autoDetected = await waitFor('auto-detect', () => doc.languageId === LANGUAGE_ID, 20_000).catch(() => false);
    if (!autoDetected) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    editor = await vscode.window.showTextDocument(doc);
  });

  // A failed edit test must not leave the broken total behind for the next one.
  teardown(async () => {
    if (totalBroken) await mendTotal();
  });

  suiteTeardown(async () => {
    watcher.dispose();
    await vscode.workspace.getConfiguration('tickmark').update('checks.enabled', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('auto-detect switches the plain-text example to financial-release', () => {
    assert.ok(autoDetected, `the example stayed "${doc.languageId}" although tickmark.autoDetect is on`);
  });

  test('auto-detect switches an EDGAR filing (<SEC-DOCUMENT> first line) to financial-release', async () => {
    const body = doc.getText();
    const filing = ['<SEC-DOCUMENT>0000950135-03-005667.txt : 20031023', '<SEC-HEADER>0000950135-03-005667.hdr.sgml : 20031023',
      '</SEC-HEADER>', '<DOCUMENT>', '<TYPE>EX-99.1', '<TEXT>', body, '</TEXT>', '</DOCUMENT>', '</SEC-DOCUMENT>', ''].join('\n');
    const uri = workspaceFile('edgar-filing.txt');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(filing));
    const edgar = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(edgar, { preview: false });
    await waitFor('the EDGAR filing to become financial-release', () => vscode.workspace.textDocuments
      .some((d) => d.uri.toString() === uri.toString() && d.languageId === LANGUAGE_ID), 20_000);
    editor = await vscode.window.showTextDocument(doc); // back to the example for the tests below
  });

  test('hover on 4,598 names the line item, its section, the period and the scale', async () => {
    const column = doc.lineAt(HOVER_LINE).text.indexOf('4,598');
    assert.ok(column >= 0, `line ${HOVER_LINE + 1} is not the Services cost row: ${doc.lineAt(HOVER_LINE).text}`);
    const position = new vscode.Position(HOVER_LINE, column + 2);
    const text = await waitFor('a hover on 4,598', async () =>
      hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)));
    for (const expected of ['Services', 'Cost of Revenues', 'Three Months Ended', 'Sept. 30, 2003']) {
      assert.ok(text.includes(expected), `hover lacks "${expected}":\n${text}`);
    }
    assert.match(text, /thousand/i, `hover does not give the scale (thousands):\n${text}`);
  });

  test('the example foots: no tickmark diagnostics', async () => {
    // Wait until the server has published for this document (possibly an empty list) and answers.
    await waitFor('diagnostics published for the example', () => diagnosticsSeen.has(doc.uri.toString()) || tickmarkDiagnostics(doc.uri).length > 0);
    const found = tickmarkDiagnostics(doc.uri);
    assert.equal(found.length, 0, `unexpected findings on the customer's example:\n${describeDiagnostics(found)}`);
  });

  test('outline lists the statements', async () => {
    const names = await waitFor('document symbols', async () => {
      const found = symbolNames(await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri));
      return found.length > 0 && found;
    });
    for (const title of ['Condensed Consolidated Statements of Operations', 'Condensed Consolidated Balance Sheets']) {
      assert.ok(names.some((name) => name.includes(title)), `no symbol "${title}" among:\n${names.join('\n')}`);
    }
  });

  test('folding ranges are offered', async () => {
    const ranges = await waitFor('folding ranges', async () => {
      const found = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
      return found && found.length > 0 && found;
    });
    // Indentation folding alone would give ranges too; a Region around the statement table is Tickmark's.
    const table = ranges.filter((r) => r.kind === vscode.FoldingRangeKind.Region && r.start <= HOVER_LINE && r.end >= HOVER_LINE);
    assert.ok(table.length > 0, `no region folds the statement table; ranges: ${ranges.map((r) => `${r.start + 1}-${r.end + 1}`).join(' ')}`);
  });

  test('a total that does not foot gets a warning on its row; mending it clears it', async () => {
    await breakTotal();
    const onRow = await waitFor('a tickmark warning on the Total Revenues row', () => {
      const found = tickmarkDiagnostics(doc.uri).filter((d) => d.range.start.line === TOTAL_LINE);
      return found.length > 0 && found;
    });
    assert.ok(onRow.some((d) => d.severity === vscode.DiagnosticSeverity.Warning), `not a warning:\n${describeDiagnostics(onRow)}`);
    await mendTotal();
    await waitFor('the warning to clear after mending', () => tickmarkDiagnostics(doc.uri).length === 0);
  });

  test('tickmark.checks.enabled = false clears the findings; true restores them', async () => {
    const config = () => vscode.workspace.getConfiguration('tickmark');
    await breakTotal();
    await waitFor('the broken total to be reported', () => tickmarkDiagnostics(doc.uri).some((d) => d.range.start.line === TOTAL_LINE));
    await config().update('checks.enabled', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('findings to clear with checks disabled', () => tickmarkDiagnostics(doc.uri).length === 0);
    await config().update('checks.enabled', true, vscode.ConfigurationTarget.Workspace);
    await waitFor('findings to return with checks enabled', () => tickmarkDiagnostics(doc.uri).some((d) => d.range.start.line === TOTAL_LINE));
    await mendTotal();
    await waitFor('the warning to clear after mending', () => tickmarkDiagnostics(doc.uri).length === 0);
    await doc.save(); // leave no unsaved editor behind (the workspace is a temporary copy)
  });
});
