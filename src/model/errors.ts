/**
 * The two exceptions that may cross rooms. Everything else that goes wrong with one record or file is a
 * `Problem`. The CLI maps `UsageError` to exit 2 and `ToolError` to exit 1.
 */

/** The run cannot complete (no inputs, nothing recognised, unwritable output). Exit code 1. */
export class ToolError extends Error {
  override readonly name = 'ToolError';
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The command line or case file is wrong. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
    /** One line per bad field, e.g. `timezone: "Mars/Base" is not an IANA time zone`. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}
