import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './errors';

/** parseArgs, with an unknown option named in one line beside the command's usage. */
export function parseOptions<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    // node's own wording is long and points at `--` tricks; name the option and the usage instead.
    const unknown = (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && /'([^']+)'/.exec((error as Error).message)?.[1];
    if (unknown) throw new CliError(`unknown option "${unknown}"; usage: ${usage}`);
    throw error;
  }
}
