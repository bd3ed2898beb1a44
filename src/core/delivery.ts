import type { DateTime } from 'luxon';
import type { Target } from './actor.ts';
import type { Card } from './card.ts';
import type { MessageRef } from './notifier.ts';

/** An outbox row as a delivery handler sees it. */
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

/**
 * What a delivery handler decides at send time, from current state: send a card, update cards
 * already posted, or drop the row (its deadline was done, its engagement ended …).
 */
export type Delivery =
  | { readonly action: 'send'; readonly target: Target; readonly card: Card }
  | { readonly action: 'update'; readonly messages: readonly MessageRef[]; readonly card: Card }
  /** Replace a person's home view (Slack App Home) with the card; dropped where there is none. */
  | { readonly action: 'home'; readonly target: Extract<Target, { kind: 'user' }>; readonly card: Card }
  | { readonly action: 'drop'; readonly reason: string };

export type DeliveryHandler = (row: OutboxRow, now: DateTime) => Promise<Delivery>;

/** Writes rows that time itself makes due (yearly windows, annual reminders); idempotent. */
export interface Planner {
  readonly name: string;
  plan(now: DateTime): Promise<void>;
}

/** Cards already posted about a subject, so they can be updated in place for everyone. */
export interface PostedMessages {
  postedFor(subject: { type: string; id: number }, kinds?: readonly string[]): Promise<PostedMessage[]>;
}

/** What a workflow hands the scheduler when it registers. */
export interface WorkflowModule {
  readonly deliveries: ReadonlyMap<string, DeliveryHandler>;
  readonly planners: readonly Planner[];
}
