// Whole-corpus invariants on real filings: nothing throws, tables only where tables are, no
// warning on any filing as filed except the genuine arithmetic errors (each written out below).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { buildOutline } from '../../server/src/core/outline';
import { lineAt } from '../../server/src/core/text';
import { corpusFiles, EXAMPLE, read } from '../support/corpus';

const files = [EXAMPLE, ...corpusFiles()];
const models = new Map(files.map((file) => [path.basename(file), analyze(read(file))]));

/** Every warning on the corpus as filed: genuine errors in the filings, checked by hand. */
const GENUINE: Record<string, string[]> = {
  // Accrued expenses, 1999 column: 32,720 + 49,293 + 45,234 + 148,320 = 275,567, printed $275,657
  // (two digits transposed).
  // Selected financial information, basic earnings per share 2000: net income 90,520 / 49,106
  // weighted-average shares = 1.84 (continuing 1.75 + discontinued .09), printed .84.
  'perkinelmer_10k405_0000950135-01-000920.txt': ['964: per-share -1.00', '3824: footing 90', '3864: footing -9'],
  // ^ Net periodic pension cost, 1998: 9,365 + 18,300 - 23,360 - 816 = 3,489, printed $3,480.
  // Total current liabilities, December 31, 1998: 6,938 + 3,768 + 9,745 + 24,452 = 44,903,
  // printed 47,903.
  'sandisk_8k_0001012870-99-003773.txt': ['535: footing 3000'],
};

const NO_TABLES = [
  'apple_8k_0000320193-96-000027.txt',
  'apple_8k_0000320193-99-000010.txt',
  'apple_8k_0000912057-00-002128.txt',
  'cisco_8k_0000891618-95-000727.txt',
  'expertelligence_8k_0000723533-04-000001.txt',
  'expertelligence_8k_0001164150-07-000163.txt',
  'foodconcepts_8k_0000703901-98-000003.txt',
  'oasis_8k_0001104540-02-000064.txt',
  'productivitytech_form4_0001094891-00-000193.txt',
];

describe('the whole corpus', () => {
  test('every filing is read, and its outline built, without an exception', () => {
    assert.ok(files.length >= 60, `only ${files.length} fixtures`);
    for (const file of files) {
      const text = read(file);
      const { source, model } = analyze(text);
      assert.equal(model.length, text.length);
      buildOutline(model, source);
    }
  });

  test('warnings only for the genuine arithmetic errors in the filings', () => {
    for (const [name, { source, model }] of models) {
      const got = model.findings.map((f) => {
        const off = /off by \(?([\d,.]+)\)?/.exec(f.message);
        const sign = /off by \(/.test(f.message) ? '-' : '';
        return `${lineAt(source, f.span.start) + 1}: ${f.rule} ${sign}${off ? off[1].replace(/,/g, '') : ''}`;
      });
      assert.deepEqual(got, GENUINE[name] ?? [], `${name}: ${model.findings.map((f) => f.message).join('\n')}`);
    }
  });

  test('8-Ks and forms without tables yield no tables and no warnings', () => {
    for (const name of NO_TABLES) {
      const analysis = models.get(name);
      assert.ok(analysis, name);
      assert.equal(analysis.model.tables.length, 0, `${name}: ${analysis.model.tables.map((t) => t.title).join(', ')}`);
      assert.equal(analysis.model.findings.length, 0, name);
    }
  });

  test('HTML documents are skipped with a note, not misread', () => {
    const { model } = models.get('buckle_ex99-1_2024-11-22.html')!;
    assert.equal(model.tables.length, 0);
    assert.match(model.notes.join('\n'), /HTML document .* not analysed/);
  });

  test('every figure of a titled statement has a row label and a column header', () => {
    const STATEMENT = /\b(statements? of (operations|income|earnings)|balance sheets?|income statements?|highlights)\b/i;
    let checked = 0;
    for (const [name, { model }] of models) {
      for (const table of model.tables) {
        if (!STATEMENT.test(table.title) || table.generatedTitle) continue;
        for (const row of table.rows) {
          for (const cell of row.cells) {
            if (cell.kind !== 'number') continue;
            checked++;
            const where = `${name} line ${row.line + 1} ${cell.text}`;
            assert.ok(table.columns[cell.column].header, `${where}: no column header`);
            assert.ok(row.label || row.footing !== undefined, `${where}: no row label`);
          }
        }
      }
    }
    assert.ok(checked > 4000, `only ${checked} figures checked`);
  });
});
