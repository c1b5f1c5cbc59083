// Where the commands write: results to stdout, one-line problems to stderr prefixed "tickmark:".
// Behind an interface so the commands never touch process streams directly.

export interface Output {
  write(text: string): void;
  /** One line on stderr; `prefix` false for lines that already carry their own. */
  error(message: string, prefix?: boolean): void;
}

export const processOutput: Output = {
  write: (text) => {
    if (text) process.stdout.write(text);
  },
  error: (message, prefix = true) => {
    process.stderr.write(`${prefix ? 'tickmark: ' : ''}${message}\n`);
  },
};
