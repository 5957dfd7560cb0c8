/** Bad usage or bad input: the CLI prints the message (which says how to fix it) and exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
