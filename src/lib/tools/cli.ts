import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * One behaviour for every command-line tool in scripts/: `--help` (or `-h`) prints the usage
 * (with each option's default) and exits 0; an unknown option, a missing or bad value, or a
 * named file that is not there is one line of error, then the usage, exit 2 (never a stack
 * trace). Tools declare their options once, with a line of help each.
 */

/** The exit codes of every tool: done, the work failed (or found problems), wrong use. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export interface CliOption {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  default?: string | boolean | string[] | boolean[];
  /** Shown in the usage: `--name <value>  help`. */
  help: string;
  /** The value's name in the usage (string options), e.g. `dir`. */
  value?: string;
}

export interface CliSpec {
  /** The npm command, e.g. `npm run import --`. */
  command: string;
  /** What follows the command in the usage line, e.g. `<export files…> [options]`. */
  synopsis: string;
  /** One or two sentences on what the tool does. */
  summary: string;
  options: Record<string, CliOption>;
  allowPositionals?: boolean;
  /** Extra lines after the options (examples, notes). */
  epilogue?: string[];
}

export type CliValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export type CliParse =
  | { kind: 'run'; values: CliValues; positionals: string[] }
  | { kind: 'exit'; code: 0 | 2; stdout: string; stderr: string };

/** The usage text of a tool, from its spec. */
export function usage(spec: CliSpec): string {
  const lines = [`Usage: ${spec.command} ${spec.synopsis}`.trimEnd(), '', spec.summary, '', 'Options:'];
  const rows = Object.entries({ ...spec.options, help: { type: 'boolean', short: 'h', help: 'show this help' } as CliOption }).map(
    ([name, o]) => {
      const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` <${o.value ?? 'value'}>` : ''}`;
      return [flag, withDefault(o)] as const;
    },
  );
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  for (const [flag, help] of rows) lines.push(`  ${flag.padEnd(width)}${help}`);
  if (spec.epilogue?.length) lines.push('', ...spec.epilogue);
  return `${lines.join('\n')}\n`;
}

/** The help line, with the default said once when there is one worth saying (not off, not empty). */
function withDefault(o: CliOption): string {
  const d = o.default;
  if (d === undefined || d === false || (Array.isArray(d) && d.length === 0) || /\bdefault\b/i.test(o.help)) return o.help;
  return `${o.help} (default: ${Array.isArray(d) ? d.join(', ') : String(d)})`;
}

/** A usage error found after parsing (a bad value, a file that is not there): message, usage, exit 2. */
export function usageError(spec: CliSpec, message: string): { kind: 'exit'; code: 2; stdout: string; stderr: string } {
  return { kind: 'exit', code: EXIT.usage, stdout: '', stderr: `${spec.command.replace(/ --$/, '')}: ${message}\n\n${usage(spec)}` };
}

/** For scripts: print a usage error and exit 2. */
export function exitWithUsageError(spec: CliSpec, message: string): never {
  process.stderr.write(usageError(spec, message).stderr);
  process.exit(EXIT.usage);
}

/** Parses argv against the spec; never throws for the user's mistakes. */
export function parseCli(spec: CliSpec, argv: string[]): CliParse {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(spec.options)) {
    options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}), ...(o.default !== undefined ? { default: o.default } : {}) } as never;
  }
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: spec.allowPositionals ?? false, strict: true });
    if (values.help) return { kind: 'exit', code: 0, stdout: usage(spec), stderr: '' };
    return { kind: 'run', values: values as CliValues, positionals };
  } catch (error) {
    return usageError(spec, error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
}

/** For scripts: parse, or print and exit. */
export function parseCliOrExit(spec: CliSpec, argv = process.argv.slice(2)): { values: CliValues; positionals: string[] } {
  const parsed = parseCli(spec, argv);
  if (parsed.kind === 'run') return parsed;
  process.stdout.write(parsed.stdout);
  process.stderr.write(parsed.stderr);
  process.exit(parsed.code);
}
