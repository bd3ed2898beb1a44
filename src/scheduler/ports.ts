import type { DateTime } from 'luxon';
import type { Target } from '../core/actor.ts';
import type { Card } from '../core/card.ts';
import type { MessageRef } from '../core/notifier.ts';

export interface OutboxRow {
  readonly id: number;
  readonly kind: string;
  readonly subject?: { readonly type: string; readonly id: number };
  readonly target?: Target;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly dueAt: string;
  readonly attempts: number;
}

export interface PostedMessage extends MessageRef {
  readonly kind: string;
}

/** What the scheduler needs of the outbox table; db/ implements it. */
export interface OutboxStore {
  /** Claims up to `limit` due rows for this worker until `leaseUntil`, atomically. */
  claimDue(now: string, leaseUntil: string, limit: number, worker: string): Promise<OutboxRow[]>;
  markSent(id: number, sentAt: string, late: boolean, posted: readonly PostedMessage[], subject?: OutboxRow['subject']): Promise<void>;
  markDropped(id: number, reason: string): Promise<void>;
  retryLater(id: number, nextAttemptAt: string, error: string): Promise<void>;
  markFailed(id: number, error: string): Promise<void>;
  postedFor(subject: { type: string; id: number }, kinds?: readonly string[]): Promise<PostedMessage[]>;
  /** True when a later row of the same kind, subject and target is also due by `now`. */
  supersededBy(row: OutboxRow, now: string): Promise<boolean>;
}

/**
 * What a delivery handler decides at send time, from current state: send a card, update cards
 * already posted, or drop the row (its deadline was done, its engagement ended …).
 */
export type Delivery =
  | { readonly action: 'send'; readonly target: Target; readonly card: Card }
  | { readonly action: 'update'; readonly messages: readonly MessageRef[]; readonly card: Card }
  | { readonly action: 'drop'; readonly reason: string };

export type DeliveryHandler = (row: OutboxRow, now: DateTime) => Promise<Delivery>;

/** Writes rows that time itself makes due (yearly windows, annual reminders); idempotent. */
export interface Planner {
  readonly name: string;
  plan(now: DateTime): Promise<void>;
}
