import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { OutboxStats } from '../../db/repositories/outbox-stats.ts';
import type { CommandOutcome } from '../core/bot.ts';

export const OUTBOX_STATUSES = ['pending', 'sent', 'dropped', 'cancelled', 'failed'] as const;

export interface MetricsDeps {
  /** Read at each scrape, so the numbers are the database's, shared by every replica. */
  readonly outboxStats: () => Promise<OutboxStats>;
  readonly now: () => Date;
}

export type DeliveryOutcome = 'sent' | 'failed' | 'permanent';

export interface Metrics {
  readonly registry: Registry;
  delivery(platform: string, outcome: DeliveryOutcome): void;
  command(name: string, outcome: CommandOutcome): void;
  /** Starts a request timer; call the result with the route and status when it ends. */
  requestTimer(method: string): (route: string, status: number) => void;
}

/**
 * The bot's Prometheus metrics. A registry of its own (not prom-client's global one), so two
 * apps in one process (tests, benchmarks) never register a metric twice.
 */
export function createMetrics(deps: MetricsDeps): Metrics {
  const registry = new Registry();
  // Includes nodejs_eventloop_lag_seconds and its percentiles (monitorEventLoopDelay).
  collectDefaultMetrics({ register: registry });
  // The registry collects all metrics at once; both outbox gauges share one read per scrape.
  let reading: Promise<OutboxStats> | undefined;
  const outboxStats = (): Promise<OutboxStats> => (reading ??= deps.outboxStats().finally(() => (reading = undefined)));

  new Gauge({
    name: 'samverkan_outbox_rows',
    help: 'Outbox rows by status.',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const stats = await outboxStats();
      this.reset();
      for (const status of new Set([...OUTBOX_STATUSES, ...Object.keys(stats.byStatus)])) this.set({ status }, stats.byStatus[status] ?? 0);
    },
  });
  new Gauge({
    name: 'samverkan_outbox_oldest_due_age_seconds',
    help: 'How long the oldest pending, due outbox row has waited; 0 when none is due.',
    registers: [registry],
    async collect() {
      const { oldestDueAt } = await outboxStats();
      this.set(oldestDueAt ? Math.max(0, (deps.now().getTime() - Date.parse(oldestDueAt)) / 1000) : 0);
    },
  });
  const deliveries = new Counter({
    name: 'samverkan_deliveries_total',
    help: 'Messages the scheduler posted or updated, by platform and outcome.',
    labelNames: ['platform', 'outcome'],
    registers: [registry],
  });
  const commands = new Counter({
    name: 'samverkan_commands_total',
    help: 'Text commands by command name and outcome.',
    labelNames: ['command', 'outcome'],
    registers: [registry],
  });
  const requests = new Histogram({
    name: 'samverkan_http_request_duration_seconds',
    help: 'HTTP request latency by route, method and status.',
    labelNames: ['route', 'method', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  return {
    registry,
    delivery: (platform, outcome) => deliveries.inc({ platform, outcome }),
    command: (name, outcome) => commands.inc({ command: name, outcome }),
    requestTimer: (method) => {
      const end = requests.startTimer({ method });
      return (route, status) => end({ route, status: String(status) });
    },
  };
}
