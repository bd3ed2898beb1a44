import type { Target } from './actor.ts';

/**
 * A message the bot will send later (or at once, after the transaction that caused it commits).
 * Workflows write these inside the same unit of work as the state change; the scheduler
 * delivers them. `kind` names the delivery handler that turns the row into a card at send time,
 * from current state, so a reminder for a deadline that was done meanwhile is dropped.
 */
export interface OutboxMessage {
  readonly kind: string;
  readonly subject?: { readonly type: string; readonly id: number };
  readonly target?: Target;
  readonly payload?: Readonly<Record<string, unknown>>;
  /** ISO-8601 UTC instant (see `toInstant`). */
  readonly dueAt: string;
  /** A second message with the same key is ignored: planners can run any number of times. */
  readonly dedupeKey?: string;
}

export interface OutboxWriter {
  enqueue(messages: readonly OutboxMessage[]): Promise<void>;
  /** Cancels pending messages about a subject (optionally of some kinds); returns how many. */
  cancelPending(subject: { type: string; id: number }, kinds?: readonly string[]): Promise<number>;
  /**
   * Replaces a subject's pending messages of the given kinds by a new plan (a corrected date):
   * the old ones are cancelled and give up their dedupe keys, so the new plan can use them.
   * Messages already sent keep theirs: what went out is not sent again.
   */
  replan(subject: { type: string; id: number }, kinds: readonly string[], messages: readonly OutboxMessage[]): Promise<void>;
  /** The earliest pending message about a subject of the given kinds, for snoozing. */
  nextPending(subject: { type: string; id: number }, kinds: readonly string[]): Promise<PendingMessage | undefined>;
  /** Moves every pending message about a subject of the given kinds due at `dueAt` to `newDueAt`. */
  reschedule(subject: { type: string; id: number }, kinds: readonly string[], dueAt: string, newDueAt: string): Promise<number>;
}

export interface PendingMessage {
  readonly id: number;
  readonly kind: string;
  readonly dueAt: string;
}
