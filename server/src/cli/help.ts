// The help text and version. --help documents the decisions a user cannot guess: which files a
// directory walk picks up, what the exit codes mean, where the progress bar goes.
import { DOCUMENT_EXTENSIONS } from './files';
import { DEFAULT_MAX_SIZE } from './args';
import { RULES } from '../core/rules';

// esbuild inlines package.json at build time, so the bundle reports the version it was built from
// (a JSON import would need resolveJsonModule in the shared tsconfig).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require('../../../package.json') as { version?: string };

export const VERSION: string = pkg.version ?? '0.1.0';

const extensions = DOCUMENT_EXTENSIONS.map((e) => `*${e}`).join(', ');

export const USAGE = `usage: tickmark check [--format text|json|sarif] [--jobs N] [--max-size BYTES] [--disable RULE,...] FILE|DIR...
       tickmark outline [--format text|json] FILE
       tickmark tables [--format csv|json|markdown] [--table N] FILE
       tickmark model FILE
       tickmark --help | --version`;

export const HELP = `tickmark ${VERSION}: checks that the totals in plain-text financial releases and SEC EDGAR
text filings foot, and shows what it read.

${USAGE}

Commands:
  check     Report totals that do not foot, one line per finding, as compilers print them:
              FILE:LINE:COLUMN: warning: MESSAGE [RULE]
            followed by "note:" lines at the components. Lines and columns are 1-based; columns
            count UTF-16 code units with a tab as one (as editors and LSP do).
  outline   The statement outline: documents, headings, tables, groups and line items, with
            their line numbers (--format json for a tree of objects).
  tables    The tables as data: line items by periods, values in printed units, with the scale.
            --table N picks one table (1-based, numbered as in "outline"). Without it, CSV tables
            are separated by a blank line and a "# Table N: TITLE (SCALE)" line, JSON is an
            array and Markdown one table after the other.
  model     The parsed document model as JSON, exactly what the language server understood
            (0-based lines, UTF-16 offsets).

Options:
  -f, --format FORMAT   check: text (default), json or sarif (SARIF 2.1.0)
                        outline: text (default) or json; tables: csv (default), json, markdown
  -j, --jobs N          check files in N worker threads (default: min(4, CPUs) for 8 or more
                        files, else 1). Output order never depends on it.
      --max-size BYTES  skip files larger than this (default ${DEFAULT_MAX_SIZE}; suffixes k, M, G
                        as powers of 1000). check reports skipped files as notes; the other
                        commands fail.
      --disable RULES   check: do not report these rules (comma-separated, or the flag again):
                        ${RULES.join(', ')}
  -t, --table N         tables: the table to print (1-based)
  -h, --help            this text
  -V, --version         the version

Files: files named on the command line are read whatever their name. Directories are walked
recursively in sorted order, skipping hidden entries (".git") and node_modules, and yield only
${extensions} files (EDGAR full-text submissions are *.txt). Text is read as
UTF-8; a file that is not valid UTF-8 is read as Windows-1252 (a note says so).

Progress: a progress bar is drawn on stderr only when more than one file is checked, stderr is
a terminal and the CI environment variable is not set.

Exit status:
  0  everything that was checked foots (no findings)
  1  at least one finding
  2  unusable input, which outranks 1: unknown command or flag, a missing or unreadable file,
     a directory with no documents, --table out of range, or nothing could be checked (every
     file over --max-size). check still checks and reports the files it could read.
`;
