// The real filings the tests run on, copied from the shared corpus into test/fixtures.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The repository's root, for the tests that run what it builds (dist/, syntaxes/). */
export const ROOT = path.resolve(__dirname, '../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures');
/** The customer's example release. */
export const EXAMPLE = path.join(FIXTURES, 'atg-2003-q3-ex99.txt');
export const CORPUS = path.join(FIXTURES, 'corpus');

export function corpusFiles(): string[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt') || f.endsWith('.html'))
    .sort()
    .map((f) => path.join(CORPUS, f));
}

export function read(file: string): string {
  return readFileSync(file, 'utf8');
}
