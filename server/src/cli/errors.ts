// Exit codes and the one error type the command line reports as a single line on stderr: a
// CliError is the user's problem (bad flag, missing file), never a reason for a stack trace.

/** Everything foots (or there was nothing to check in what was usable). */
export const EXIT_CLEAN = 0;
/** At least one finding. */
export const EXIT_FINDINGS = 1;
/** Unusable input: bad flag, missing or unreadable file, directory without documents. */
export const EXIT_UNUSABLE = 2;

export class CliError extends Error {
  /** `showUsage` adds a pointer to --help, for mistakes in the command line itself. */
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}

/** "ENOENT: no such file or directory, stat 'x'" → "no such file or directory". */
export function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return e?.code ? `cannot read (${e.code})` : String(e?.message ?? error);
  }
}
