/** `cc7 export`: a thin caller of exportBundle (the VS Code command calls the same function). */
import { exportBundle } from '../node/bundle/export';
import { exportReport } from '../node/bundle/report';
import { CliError } from './errors';
import { parseOptions } from './options';

export const EXPORT_USAGE = 'cc7 export [--workspace DIR] --out FILE.zip [--period START..END] [--as-of TIME] [--redact] [--force] [--sign KEY]';

export async function runExport(args: string[]): Promise<number> {
  const { values } = parseOptions({
    args,
    allowPositionals: false,
    strict: true,
    options: {
      workspace: { type: 'string', default: '.' },
      out: { type: 'string' },
      period: { type: 'string' },
      'as-of': { type: 'string' },
      redact: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      sign: { type: 'string' },
    },
  }, EXPORT_USAGE);
  if (values.out === undefined) throw new CliError(`missing --out FILE.zip; usage: ${EXPORT_USAGE}`);
  const result = await exportBundle({
    workspace: values.workspace,
    out: values.out,
    period: values.period,
    asOf: values['as-of'],
    redact: values.redact,
    force: values.force,
    sign: values.sign,
  });
  if (result.status === 'cancelled') throw new CliError('export cancelled');
  if (result.status === 'blocked-by-secrets') {
    const where = result.secrets.map((secret) => `${secret.file}:${secret.line} (${secret.kind} ${secret.masked})`).join(', ');
    throw new CliError(`export refused: ${result.secrets.length} value${result.secrets.length === 1 ? '' : 's'} that look like credentials (secret-in-record) at ${where}; remove and rotate them, or pass --redact to mask them in the bundle`);
  }
  process.stdout.write(`${exportReport(values.out, result).join('\n')}\n`);
  return 0;
}
