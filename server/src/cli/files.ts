// From operands to the sorted list of documents to check. Named files are taken whatever their
// name (the user chose them); directory walks take only plain-text document names, so a
// repository's README, images and build output are not read as filings.
import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from './errors';

/** EDGAR full-text submissions are .txt; .release and .fin are the editor's own extensions. */
export const DOCUMENT_EXTENSIONS = ['.txt', '.text', '.release', '.fin'];

/** Hidden entries (.git) and node_modules hold no filings, only thousands of LICENSE.txt files. */
const SKIPPED_NAME = /^(\.|node_modules$)/;

export interface DocumentFile {
  /** The path as the user will see it in output: the operand, or operand/relative for walks. */
  path: string;
  size: number;
}

export interface Collected {
  files: DocumentFile[];
  /** One line each: operands that could not be used ("x.txt: no such file or directory"). */
  problems: string[];
}

export function isDocumentName(name: string): boolean {
  return DOCUMENT_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

export function collectFiles(operands: string[]): Collected {
  const found: DocumentFile[] = [];
  const problems: string[] = [];
  for (const operand of operands) {
    const stats = statOrProblem(operand, problems);
    if (!stats) continue;
    if (stats.isDirectory()) {
      const before = found.length;
      walk(operand, found, problems, new Set());
      if (found.length === before) problems.push(`${operand}: no documents in directory (looked for ${DOCUMENT_EXTENSIONS.map((e) => `*${e}`).join(', ')})`);
    } else if (stats.isFile()) {
      found.push({ path: operand, size: stats.size });
    } else {
      problems.push(`${operand}: not a regular file or directory`);
    }
  }
  return { files: sortUnique(found), problems };
}

function statOrProblem(file: string, problems: string[]): Stats | undefined {
  try {
    return statSync(file);
  } catch (error) {
    problems.push(`${file}: ${describeFsError(error)}`);
    return undefined;
  }
}

function walk(dir: string, found: DocumentFile[], problems: string[], visited: Set<string>): void {
  // Symbolic links to directories are followed once; the real path guards against cycles.
  const real = safeRealpath(dir);
  if (visited.has(real)) return;
  visited.add(real);
  let names: string[];
  try {
    names = readdirSync(dir).sort(compareStrings);
  } catch (error) {
    problems.push(`${dir}: ${describeFsError(error)}`);
    return;
  }
  for (const name of names) {
    if (SKIPPED_NAME.test(name)) continue;
    const child = path.join(dir, name);
    const stats = statOrProblem(child, problems);
    if (stats?.isDirectory()) walk(child, found, problems, visited);
    else if (stats?.isFile() && isDocumentName(name)) found.push({ path: child, size: stats.size });
  }
}

function safeRealpath(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/** Sorted by path segments (so "a/x" comes before "a-b/x", as a sorted walk gives), duplicates dropped. */
function sortUnique(files: DocumentFile[]): DocumentFile[] {
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = path.resolve(f.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => comparePaths(a.path, b.path));
}

export function comparePaths(a: string, b: string): number {
  const pa = a.split(/[\\/]+/);
  const pb = b.split(/[\\/]+/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const c = compareStrings(pa[i], pb[i]);
    if (c !== 0) return c;
  }
  return pa.length - pb.length;
}

/** Code-unit order, not the locale's: the same order on every machine. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
