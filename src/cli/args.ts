import { UsageError } from './usage-error';

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string>;
}

/** Parses `--name value` and `--name=value` options; every option takes a value. Unknown names are usage errors. */
export function parseArgs(argv: readonly string[], known: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!known.includes(name)) {
      throw new UsageError(`Không có tuỳ chọn --${name}.`, `Unknown option --${name}.`);
    }
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      throw new UsageError(`Tuỳ chọn --${name} cần một giá trị.`, `Option --${name} needs a value.`);
    }
    if (options.has(name)) {
      throw new UsageError(`Tuỳ chọn --${name} được nêu hai lần.`, `Option --${name} is given twice.`);
    }
    options.set(name, value);
  }
  return { positional, options };
}
