// Bad usage or bad input: exit 2 with a message that names the problem and the fix.
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
