// Bad usage or bad input: exit 2 with a message that names the problem and the fix.
export class UsageError extends Error {
  /** Each command is its own bundle with its own copy of this class: the entry point recognises the brand. */
  readonly usage = true;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export function isUsageError(e: unknown): e is UsageError {
  return e instanceof Error && (e as Partial<UsageError>).usage === true;
}
