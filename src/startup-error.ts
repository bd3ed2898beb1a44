/**
 * A start-up failure the operator can fix (a busy port, a database that cannot be reached):
 * main prints its message as one line and exits with code 2, instead of a stack trace.
 */
export class StartupError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** The most telling words of an error: its code and message, without a stack. */
export function reasonOf(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return reasonOf(err.errors[0]);
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  const message = err.message.split('\n')[0] ?? '';
  return typeof code === 'string' && code && !message.includes(code) ? `${code}: ${message}` : message;
}
