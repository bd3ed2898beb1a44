import { randomUUID } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { DateTime } from 'luxon';
import type { Platform, Target } from '../core/actor.ts';
import type { Card } from '../core/card.ts';
import { fromInstant, toInstant, type Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import { DeliveryError, type Notifier } from '../core/notifier.ts';
import type { Delivery, DeliveryHandler, OutboxRow, OutboxStore, Planner, PostedMessage } from './ports.ts';

export interface SchedulerOptions {
  readonly store: OutboxStore;
  readonly notifiers: ReadonlyMap<Platform, Notifier>;
  readonly handlers: ReadonlyMap<string, DeliveryHandler>;
  readonly planners?: readonly Planner[];
  readonly clock: Clock;
  readonly log: Logger;
  /** Adds the "sent late" note to a card; the text comes from the catalog. */
  readonly markLate: (card: Card, dueAt: DateTime) => Card;
  readonly workerId?: string;
  readonly batchSize?: number;
  readonly leaseMs?: number;
  /** Rows delivered more than this after their due time are marked late. */
  readonly lateAfterMs?: number;
  readonly maxAttempts?: number;
  /** How often planners run, at most. */
  readonly planEveryMs?: number;
}

export interface TickReport {
  sent: number;
  dropped: number;
  retried: number;
  failed: number;
  late: number;
}

/** Backoff after the n-th failed attempt: 30 s, 2 min, 10 min, 30 min, 1 h, 2 h … */
const backoffMs = [30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000];

/**
 * Delivers the durable outbox. node-cron only wakes it (every minute, and once at start); all
 * state is in the database, so a restart loses nothing and catches up on what fell due while
 * it was down. Rows are claimed with a lease, so replicas never send the same row, and a
 * process killed mid-delivery leaves its rows to be claimed again when the lease ends.
 */
export class Scheduler {
  readonly workerId: string;
  private task: ScheduledTask | undefined;
  private running: Promise<TickReport> | undefined;
  private lastPlanned: DateTime | undefined;

  constructor(private readonly options: SchedulerOptions) {
    this.workerId = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  }

  /** Runs a tick now and then every minute. */
  async start(): Promise<void> {
    this.task = cron.schedule('* * * * *', () => void this.tick().catch((err: unknown) => this.options.log.error({ err }, 'tick failed')), {
      name: 'samverkan-outbox',
      noOverlap: true,
    });
    await this.tick();
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    this.task = undefined;
    await this.running;
  }

  /** One pass: run planners when due, then deliver every due row. Ticks never overlap. */
  tick(): Promise<TickReport> {
    this.running ??= this.runTick().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runTick(): Promise<TickReport> {
    const report: TickReport = { sent: 0, dropped: 0, retried: 0, failed: 0, late: 0 };
    await this.runPlanners();
    const batchSize = this.options.batchSize ?? 50;
    // Bounded, so a huge backlog cannot hold one tick forever; the next tick continues.
    for (let round = 0; round < 100; round++) {
      const now = this.options.clock.now();
      const leaseUntil = now.plus({ milliseconds: this.options.leaseMs ?? 300_000 });
      const rows = await this.options.store.claimDue(toInstant(now), toInstant(leaseUntil), batchSize, this.workerId);
      if (rows.length === 0) break;
      for (const row of rows) await this.deliver(row, report);
      if (rows.length < batchSize) break;
    }
    return report;
  }

  private async runPlanners(): Promise<void> {
    const now = this.options.clock.now();
    const every = this.options.planEveryMs ?? 3_600_000;
    if (this.lastPlanned && now.diff(this.lastPlanned).toMillis() < every && now >= this.lastPlanned) return;
    this.lastPlanned = now;
    for (const planner of this.options.planners ?? []) {
      try {
        await planner.plan(now);
      } catch (err) {
        this.options.log.error({ err, planner: planner.name }, 'planner failed');
      }
    }
  }

  private async deliver(row: OutboxRow, report: TickReport): Promise<void> {
    const { store, log } = this.options;
    const now = this.options.clock.now();
    const handler = this.options.handlers.get(row.kind);
    if (!handler) {
      await store.markFailed(row.id, `no delivery handler for kind ${row.kind}`);
      report.failed++;
      log.error({ id: row.id, kind: row.kind }, 'no delivery handler');
      return;
    }
    let delivery: Delivery;
    try {
      // After downtime several reminders of one thing may be due at once: send only the newest.
      delivery =
        row.payload.collapse === true && (await store.supersededBy(row, toInstant(now)))
          ? { action: 'drop', reason: 'superseded by a newer reminder' }
          : await handler(row, now);
    } catch (err) {
      await this.retry(row, now, err, report);
      return;
    }
    if (delivery.action === 'drop') {
      await store.markDropped(row.id, delivery.reason);
      report.dropped++;
      log.info({ id: row.id, kind: row.kind, reason: delivery.reason }, 'outbox row dropped');
      return;
    }
    const dueAt = fromInstant(row.dueAt);
    const late = now.diff(dueAt).toMillis() > (this.options.lateAfterMs ?? 600_000);
    // A home view is a current picture, not a message that arrived late.
    const card = late && delivery.action !== 'home' ? this.options.markLate(delivery.card, dueAt) : delivery.card;
    try {
      const posted = await this.send(delivery, card, row.kind);
      await store.markSent(row.id, toInstant(this.options.clock.now()), late, posted, row.subject);
      report.sent++;
      if (late) report.late++;
    } catch (err) {
      await this.retry(row, now, err, report);
    }
  }

  private async send(delivery: Exclude<Delivery, { action: 'drop' }>, card: Card, kind: string): Promise<PostedMessage[]> {
    if (delivery.action === 'send') {
      const ref = await this.notifierFor(delivery.target).post(delivery.target, card);
      return [{ ...ref, kind }];
    }
    if (delivery.action === 'home') {
      await this.options.notifiers.get(delivery.target.platform)?.publishHome?.(delivery.target.userId, card);
      return [];
    }
    for (const message of delivery.messages) {
      const notifier = this.options.notifiers.get(message.platform);
      const ref = { platform: message.platform, conversationId: message.conversationId, messageId: message.messageId };
      if (notifier) await notifier.update(ref, card);
    }
    return [];
  }

  private notifierFor(target: Target): Notifier {
    const notifier = this.options.notifiers.get(target.platform);
    if (!notifier) throw new DeliveryError(`${target.platform} is not enabled in this deployment`, { permanent: true });
    return notifier;
  }

  private async retry(row: OutboxRow, now: DateTime, err: unknown, report: TickReport): Promise<void> {
    const { store, log } = this.options;
    const message = err instanceof Error ? err.message : String(err);
    const permanent = err instanceof DeliveryError && err.options.permanent === true;
    if (permanent || row.attempts >= (this.options.maxAttempts ?? 8)) {
      await store.markFailed(row.id, message);
      report.failed++;
      log.error({ id: row.id, kind: row.kind, err: message, attempts: row.attempts }, 'outbox delivery failed for good');
      return;
    }
    const retryAfter = err instanceof DeliveryError ? err.options.retryAfterMs : undefined;
    const wait = retryAfter ?? backoffMs[Math.min(row.attempts - 1, backoffMs.length - 1)] ?? 30_000;
    await store.retryLater(row.id, toInstant(now.plus({ milliseconds: wait })), message);
    report.retried++;
    log.warn({ id: row.id, kind: row.kind, err: message, retryInMs: wait }, 'outbox delivery will be retried');
  }
}
