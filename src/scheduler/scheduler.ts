import { randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { Platform } from '../core/actor.ts';
import type { Card } from '../core/card.ts';
import { toInstant, type Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { Notifier } from '../core/notifier.ts';
import { deliverRow, emptyReport, type RowDeliveryOptions, type TickReport } from './deliver.ts';
import { laneOf, runLanes, Semaphore } from './lanes.ts';
import { Pacer } from './pacer.ts';
import type { DeliveryHandler, OutboxRow, OutboxStore, Planner } from './ports.ts';
import { Reachability } from './reachability.ts';

export type { TickReport } from './deliver.ts';

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
  /**
   * How long a claimed row is this worker's (default 60 s). Each row's lease is renewed just
   * before it is worked on, so it must outlive one platform call (Slack's client times out
   * after 10 s); after a crash, the dead worker's rows are claimed again once it ends.
   */
  readonly leaseMs?: number;
  /** How often the outbox is checked without being woken (default 30 s): the safety net. */
  readonly tickMs?: number;
  /** How many platform calls are in flight at once (default 16); each conversation in order. */
  readonly concurrency?: number;
  /** The least time between two posts to one conversation, per platform (default none). */
  readonly conversationIntervalMs?: Partial<Record<Platform, number>>;
  /** Rows delivered more than this after their due time are marked late. */
  readonly lateAfterMs?: number;
  readonly maxAttempts?: number;
  /** How long a message to a conversation the bot cannot reach yet waits (default 14 days). */
  readonly unreachableHorizonMs?: number;
  /** How often planners run, at most. */
  readonly planEveryMs?: number;
}

export const defaultLeaseMs = 60_000;
export const defaultTickMs = 30_000;

/**
 * Delivers the durable outbox. A timer only wakes it (every `tickMs`, at start, and when a
 * commit or another replica's NOTIFY says there is something new); all state is in the
 * database, so a restart loses nothing and catches up on what fell due while it was down. Rows
 * are claimed with a lease and each is held again just before it is sent, so replicas never
 * send the same row while its holder lives, and a process killed mid-delivery leaves its rows
 * to be claimed again when their lease ends.
 */
export class Scheduler {
  readonly workerId: string;
  /** Conversations the bot could not reach the last time it tried, for start-up lines and /readyz. */
  readonly reachability = new Reachability();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<TickReport> | undefined;
  private again = false;
  private lastPlanned: DateTime | undefined;
  private readonly pacer: Pacer;
  private readonly delivery: RowDeliveryOptions;

  constructor(private readonly options: SchedulerOptions) {
    this.workerId = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
    const intervals = options.conversationIntervalMs ?? {};
    this.pacer = new Pacer((lane) => intervals[lane.slice(0, lane.indexOf(':')) as Platform] ?? 0);
    this.delivery = {
      store: options.store,
      notifiers: options.notifiers,
      handlers: options.handlers,
      clock: options.clock,
      log: options.log,
      markLate: options.markLate,
      workerId: this.workerId,
      leaseMs: options.leaseMs ?? defaultLeaseMs,
      lateAfterMs: options.lateAfterMs ?? 600_000,
      maxAttempts: options.maxAttempts ?? 8,
      unreachableHorizonMs: options.unreachableHorizonMs ?? 14 * 24 * 3_600_000,
      pace: { ready: (row) => this.pacer.ready(laneOf(row)), mark: (row) => this.pacer.mark(laneOf(row)) },
      inFlight: new Semaphore(options.concurrency ?? 16),
      reachability: (row, reachable, reason) => this.reachability.record(row, reachable, reason),
    };
  }

  /** Runs a tick now and then every `tickMs`; `wake()` runs one sooner. */
  async start(): Promise<void> {
    this.timer = setInterval(() => this.wake(), this.options.tickMs ?? defaultTickMs);
    this.timer.unref();
    await this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.again = false;
    await this.running;
  }

  get started(): boolean {
    return this.timer !== undefined;
  }

  /**
   * Something new may be due (a commit wrote outbox rows, another replica notified): tick now,
   * or right after the running tick, so a row written during a tick is not left to the next.
   * Does nothing before `start()`, so tests that tick by hand keep control.
   */
  wake(): void {
    if (!this.started) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.tick().catch((err: unknown) => this.options.log.error({ err }, 'tick failed'));
  }

  /** One pass: run planners when due, then deliver every due row. Ticks never overlap. */
  tick(): Promise<TickReport> {
    this.running ??= this.runTick().finally(() => {
      this.running = undefined;
      if (this.again && this.started) {
        this.again = false;
        this.wake();
      }
    });
    return this.running;
  }

  private async runTick(): Promise<TickReport> {
    const report = emptyReport();
    await this.runPlanners();
    const batchSize = this.options.batchSize ?? 50;
    const leaseMs = this.options.leaseMs ?? defaultLeaseMs;
    // Bounded, so a huge backlog cannot hold one tick forever; the next tick continues.
    for (let round = 0; round < 100; round++) {
      const now = this.options.clock.now();
      const rows = await this.options.store.claimDue(toInstant(now), toInstant(now.plus({ milliseconds: leaseMs })), batchSize, this.workerId);
      if (rows.length === 0) break;
      await runLanes(
        rows,
        (row) => deliverRow(this.delivery, row, report),
        (rest, pauseMs) => this.defer(rest, pauseMs, report),
      );
      if (rows.length < batchSize) break;
    }
    return report;
  }

  /**
   * The rest of a rate-limited conversation's rows (perhaps none) wait for its Retry-After, in
   * order. The refused row's own retry is already written for the same moment.
   */
  private async defer(rows: readonly OutboxRow[], pauseMs: number, report: TickReport): Promise<void> {
    const first = rows[0];
    if (first) this.pacer.pauseUntil(laneOf(first), pauseMs);
    const at = toInstant(this.options.clock.now().plus({ milliseconds: pauseMs }));
    for (const row of rows) {
      await this.options.store.retryLater(row.id, at, 'waiting for the conversation’s rate limit');
      report.retried++;
    }
    // Come back when the pause ends rather than at the next tick (also for a refused row that
    // was its conversation's last); set after the writes, so every row is due by then.
    if (this.started) setTimeout(() => this.wake(), pauseMs).unref();
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
}
