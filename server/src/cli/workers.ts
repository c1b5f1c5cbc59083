// Checking files in parallel. Workers run this same bundle (dist/cli.js is one CommonJS file, so
// __filename is the bundle); main.ts sends a thread marked by WORKER_MARK here instead of the CLI.
// Each worker takes the next file when it finishes one, so one huge filing does not hold up a batch.
import { parentPort, Worker } from 'node:worker_threads';
import { checkFile, failed, type CheckTask, type FileReport } from './report';

export const WORKER_MARK = 'tickmark-check-worker';

// Only the bundle can be a worker's entry: run from source (a TS loader), __filename is this
// module, which would not start serving, so the checks stay on the main thread.
const BUNDLED = /\.c?js$/.test(__filename);

export type OnReport = (index: number, report: FileReport) => void;

interface Job {
  index: number;
  task: CheckTask;
}

export function isCheckWorker(data: unknown): boolean {
  return (data as { mark?: unknown } | null)?.mark === WORKER_MARK;
}

/** The worker side: answer each job with its report until the main thread terminates us. */
export function serveChecks(): void {
  parentPort?.on('message', (job: Job) => parentPort?.postMessage({ index: job.index, report: checkFile(job.task) }));
}

export async function runChecks(tasks: CheckTask[], jobs: number, onReport: OnReport): Promise<void> {
  if (jobs <= 1 || tasks.length <= 1 || !BUNDLED) {
    tasks.forEach((task, index) => onReport(index, checkFile(task)));
    return;
  }
  const queue = tasks.map((task, index) => ({ index, task }));
  const slots = Array.from({ length: Math.min(jobs, tasks.length) }, () => runSlot(queue, onReport));
  await Promise.all(slots);
}

/** One worker thread draining the shared queue; a crashed worker is replaced while work remains. */
function runSlot(queue: Job[], onReport: OnReport): Promise<void> {
  return new Promise((resolve) => {
    const start = (): void => {
      let current: Job | undefined;
      let online = false;
      const worker = new Worker(__filename, { workerData: { mark: WORKER_MARK } });
      const feed = (): void => {
        current = queue.shift();
        if (current) worker.postMessage(current);
        else void worker.terminate();
      };
      worker.on('online', () => (online = true));
      worker.on('message', (message: { index: number; report: FileReport }) => {
        onReport(message.index, message.report);
        feed();
      });
      worker.on('error', (error) => {
        // After start-up, an uncaught error or out-of-memory fails only the file being read.
        if (online && current) onReport(current.index, failed(current.task.file, `internal error while analysing: ${error.message}`));
        if (online) current = undefined;
      });
      worker.on('exit', () => {
        if (current && online) onReport(current.index, failed(current.task.file, 'internal error: the worker thread stopped'));
        // A worker that could not even start (thread limits, a broken install) would fail again:
        // the main thread finishes the queue itself.
        if (current && !online) queue.unshift(current);
        if (!online) drainInline(queue, onReport);
        if (queue.length > 0) start();
        else resolve();
      });
      feed();
    };
    start();
  });
}

function drainInline(queue: Job[], onReport: OnReport): void {
  for (let job = queue.shift(); job; job = queue.shift()) onReport(job.index, checkFile(job.task));
}
