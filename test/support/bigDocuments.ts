// Large documents for the benchmark and the robustness tests, made of real filings: corpus files
// concatenated in a fixed order until the size is reached, so every run reads the same text.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

import { CORPUS } from './corpus';

let cache: string[] | undefined;

/** The plain-text corpus filings, in name order. */
export function corpusTexts(): string[] {
  cache ??= readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(CORPUS, f), 'utf8'));
  return cache;
}

/**
 * At least `size` characters of filings, whole files one after another. `offset` picks where in
 * the corpus to begin, so that two documents of the same size can differ.
 */
export function concatenatedFilings(size: number, offset = 0): string {
  const texts = corpusTexts();
  const parts: string[] = [];
  let length = 0;
  for (let i = offset; length < size; i++) {
    const text = texts[i % texts.length];
    parts.push(text.endsWith('\n') ? text : `${text}\n`);
    length += parts[parts.length - 1].length;
  }
  return parts.join('');
}

/** Offsets of figures printed in table rows ("1,234" after two spaces): places to hover and to edit. */
export function figureOffsets(text: string, limit: number): number[] {
  const offsets: number[] = [];
  const re = /  \$?\(?(\d{1,3}(?:,\d{3})+)\)?(?= |$)/gm;
  for (let m = re.exec(text); m && offsets.length < limit; m = re.exec(text)) offsets.push(m.index + m[0].indexOf(m[1]));
  return offsets;
}

/** LSP position of an offset (LF, CRLF or CR line ends). */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Positions of many offsets in one pass (offsets ascending). */
export function positionsAt(text: string, offsets: number[]): Array<{ line: number; character: number }> {
  const out: Array<{ line: number; character: number }> = [];
  let line = 0;
  let lineStart = 0;
  let i = 0;
  for (const offset of offsets) {
    for (; i < offset; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
      if (c === 10 || c === 13) {
        line++;
        lineStart = i + 1;
      }
    }
    out.push({ line, character: offset - lineStart });
  }
  return out;
}
