/** Entry of the `cc7` command line. Exit codes: 0 clean, 1 findings, 2 usage or I/O error. */
import { ClockError } from '../core/model/clock';
import { BundleError } from '../node/bundle/errors';
import { userCacheDir } from '../node/analysis-cache';
import { resolveNow } from '../node/now';
import { runCheck } from './check';
import { CliError } from './errors';
import { EXPORT_USAGE, runExport } from './export';
import { FORMATTERS } from './formatters';
import { parseOptions } from './options';
import { runVerify, VERIFY_USAGE } from './verify';

const CHECK_USAGE = 'cc7 check [PATH...] [--format stylish|json|sarif] [--as-of TIME] [--max-warnings N] [--no-cache]';
const USAGES = [CHECK_USAGE, EXPORT_USAGE, VERIFY_USAGE];
const USAGE = `usage: ${USAGES.join(' | ')}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') return help();
  if (command === undefined) throw new CliError(`missing command; ${USAGE}`);
  if (command === 'check') return check(rest);
  if (command === 'export') return runExport(rest);
  if (command === 'verify') return runVerify(rest);
  throw new CliError(`unknown command "${command}"; ${USAGE}`);
}

function help(): number {
  process.stdout.write(`usage:\n${USAGES.map((usage) => `  ${usage}\n`).join('')}`);
  return 0;
}

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseCheckArgs(args);
  if (values.help) return help();
  const format = FORMATTERS[values.format];
  if (!format) throw new CliError(`unknown format "${values.format}": use stylish, json or sarif`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new CliError(`--max-warnings takes a whole number, not "${values['max-warnings']}"`);
  }
  const resolved = resolveNow({ name: '--as-of', value: values['as-of'] });
  if (resolved.problem) throw new CliError(resolved.problem);
  const now = resolved.clock();
  const result = await runCheck({ paths: positionals, cwd: process.cwd(), now, cacheDir: values['no-cache'] ? undefined : userCacheDir() });
  process.stdout.write(format(result));
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = result.findings.filter((finding) => finding.severity === 'warning').length;
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  // Without this line a CI log would show "0 errors" next to a failed step.
  if (tooManyWarnings) process.stderr.write(`cc7: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings} allows\n`);
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

function parseCheckArgs(args: string[]) {
  return parseOptions({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', default: 'stylish' },
      'as-of': { type: 'string' },
      'max-warnings': { type: 'string' },
      'no-cache': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }, CHECK_USAGE);
}

async function run(): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    const known = error instanceof CliError || error instanceof ClockError || error instanceof BundleError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    // One line, always (SPEC 7): some of node's parseArgs messages span several.
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
    process.stderr.write(`cc7: ${known ? message : `internal error: ${message}`}\n`);
    process.exitCode = 2;
  }
}

void run();
