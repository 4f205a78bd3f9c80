/** A usage or I/O error of export or verify, worded as one line for the user (the CLI exits 2). */
export class BundleError extends Error {}

/** The message of an error from node or a child process, on one line. */
export function describeError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ').trim();
}
