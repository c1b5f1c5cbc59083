// A one-line progress bar on stderr for long batches. Only for people watching a terminal: never
// when stderr is a pipe or file, in CI logs (CI is set by GitHub Actions, GitLab, Travis...), or on
// a dumb terminal, where carriage returns would litter the log.

export interface Progress {
  advance(file: string): void;
  /** Erase the bar before other output goes to the same terminal; the next advance redraws it. */
  clear(): void;
  done(): void;
}

const NONE: Progress = { advance: () => undefined, clear: () => undefined, done: () => undefined };
const REDRAW_MS = 80;

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr, env = process.env): Progress {
  if (total <= 1 || !stream.isTTY || env.CI || env.TERM === 'dumb') return NONE;
  let count = 0;
  let last = 0;
  let shown = false;
  const clear = (): void => {
    if (shown) stream.write('\r\x1b[K');
    shown = false;
  };
  return {
    advance(file) {
      count++;
      const now = Date.now();
      if (shown && now - last < REDRAW_MS && count < total) return;
      last = now;
      stream.write(`\r\x1b[K${bar(count, total, file, stream.columns || 80)}`);
      shown = true;
    },
    clear,
    done: clear,
  };
}

function bar(count: number, total: number, file: string, columns: number): string {
  const width = 24;
  const filled = Math.round((count / total) * width);
  const head = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${count}/${total} `;
  const room = Math.max(0, columns - head.length - 1);
  const name = file.length <= room ? file : room > 1 ? `…${file.slice(file.length - room + 1)}` : '';
  return head + name;
}
