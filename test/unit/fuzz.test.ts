// A bounded, seeded fuzz of the core and of the features the server computes from it: mutated real
// filings, random bytes, odd Unicode, line-end mixes and pathological shapes. Nothing may throw or
// take long, every span must lie inside the document, the model must survive JSON (it crosses the
// protocol), line ends must not change what is read, and the per-line fast paths must agree with
// the general reading they stand in for.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { readEnvelope } from '../../server/src/core/envelope';
import { mayEndInFigure, scanLine } from '../../server/src/core/figures';
import { Lines } from '../../server/src/core/lines';
import type { DocumentModel } from '../../server/src/core/model';
import { splitLines } from '../../server/src/core/text';
import { Engine, type Job, type Method } from '../../server/src/features/engine';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { corpusTexts } from '../support/bigDocuments';
import { between, mutate, pathological, pick, randomBytes, randomUnits, seeded, window } from '../support/fuzz';

const SEED = 20_031_105;
/** One analysis of a fuzzed document (≤ 200 KB) must take no longer than this, however hostile. */
const CASE_LIMIT_MS = 3000;

function analyseChecked(text: string, label: string): DocumentModel {
  const started = performance.now();
  const { model } = analyze(text);
  const ms = performance.now() - started;
  assert.ok(ms < CASE_LIMIT_MS, `${label}: analysis took ${ms.toFixed(0)} ms`);
  checkModel(text, model, label);
  return model;
}

/** Invariants of any model: spans inside the text, lines inside the document, JSON-safe. */
function checkModel(text: string, model: DocumentModel, label: string): void {
  assert.equal(model.length, text.length, label);
  assert.equal(model.lineCount, splitLines(text).starts.length, label);
  const span = (s: { start: number; end: number } | undefined, what: string) => {
    if (!s) return;
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= text.length, `${label}: ${what} span ${JSON.stringify(s)} outside 0..${text.length}`);
  };
  const line = (n: number, what: string) => assert.ok(Number.isInteger(n) && n >= 0 && n < model.lineCount, `${label}: ${what} line ${n} outside the document`);
  for (const table of model.tables) {
    span(table.span, 'table');
    line(table.startLine, 'table start');
    line(table.endLine, 'table end');
    assert.ok(table.startLine <= table.endLine, `${label}: table ${table.index} ends before it starts`);
    for (const row of table.rows) {
      line(row.line, 'row');
      span(row.labelSpan, 'label');
      for (const cell of row.cells) {
        span(cell.span, 'cell');
        assert.ok(cell.column >= 0 && cell.column < table.columns.length, `${label}: cell column ${cell.column} of ${table.columns.length}`);
      }
    }
    for (const footing of table.footings) {
      for (const i of [footing.total, ...footing.components]) assert.ok(table.rows[i], `${label}: footing refers to row ${i}`);
    }
  }
  for (const section of model.sections) {
    span(section.span, 'section');
    line(section.startLine, 'section start');
    line(section.endLine, 'section end');
  }
  for (const figure of model.prose) span(figure.span, 'prose figure');
  for (const finding of model.findings) {
    span(finding.span, 'finding');
    finding.related.forEach((r) => span(r.span, 'related'));
  }
  for (const tie of model.ties) assert.ok(model.prose[tie.figure], `${label}: tie of a missing figure`);
  assert.doesNotThrow(() => JSON.stringify(model), label);
}

/** What a document says, without offsets (which move when line ends change). */
function reading(model: DocumentModel): string {
  return JSON.stringify({
    tables: model.tables.map((t) => [t.title, t.startLine, t.endLine, t.columns.map((c) => c.header), t.rows.map((r) => [r.label, r.line, r.cells.map((c) => [c.column, c.value])])]),
    findings: model.findings.map((f) => [f.rule, f.message]),
    sections: model.sections.map((s) => [s.title, s.startLine, s.endLine]),
    prose: model.prose.map((p) => [p.text, p.line, p.value]),
    ties: model.ties,
  });
}

/** Every feature the server offers runs on the analysis without an error. */
function checkFeatures(text: string, random: () => number, label: string): void {
  const logs: string[] = [];
  const engine = new Engine((m) => logs.push(m));
  const lines = splitLines(text);
  let id = 0;
  const run = (method: Method, params: unknown = {}) => {
    const job: Job = { id: ++id, uri: 'file:///fuzz.txt', version: 1, text: id === 1 ? text : undefined, method, params, settings: DEFAULT_SETTINGS, generation: id };
    const outcome = engine.run(job);
    assert.equal(outcome.status, 'done', `${label}: ${method} ${outcome.status === 'failed' ? outcome.message : ''}`);
    return outcome.status === 'done' ? outcome.result : undefined;
  };
  const diagnostics = run('diagnostics') as Array<{ range: { start: { line: number } } }>;
  for (const d of diagnostics) assert.ok(d.range.start.line < lines.starts.length, `${label}: diagnostic outside the document`);
  run('documentSymbol');
  run('foldingRange');
  for (let k = 0; k < 12; k++) {
    const position = { line: Math.floor(random() * lines.starts.length), character: Math.floor(random() * 120) };
    for (const method of ['hover', 'definition', 'references', 'tableAt'] as const) run(method, { position, format: pick(random, ['csv', 'markdown', 'json']) });
  }
  run('parsedModel');
  assert.deepEqual(logs, [], label);
}

/** The per-line fast paths (plain lines read raw, prose lines rejected early) agree with the general reading. */
function checkLineFastPaths(text: string, label: string): void {
  const source = splitLines(text);
  const lines = new Lines(source, readEnvelope(source));
  const reference = new Lines(source, readEnvelope(source));
  for (let line = 0; line < lines.count; line++) {
    if (!lines.isContent(line)) continue;
    // get() always expands the line (tabs, markup, PEM escapes): the general reading, no fast path.
    const expanded = reference.get(line).text;
    const rule = /^[\s\-=_~*+]*$/.test(expanded) && [...expanded].filter((c) => c === '-' || c === '=' || c === '_').length >= 3;
    assert.equal(lines.isRule(line), rule, `${label}: isRule of line ${line} ${JSON.stringify(expanded)}`);
    assert.deepEqual(lines.scan(line), rule ? undefined : scanLine(expanded), `${label}: scan of line ${line} ${JSON.stringify(expanded)}`);
    let indent = 0;
    while (indent < expanded.length && expanded.charCodeAt(indent) <= 32) indent++;
    assert.equal(lines.indent(line), indent, `${label}: indent of line ${line}`);
    if (!mayEndInFigure(expanded, 0, expanded.length)) assert.equal(scanLine(expanded), undefined, `${label}: ${JSON.stringify(expanded)} was rejected but has figures`);
  }
}

/** Line starts and ends found one character at a time: what splitLines' searches must agree with. */
function splitByLoop(text: string): { starts: number[]; ends: number[] } {
  const starts = [0];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    ends.push(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    starts.push(i + 1);
  }
  ends.push(text.length);
  return { starts, ends };
}

describe('fuzz: hostile input never breaks the core or the features', () => {
  test('lines split the same as a character loop, whatever the mix of LF, CR and CRLF', () => {
    const random = seeded(SEED + 4);
    for (let k = 0; k < 5000; k++) {
      let text = '';
      for (let n = between(random, 0, 40); n > 0; n--) text += pick(random, ['a', 'b ', '\r', '\n', '\r\n', '\n\r', '\r\r']);
      const { starts, ends } = splitLines(text);
      assert.deepEqual({ starts, ends }, splitByLoop(text), JSON.stringify(text));
    }
  });

  const corpus = corpusTexts().filter((t) => t.length < 700_000);

  test('mutated windows of real filings', () => {
    const random = seeded(SEED);
    for (let i = 0; i < 200; i++) {
      const base = window(pick(random, corpus), random, between(random, 2_000, 60_000));
      const text = mutate(base, random, between(random, 1, 40));
      const label = `mutated case ${i}`;
      analyseChecked(text, label);
      if (i % 3 === 0) checkFeatures(text, random, label);
      if (i % 4 === 0) checkLineFastPaths(text, label);
    }
  });

  test('whole filings, lightly mutated, read the same with LF, CRLF and CR line ends', () => {
    const random = seeded(SEED + 1);
    for (let i = 0; i < 16; i++) {
      const text = mutate(pick(random, corpus.filter((t) => t.length < 150_000)), random, between(random, 1, 6)).replace(/\r\n?/g, '\n');
      const label = `line ends case ${i}`;
      const lf = reading(analyseChecked(text, label));
      assert.equal(reading(analyseChecked(text.replace(/\n/g, '\r\n'), label)), lf, `${label}: CRLF reads differently`);
      assert.equal(reading(analyseChecked(text.replace(/\n/g, '\r'), label)), lf, `${label}: CR reads differently`);
    }
  });

  test('random bytes, random UTF-16 and odd Unicode', () => {
    const random = seeded(SEED + 2);
    for (let i = 0; i < 6; i++) {
      for (const [kind, text] of [
        ['bytes', randomBytes(random, 50_000)],
        ['units', randomUnits(random, 50_000)],
        ['ascii', randomBytes(random, 50_000).replace(/[^\x09\x0a\x0d\x20-\x7e]/g, ' ')],
      ] as const) {
        const label = `random ${kind} ${i}`;
        analyseChecked(text, label);
        if (i === 0) checkFeatures(text, random, label);
        if (i === 0) checkLineFastPaths(text, label);
      }
    }
  });

  test('pathological shapes', () => {
    const random = seeded(SEED + 3);
    for (const [name, text] of Object.entries(pathological(0.02))) {
      analyseChecked(text, name);
      checkFeatures(text, random, name);
      checkLineFastPaths(text, name);
    }
  });

  test('a 2 MB single line and 5,000-row tables', () => {
    analyseChecked(pathological(1)['a 2 MB single line'], 'long line');
    const big = pathological(0.05);
    analyseChecked(big['a bare table of many rows'], 'bare table');
    analyseChecked(big['a tagged table of many rows'], 'tagged table');
  });
});
