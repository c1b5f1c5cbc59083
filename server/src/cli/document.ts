// The single-file commands' way in: the same checks as `check` (exists, is a file, under
// --max-size, decodable), but any problem is fatal (a CliError, exit 2).
import { statSync } from 'node:fs';
import { analyze, type Analysis } from '../core/analyze';
import { CliError, describeFsError } from './errors';
import { readText } from './read';

export function loadDocument(file: string, maxSize: number): Analysis {
  let size: number;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw new CliError(`${file}: is a directory (this command reads one file)`);
    size = stats.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file}: ${describeFsError(error)}`);
  }
  if (size > maxSize) throw new CliError(`${file}: ${size} bytes is more than --max-size (${maxSize})`);
  try {
    return analyze(readText(file).text);
  } catch (error) {
    throw new CliError(`${file}: ${describeFsError(error)}`);
  }
}
