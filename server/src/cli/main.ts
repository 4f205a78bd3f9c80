/** Entry of the `cc7` command line. Exit codes: 0 clean, 1 findings, 2 usage or I/O error. */
import { parseArgs } from 'node:util';
import { ClockError, parseAsOf, resolveClock } from '../core/clock';
import { runCheck } from './check';
import { CliError } from './errors';
import { FORMATTERS } from './formatters';

const USAGE = `usage: cc7 check [PATH...] [--format stylish|json|sarif] [--as-of TIME] [--max-warnings N]`;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === 'check') return check(rest);
  throw new CliError(`unknown command "${command}"; ${USAGE}`);
}

function check(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', default: 'stylish' },
      'as-of': { type: 'string' },
      'max-warnings': { type: 'string' },
    },
  });
  const format = FORMATTERS[values.format];
  if (!format) throw new CliError(`unknown format "${values.format}": use stylish, json or sarif`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new CliError(`--max-warnings takes a whole number, not "${values['max-warnings']}"`);
  }
  if (values['as-of'] !== undefined) parseAsOf(values['as-of']);
  const now = resolveClock([values['as-of'], process.env.CC7_NOW])();
  const result = runCheck({ paths: positionals, cwd: process.cwd(), now });
  process.stdout.write(format(result));
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = result.findings.filter((finding) => finding.severity === 'warning').length;
  return errors > 0 || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0;
}

function run(): void {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    const known = error instanceof CliError || error instanceof ClockError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`cc7: ${known ? message : `internal error: ${message}`}\n`);
    process.exitCode = 2;
  }
}

run();
