// Protocol tests against the bundled server over stdio, on the customer's example.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { EXAMPLE } from '../support/corpus';
import { LspClient } from '../support/lspClient';

const FIXTURE = EXAMPLE;
const TEXT = readFileSync(FIXTURE, 'utf8');
const URI = 'file:///fixtures/atg-2003-q3-ex99.txt';
const lines = TEXT.split('\n');

function positionOf(line: number, needle: string): { line: number; character: number } {
  const character = lines[line].indexOf(needle);
  assert.ok(character >= 0, `${needle} not on line ${line + 1}`);
  return { line, character: character + 1 };
}

describe('language server over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    const init = await client.initialize();
    assert.ok(init.capabilities.hoverProvider);
    assert.ok(init.capabilities.documentSymbolProvider);
    assert.ok(init.capabilities.foldingRangeProvider);
    client.open(URI, TEXT);
  });
  after(() => client.shutdown());

  test('the customer example raises no warning', async () => {
    const published = await client.diagnostics(URI, 1);
    assert.deepEqual(published.diagnostics, []);
  });

  test('hover on 4,598 names Services under Cost of Revenues, its period and scale', async () => {
    const hover = await client.request<{ contents: { value: string }; range: { start: { line: number } } }>('textDocument/hover', {
      textDocument: { uri: URI },
      position: positionOf(222, '4,598'),
    });
    const text = hover.contents.value;
    assert.match(text, /Cost of Revenues › Services/);
    assert.match(text, /Three Months Ended Sept\. 30, 2003/);
    assert.match(text, /\\\$4,598 thousand = \\\$4,598,000/); // dollar signs escaped for markdown
    assert.match(text, /Condensed Consolidated Statements of Operations/);
    assert.match(text, /Component of: Total Cost of Revenues 5,128 ✓ foots/);
    assert.equal(hover.range.start.line, 222);
  });

  test('hover on a total says it foots, with the arithmetic', async () => {
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: URI },
      position: positionOf(218, '16,009'),
    });
    assert.match(hover.contents.value, /✓ foots: 5,001 \+ 11,008 = 16,009/);
  });

  test('hover on a prose figure shows the cell it ties to', async () => {
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: URI },
      position: positionOf(7, '$16.0 million'),
    });
    assert.match(hover.contents.value, /Total Revenues — Three Months Ended Sept\. 30, 2003: 16,009/);
  });

  test('the outline lists the statements with their line items', async () => {
    type Symbol = { name: string; children?: Symbol[] };
    const symbols = await client.request<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    const names: string[] = [];
    const walk = (list: Symbol[]) => list.forEach((s) => (names.push(s.name), walk(s.children ?? [])));
    walk(symbols);
    assert.ok(names.includes('Condensed Consolidated Statements of Operations'), names.join(' | '));
    assert.ok(names.includes('Condensed Consolidated Balance Sheets'));
    assert.ok(names.includes('Cost of Revenues'));
    assert.ok(names.includes('Total current assets'));
  });

  test('folding ranges cover the tables', async () => {
    const ranges = await client.request<Array<{ startLine: number; endLine: number }>>('textDocument/foldingRange', { textDocument: { uri: URI } });
    assert.ok(ranges.some((r) => r.startLine <= 216 && r.endLine >= 258), JSON.stringify(ranges));
  });

  test('an edit that breaks a total is flagged on that row, and mending it clears the warning', async () => {
    const at = positionOf(218, '16,009');
    const range = { start: { line: 218, character: at.character - 1 }, end: { line: 218, character: at.character + 5 } };
    client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range, text: '16,019' }] });
    const broken = await client.diagnostics(URI, 2);
    assert.equal(broken.diagnostics.length, 1, JSON.stringify(broken.diagnostics));
    const [d] = broken.diagnostics;
    assert.equal(d.range.start.line, 218);
    assert.equal(d.source, 'tickmark');
    assert.equal(d.code, 'footing');
    assert.match(d.message, /printed 16,019, components sum to 16,009 \(off by 10\)/);
    assert.equal(d.relatedInformation?.length, 2);
    const lenses = await client.request<Array<{ range: { start: { line: number } }; command: { title: string } }>>('textDocument/codeLens', { textDocument: { uri: URI } });
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command.title]), [[218, 'Tickmark: components add up to 16,009']]);
    client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ range, text: '16,009' }] });
    assert.deepEqual((await client.diagnostics(URI, 3)).diagnostics, []);
  });

  test('bad requests get empty answers, never errors', async () => {
    const unknown = { textDocument: { uri: 'file:///nowhere.txt' }, position: { line: 0, character: 0 } };
    assert.equal(await client.request('textDocument/hover', unknown), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', unknown), []);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 99999, character: -4 } }), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 10_000_000, character: 5 } }), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: URI } }), null);
    assert.deepEqual(await client.request('textDocument/foldingRange', {}), []);
    // the server is still alive and correct after all that
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(222, '4,598') });
    assert.match(hover.contents.value, /Services/);
  });
});
