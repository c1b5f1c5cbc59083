// The `tickmark` command line. The same bundle is also the entry of check's worker threads
// (dist/cli.js is one CommonJS file), so the first decision is which of the two this thread is.
import { isMainThread, workerData } from 'node:worker_threads';
import { parseCommand, type Command } from './args';
import { runCheck } from './check';
import { CliError, EXIT_UNUSABLE } from './errors';
import { HELP, USAGE, VERSION } from './help';
import { runModel } from './model';
import { runOutline } from './outline';
import { processOutput, type Output } from './output';
import { runTables } from './tables';
import { isCheckWorker, serveChecks } from './workers';

export async function run(argv: string[], out: Output): Promise<number> {
  try {
    return await dispatch(parseCommand(argv), out);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    out.error(error.message);
    if (error.showUsage) out.error(`${USAGE}\n(tickmark --help for more)`, false);
    return EXIT_UNUSABLE;
  }
}

async function dispatch(command: Command, out: Output): Promise<number> {
  switch (command.kind) {
    case 'help':
      out.write(HELP);
      return 0;
    case 'version':
      out.write(`${VERSION}\n`);
      return 0;
    case 'check':
      return runCheck(command, out);
    case 'outline':
      return runOutline(command, out);
    case 'tables':
      return runTables(command, out);
    case 'model':
      return runModel(command, out);
  }
}

function main(): void {
  // `tickmark tables x | head` closes the pipe early: stop quietly instead of throwing EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  run(process.argv.slice(2), processOutput).then(
    (code) => {
      // exitCode, not exit(): stdout may still be flushing into a pipe.
      process.exitCode = code;
    },
    (error: unknown) => {
      // A bug, not the user's mistake; still one line unless asked for the stack.
      const detail = process.env.TICKMARK_DEBUG && error instanceof Error ? error.stack : error instanceof Error ? error.message : String(error);
      processOutput.error(`internal error: ${detail} (set TICKMARK_DEBUG=1 for a stack trace)`);
      process.exitCode = EXIT_UNUSABLE;
    },
  );
}

if (!isMainThread && isCheckWorker(workerData)) serveChecks();
else if (require.main === module) main();
