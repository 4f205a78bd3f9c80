/** `cc7 verify`: a thin caller of verifyBundle. Exit 0 verified, 1 verification failed. */
import { verifyReport } from '../node/bundle/report';
import { verifyBundle } from '../node/bundle/verify';
import { CliError } from './errors';
import { parseOptions } from './options';

export const VERIFY_USAGE = 'cc7 verify FILE.zip [--allowed-signers FILE]';

export async function runVerify(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    strict: true,
    options: { 'allowed-signers': { type: 'string' } },
  }, VERIFY_USAGE);
  if (positionals.length !== 1) throw new CliError(`verify takes one bundle file; usage: ${VERIFY_USAGE}`);
  const result = await verifyBundle({ file: positionals[0]!, allowedSigners: values['allowed-signers'] });
  if (result.status === 'cancelled') throw new CliError('verify cancelled');
  process.stdout.write(`${verifyReport(positionals[0]!, result).join('\n')}\n`);
  return result.ok ? 0 : 1;
}
