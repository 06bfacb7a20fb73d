/** A mistake in how the command was called: exit code 2 with the message, never a stack trace. */
export class UsageError extends Error {}
