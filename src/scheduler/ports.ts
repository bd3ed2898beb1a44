import type { OutboxRow, PostedMessage } from '../core/delivery.ts';

export type { Delivery, DeliveryHandler, OutboxRow, Planner, PostedMessage } from '../core/delivery.ts';

/** What the scheduler needs of the outbox table; db/ implements it. */
export interface OutboxStore {
  /** Claims up to `limit` due rows for this worker until `leaseUntil`, atomically. */
  claimDue(now: string, leaseUntil: string, limit: number, worker: string): Promise<OutboxRow[]>;
  /**
   * Renews one claimed row's lease just before it is worked on; false when the row is no longer
   * this worker's (its batch lease ended and another replica claimed it) or no longer pending.
   */
  hold(id: number, worker: string, leaseUntil: string): Promise<boolean>;
  markSent(id: number, sentAt: string, late: boolean, posted: readonly PostedMessage[], subject?: OutboxRow['subject']): Promise<void>;
  markDropped(id: number, reason: string): Promise<void>;
  retryLater(id: number, nextAttemptAt: string, error: string): Promise<void>;
  markFailed(id: number, error: string): Promise<void>;
  postedFor(subject: { type: string; id: number }, kinds?: readonly string[]): Promise<PostedMessage[]>;
  /** True when a later row of the same kind, subject and target is also due by `now`. */
  supersededBy(row: OutboxRow, now: string): Promise<boolean>;
}
