import type { MessageKey } from '../i18n/index.ts';

/**
 * Expected failures are values: a code that names a catalog message, and its parameters.
 * Adapters render them in the user's language. Exceptions are for bugs and outages.
 */
export interface BotError {
  readonly code: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BotError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: MessageKey, params?: Record<string, string | number>): { ok: false; error: BotError } => ({
  ok: false,
  error: params ? { code, params } : { code },
});

/** Thrown inside a unit of work to roll it back and surface an expected failure. */
export class BotFailure extends Error {
  constructor(readonly error: BotError) {
    super(error.code);
    this.name = 'BotFailure';
  }
}

export function isBotFailure(err: unknown): err is BotFailure {
  return err instanceof BotFailure;
}
