// `tickmark check`: collect the documents, check them (in workers for big batches), print the
// results in file order whatever order the workers finish in, and choose the exit code.
import { availableParallelism } from 'node:os';
import type { CheckFormat } from './args';
import { collectFiles, type DocumentFile } from './files';
import { formatCheckJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatFileText, formatSummaryText } from './formats/text';
import { VERSION } from './help';
import { createProgress } from './progress';
import { skipped, type FileReport } from './report';
import { exitCode, summarize } from './summary';
import { runChecks } from './workers';
import { reported } from '../core/rules';
import type { Output } from './output';

export interface CheckOptions {
  format: CheckFormat;
  jobs?: number;
  maxSize: number;
  /** Rules whose findings are not reported. */
  disabled?: string[];
  operands: string[];
}

export async function runCheck(options: CheckOptions, out: Output): Promise<number> {
  const { files, problems } = collectFiles(options.operands);
  problems.forEach((p) => out.error(p));
  const reports: FileReport[] = new Array(files.length);
  const tasks: Array<{ index: number; file: string }> = [];
  for (const [index, file] of files.entries()) {
    if (file.size > options.maxSize) reports[index] = skipped(file.path, tooLarge(file, options.maxSize));
    else tasks.push({ index, file: file.path });
  }
  await checkInOrder(tasks, reports, options, out);
  const summary = summarize(reports, problems);
  if (options.format === 'json') out.write(formatCheckJson(reports, problems, summary, VERSION));
  if (options.format === 'sarif') out.write(formatSarif(reports, problems, { version: VERSION, cwd: process.cwd() }));
  if (options.format === 'text') {
    const line = formatSummaryText(summary);
    if (line) out.error(line, false);
  }
  if (summary.checked === 0 && files.length > 0) out.error(`nothing was checked: ${files.length === 1 ? 'the file was' : `all ${files.length} files were`} skipped or unreadable`);
  return exitCode(summary);
}

function tooLarge(file: DocumentFile, maxSize: number): string {
  return `skipped: ${file.size} bytes is more than --max-size (${maxSize})`;
}

/** Runs the checks; text output streams as soon as every earlier file is done. */
async function checkInOrder(tasks: Array<{ index: number; file: string }>, reports: FileReport[], options: CheckOptions, out: Output): Promise<void> {
  const progress = createProgress(tasks.length);
  let next = 0;
  const flush = (): void => {
    for (; next < reports.length && reports[next]; next++) {
      const report = reports[next];
      const text = options.format === 'text' ? formatFileText(report) : '';
      if (text || report.status === 'failed') progress.clear();
      if (report.status === 'failed') out.error(`${report.file}: ${report.error}`);
      out.write(text);
    }
  };
  flush();
  await runChecks(tasks.map((t) => ({ file: t.file })), chooseJobs(options.jobs, tasks.length), (i, report) => {
    reports[tasks[i].index] = { ...report, findings: reported(report.findings, options.disabled ?? []) };
    flush();
    progress.advance(report.file);
  });
  progress.done();
}

/** Threads cost ~30 ms to start: worth it only for batches, and never more than there are files. */
export function chooseJobs(requested: number | undefined, files: number): number {
  const automatic = files >= 8 ? Math.min(4, availableParallelism()) : 1;
  return Math.max(1, Math.min(requested ?? automatic, files));
}
