/** A usage or I/O error: printed as one line, exit code 2. */
export class CliError extends Error {}
