// The command line as data. node:util's parseArgs does the tokenising (--flag value, --flag=value,
// -f value, "--" to end options); this file adds the commands, allowed values and numbers.
import { parseArgs } from 'node:util';
import { RULES } from '../core/rules';
import { CliError } from './errors';

/** Bytes; the same 20 MB as the editor's tickmark.maxDocumentSize default. */
export const DEFAULT_MAX_SIZE = 20_000_000;

export type CheckFormat = 'text' | 'json' | 'sarif';
export type OutlineFormat = 'text' | 'json';
export type TablesFormat = 'csv' | 'json' | 'markdown';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; format: CheckFormat; jobs?: number; maxSize: number; disabled: string[]; operands: string[] }
  | { kind: 'outline'; format: OutlineFormat; maxSize: number; file: string }
  | { kind: 'tables'; format: TablesFormat; table?: number; maxSize: number; file: string }
  | { kind: 'model'; maxSize: number; file: string };

const COMMON = {
  help: { type: 'boolean', short: 'h' },
  'max-size': { type: 'string' },
} as const;
const FORMAT = { format: { type: 'string', short: 'f' } } as const;

export function parseCommand(argv: string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined) throw new CliError('no command given', true);
  if (name === '-h' || name === '--help' || name === 'help') return { kind: 'help' };
  if (name === '-V' || name === '-v' || name === '--version' || name === 'version') return { kind: 'version' };
  switch (name) {
    case 'check':
      return parseCheck(rest);
    case 'outline':
      return parseOutline(rest);
    case 'tables':
      return parseTables(rest);
    case 'model':
      return parseModel(rest);
    default:
      throw new CliError(name.startsWith('-') ? `unknown option '${name}' (a command comes first)` : `unknown command '${name}'`, true);
  }
}

function parseCheck(args: string[]): Command {
  const { values, positionals } = tokens(args, { ...COMMON, ...FORMAT, jobs: { type: 'string', short: 'j' }, disable: { type: 'string', multiple: true } });
  if (values.help) return { kind: 'help' };
  if (positionals.length === 0) throw new CliError(flagError('check needs at least one FILE or DIR'));
  const format = oneOf<CheckFormat>('--format', values.format, ['text', 'json', 'sarif']);
  const jobs = values.jobs === undefined ? undefined : positiveInteger('--jobs', values.jobs);
  return { kind: 'check', format, jobs, maxSize: maxSize(values['max-size']), disabled: rules(values.disable), operands: positionals };
}

/** "--disable tie-prose,per-share" (or the flag twice): rules whose findings are not reported. */
function rules(values: string[] | undefined): string[] {
  const names = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const unknown = names.find((n) => !RULES.includes(n));
  if (unknown !== undefined) throw new CliError(flagError(`unknown rule '${unknown}' for --disable (rules: ${RULES.join(', ')})`));
  return names;
}

function parseOutline(args: string[]): Command {
  const { values, positionals } = tokens(args, { ...COMMON, ...FORMAT });
  if (values.help) return { kind: 'help' };
  const format = oneOf<OutlineFormat>('--format', values.format, ['text', 'json']);
  return { kind: 'outline', format, maxSize: maxSize(values['max-size']), file: single('outline', positionals) };
}

function parseTables(args: string[]): Command {
  const { values, positionals } = tokens(args, { ...COMMON, ...FORMAT, table: { type: 'string', short: 't' } });
  if (values.help) return { kind: 'help' };
  const format = oneOf<TablesFormat>('--format', values.format, ['csv', 'json', 'markdown']);
  const table = values.table === undefined ? undefined : positiveInteger('--table', values.table);
  return { kind: 'tables', format, table, maxSize: maxSize(values['max-size']), file: single('tables', positionals) };
}

function parseModel(args: string[]): Command {
  // --format json is accepted (and is the only format) so scripts may say what they expect.
  const { values, positionals } = tokens(args, { ...COMMON, ...FORMAT });
  if (values.help) return { kind: 'help' };
  oneOf('--format', values.format, ['json']);
  return { kind: 'model', maxSize: maxSize(values['max-size']), file: single('model', positionals) };
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function tokens<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs explains at length how to pass a positional starting with "-"; the first sentence is enough.
    const message = error instanceof Error ? error.message.split('. ')[0] : String(error);
    throw new CliError(flagError(message.charAt(0).toLowerCase() + message.slice(1)));
  }
}

function oneOf<T extends string>(flag: string, value: string | boolean | undefined, allowed: T[]): T {
  if (value === undefined) return allowed[0];
  if (typeof value === 'string' && (allowed as string[]).includes(value)) return value as T;
  throw new CliError(flagError(`${flag} must be one of ${allowed.join(', ')} (got '${String(value)}')`));
}

function positiveInteger(flag: string, value: string | boolean): number {
  if (typeof value === 'string' && /^[1-9]\d{0,8}$/.test(value)) return Number(value);
  throw new CliError(flagError(`${flag} must be a positive integer (got '${String(value)}')`));
}

const SIZE_SUFFIX: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9 };

function maxSize(value: string | boolean | undefined): number {
  if (value === undefined) return DEFAULT_MAX_SIZE;
  const match = typeof value === 'string' ? /^(\d+)\s*([kmg]?)b?$/i.exec(value.trim()) : null;
  const bytes = match ? Number(match[1]) * SIZE_SUFFIX[match[2].toLowerCase()] : NaN;
  if (Number.isSafeInteger(bytes) && bytes > 0) return bytes;
  throw new CliError(flagError(`--max-size must be a positive number of bytes, optionally with k, M or G (got '${String(value)}')`));
}

function single(command: string, positionals: string[]): string {
  if (positionals.length === 1) return positionals[0];
  throw new CliError(flagError(positionals.length === 0 ? `${command} needs a FILE` : `${command} takes one FILE (got ${positionals.length})`));
}

/** Mistakes in flags get one line on stderr (scripts log it whole); the full usage is one command away. */
function flagError(message: string): string {
  return `${message}; see 'tickmark --help'`;
}
