// The real filings the tests run on, copied from the shared corpus into test/fixtures.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const FIXTURES = path.resolve(__dirname, '../fixtures');
export const EXAMPLE = path.join(FIXTURES, 'atg-2003-q3-ex99.txt');

export function corpusFiles(): string[] {
  const dir = path.join(FIXTURES, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') || f.endsWith('.html'))
    .sort()
    .map((f) => path.join(dir, f));
}

export function read(file: string): string {
  return readFileSync(file, 'utf8');
}
