// Incremental sync is exact: after hundreds of random incremental edits (several per change
// notification, across lines, with CRLF and CR line ends, tabs, markup and odd Unicode), the
// server holds exactly the text a client would, and its diagnostics equal those of a fresh open
// of that text. A seeded property test against the bundled server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { corpusTexts } from '../support/bigDocuments';
import { EXAMPLE as EXAMPLE_FILE, read } from '../support/corpus';
import { between, pick, seeded, type Random } from '../support/fuzz';
import { LspClient, type Published } from '../support/lspClient';
import { change, close, stop, type TextEdit } from '../support/lspSession';

const EXAMPLE = read(EXAMPLE_FILE);

const INSERTS = [
  '', '1', '9', ',', '.', ' ', '  ', '\t', '\n', '\r\n', '\r', '-', '(', ')', '$', '%', '(1,234)', '  12,345', 'Total ', 'revenues',
  '\n  Total other income     1,234     5,678\n', '<TABLE>\n', '\n</TABLE>\n', '<S>', '<PAGE>\n', '\u00A0', '😀', '—', 'é', '\uFEFF', '..........',
];

/** Line starts of a text the way LSP counts lines: LF, CRLF and CR each end one. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

function contentEnd(text: string, starts: number[], line: number): number {
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  while (end > starts[line] && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return end;
}

/** A random position that a client could send: a line, and a character within its content. */
function randomPosition(text: string, starts: number[], random: Random, near?: number): { line: number; character: number; offset: number } {
  const line = near === undefined ? Math.floor(random() * starts.length) : Math.min(starts.length - 1, near + between(random, 0, 3));
  const length = contentEnd(text, starts, line) - starts[line];
  const character = Math.floor(random() * (length + 1));
  return { line, character, offset: starts[line] + character };
}

/** One random edit of `text`, and the text after it. */
function randomEdit(text: string, random: Random): { edit: TextEdit; text: string } {
  const starts = lineStarts(text);
  let a = randomPosition(text, starts, random);
  let b = random() < 0.5 ? a : randomPosition(text, starts, random, a.line);
  if (b.offset < a.offset) [a, b] = [b, a];
  const insert = random() < 0.1 ? Array.from({ length: between(random, 2, 6) }, () => pick(random, INSERTS)).join('') : pick(random, INSERTS);
  return {
    edit: { range: { start: { line: a.line, character: a.character }, end: { line: b.line, character: b.character } }, text: insert },
    text: text.slice(0, a.offset) + insert + text.slice(b.offset),
  };
}

/** Diagnostics as published, without the document's own URI. */
function normalize(published: Published, uri: string): string {
  return JSON.stringify(published.diagnostics).split(JSON.stringify(uri).slice(1, -1)).join('<uri>');
}

describe('incremental sync', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize();
  });
  after(() => stop(client));

  const bases: Array<[string, string]> = [
    ['the customer example', EXAMPLE],
    ['a filing with CRLF line ends', (corpusTexts().find((t) => t.length > 60_000 && t.length < 120_000) ?? EXAMPLE).replace(/\r?\n/g, '\r\n')],
    ['a filing with CR line ends', (corpusTexts().find((t) => t.length > 20_000 && t.length < 60_000) ?? EXAMPLE).replace(/\r?\n/g, '\r')],
  ];

  for (const [index, [name, base]] of bases.entries()) {
    test(`${name}: after random edits the server's text and diagnostics equal a fresh open's`, async () => {
      const random = seeded(1000 + index);
      const uri = `file:///incremental/${index}.txt`;
      let text = base;
      let version = 1;
      let findings = 0;
      client.open(uri, text);
      for (let round = 0; round < 10; round++) {
        // A burst of edits, some notifications carrying several changes, without waiting.
        for (let k = 0; k < 30; k++) {
          const edits: TextEdit[] = [];
          for (let n = random() < 0.2 ? between(random, 2, 4) : 1; n > 0; n--) {
            const next = randomEdit(text, random);
            edits.push(next.edit);
            text = next.text;
          }
          change(client, uri, ++version, edits);
        }
        const state = await client.request<{ version: number; text: string }>('tickmark/documentText', { uri });
        assert.equal(state.version, version);
        assert.equal(state.text, text, `${name}: the server's text differs after round ${round}`);
        const edited = await client.diagnostics(uri, version, 20_000);
        const fresh = `file:///incremental/${index}-fresh-${round}.txt`;
        client.open(fresh, text);
        const reference = await client.diagnostics(fresh, 1, 20_000);
        close(client, fresh);
        assert.equal(normalize(edited, uri), normalize(reference, fresh), `${name}: diagnostics differ from a fresh open after round ${round}`);
        findings += edited.diagnostics.length;
      }
      // The edits break totals: the comparison is between non-empty lists, not two empty ones.
      assert.ok(findings > 0, `${name}: no diagnostics in any round`);
      close(client, uri);
    });
  }
});
