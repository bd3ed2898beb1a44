import type { DateTime } from 'luxon';
import type { Platform, Target } from '../core/actor.ts';
import type { Card } from '../core/card.ts';
import { fromInstant, toInstant, type Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import { DeliveryError, type Notifier } from '../core/notifier.ts';
import type { LaneStep, Semaphore } from './lanes.ts';
import type { Delivery, DeliveryHandler, OutboxRow, OutboxStore, PostedMessage } from './ports.ts';

export interface TickReport {
  sent: number;
  dropped: number;
  retried: number;
  failed: number;
  late: number;
  /** Rows whose lease another replica had taken over by the time this one came to them. */
  skipped: number;
}

export const emptyReport = (): TickReport => ({ sent: 0, dropped: 0, retried: 0, failed: 0, late: 0, skipped: 0 });

export interface RowDeliveryOptions {
  readonly store: OutboxStore;
  readonly notifiers: ReadonlyMap<Platform, Notifier>;
  readonly handlers: ReadonlyMap<string, DeliveryHandler>;
  readonly clock: Clock;
  readonly log: Logger;
  readonly markLate: (card: Card, dueAt: DateTime) => Card;
  readonly workerId: string;
  readonly leaseMs: number;
  readonly lateAfterMs: number;
  readonly maxAttempts: number;
  /** How long a message to a conversation the bot cannot reach yet keeps waiting. */
  readonly unreachableHorizonMs: number;
  /** Told when a conversation turns out unreachable or reachable again (start-up lines, /readyz). */
  readonly reachability?: (row: OutboxRow, reachable: boolean, reason?: string) => void;
  /** The conversation's rate: wait until it may post (`ready`), note that it does (`mark`). */
  readonly pace: { ready(row: OutboxRow): Promise<void>; mark(row: OutboxRow): void };
  /** Bounds how many platform calls are in flight at once. */
  readonly inFlight: Semaphore;
}

/** Backoff after the n-th failed attempt: 30 s, 2 min, 10 min, 30 min, 1 h, 2 h … */
const backoffMs = [30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000];

/** Delivers one claimed row: hold its lease, build the card, send, record. */
export async function deliverRow(o: RowDeliveryOptions, row: OutboxRow, report: TickReport): Promise<LaneStep> {
  const { store, log } = o;
  // The row's own lease starts now and outlives the platform call (its client times out well
  // within it), however long the rows before it in the batch took.
  if (!(await store.hold(row.id, o.workerId, toInstant(o.clock.now().plus({ milliseconds: o.leaseMs }))))) {
    report.skipped++;
    return undefined;
  }
  const now = o.clock.now();
  const handler = o.handlers.get(row.kind);
  if (!handler) {
    await store.markFailed(row.id, `no delivery handler for kind ${row.kind}`);
    report.failed++;
    log.error({ id: row.id, kind: row.kind }, 'no delivery handler');
    return undefined;
  }
  let delivery: Delivery;
  try {
    // After downtime several reminders of one thing may be due at once: send only the newest.
    delivery =
      row.payload.collapse === true && (await store.supersededBy(row, toInstant(now)))
        ? { action: 'drop', reason: 'superseded by a newer reminder' }
        : await handler(row, now);
  } catch (err) {
    return retry(o, row, now, err, report);
  }
  if (delivery.action === 'drop') {
    await store.markDropped(row.id, delivery.reason);
    report.dropped++;
    log.info({ id: row.id, kind: row.kind, reason: delivery.reason }, 'outbox row dropped');
    return undefined;
  }
  const dueAt = fromInstant(row.dueAt);
  const late = now.diff(dueAt).toMillis() > o.lateAfterMs;
  // A home view is a current picture, not a message that arrived late.
  const card = late && delivery.action !== 'home' ? o.markLate(delivery.card, dueAt) : delivery.card;
  try {
    const paced = delivery.action === 'send';
    if (paced) await o.pace.ready(row);
    const posted = await o.inFlight.run(async () => {
      // Waiting for a call slot may have taken a while, but never brings the next slot closer.
      if (paced) await o.pace.ready(row);
      // Held again right before the call: the wait for a slot may have outlasted the lease.
      if (!(await o.store.hold(row.id, o.workerId, toInstant(o.clock.now().plus({ milliseconds: o.leaseMs }))))) return undefined;
      if (paced) o.pace.mark(row);
      return send(o, delivery, card, row.kind);
    });
    if (!posted) {
      report.skipped++;
      return undefined;
    }
    // The duplicate window: the platform has the message, this write has not happened yet. A
    // process killed exactly here sends the row again once its lease ends (docs/outbox.md).
    await store.markSent(row.id, toInstant(o.clock.now()), late, posted, row.subject);
    if (row.attempts > 1) o.reachability?.(row, true);
    report.sent++;
    if (late) report.late++;
    return undefined;
  } catch (err) {
    return retry(o, row, now, err, report);
  }
}

async function send(o: RowDeliveryOptions, delivery: Exclude<Delivery, { action: 'drop' }>, card: Card, kind: string): Promise<PostedMessage[]> {
  if (delivery.action === 'send') {
    const ref = await notifierFor(o, delivery.target).post(delivery.target, card);
    return [{ ...ref, kind }];
  }
  if (delivery.action === 'home') {
    await o.notifiers.get(delivery.target.platform)?.publishHome?.(delivery.target.userId, card);
    return [];
  }
  for (const message of delivery.messages) {
    const notifier = o.notifiers.get(message.platform);
    const ref = { platform: message.platform, conversationId: message.conversationId, messageId: message.messageId };
    if (notifier) await notifier.update(ref, card);
  }
  return [];
}

function notifierFor(o: RowDeliveryOptions, target: Target): Notifier {
  const notifier = o.notifiers.get(target.platform);
  if (!notifier) throw new DeliveryError(`${target.platform} is not enabled in this deployment`, { permanent: true });
  return notifier;
}

async function retry(o: RowDeliveryOptions, row: OutboxRow, now: DateTime, err: unknown, report: TickReport): Promise<LaneStep> {
  const { store, log } = o;
  const message = err instanceof Error ? err.message : String(err);
  const permanent = err instanceof DeliveryError && err.options.permanent === true;
  const unreachable = err instanceof DeliveryError && err.options.unreachable === true;
  if (unreachable) o.reachability?.(row, false, message);
  const waitedMs = now.diff(fromInstant(row.dueAt)).toMillis();
  if (unreachable && waitedMs < o.unreachableHorizonMs) {
    // Not the message's fault: the bot is not in the channel yet. It waits (30 s doubling up to
    // an hour, so it goes out soon after someone adds the bot) and does not use up attempts.
    const wait = Math.min(3_600_000, 30_000 * 2 ** Math.min(Math.max(row.attempts - 1, 0), 7));
    await store.retryLater(row.id, toInstant(now.plus({ milliseconds: wait })), message);
    report.retried++;
    log.warn({ id: row.id, kind: row.kind, err: message, retryInMs: wait }, 'conversation not reachable yet; the message waits');
    return undefined;
  }
  if (permanent || unreachable || row.attempts >= o.maxAttempts) {
    await store.markFailed(row.id, message);
    report.failed++;
    log.error({ id: row.id, kind: row.kind, err: message, attempts: row.attempts }, 'outbox delivery failed for good');
    return undefined;
  }
  const retryAfter = err instanceof DeliveryError ? err.options.retryAfterMs : undefined;
  const wait = retryAfter ?? backoffMs[Math.min(row.attempts - 1, backoffMs.length - 1)] ?? 30_000;
  await store.retryLater(row.id, toInstant(now.plus({ milliseconds: wait })), message);
  report.retried++;
  log.warn({ id: row.id, kind: row.kind, err: message, retryInMs: wait }, 'outbox delivery will be retried');
  // A rate limit is the conversation's: its later rows wait with it, the others go on.
  return retryAfter !== undefined ? { pauseMs: retryAfter } : undefined;
}
