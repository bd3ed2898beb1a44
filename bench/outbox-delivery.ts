/**
 * Outbox delivery under Slack's per-channel rate (issue 12, point 3): 1,000 reminders due at
 * once across 100 channels, a fake Slack that allows one post per second per channel (429 with
 * Retry-After beyond it) and answers each post in 50–200 ms. The physical limit is 10 posts per
 * channel at one a second: about 10 s. Reported: time until every row is sent, speed as a
 * ratio of the limit's (target ≥ 0.8×), lost and duplicated posts, 429s; on SQLite with one
 * process and on PostgreSQL with two replicas (two schedulers, each with its own pool).
 *
 *   npx tsx bench/outbox-delivery.ts     (also part of `npm run bench`)
 *   BENCH_DELIVERY_CONCURRENCY=16        conversations each scheduler sends to at once
 */
import { webApi } from '@slack/bolt';
import { slackClientOptions } from '../adapters/slack/commands.ts';
import { createSlackNotifier } from '../adapters/slack/notifier.ts';
import type { Store } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { KyselyOutboxStore, KyselyOutboxWriter } from '../db/repositories/outbox.ts';
import { systemClock, toInstant } from '../src/core/clock.ts';
import { silentLogger } from '../src/core/logger.ts';
import { translator } from '../src/i18n/index.ts';
import { Scheduler } from '../src/scheduler/scheduler.ts';
import { conversationIntervalMs } from '../src/scheduler-wiring.ts';
import { createTestDatabase } from '../test/support/databases.ts';
import { startFakeSlack } from '../test/support/fake-slack.ts';
import { markdownTable, ratio, textTable } from './stats.ts';

const ROWS = 1_000;
const CHANNELS = 100;
const LIMIT_SECONDS = ROWS / CHANNELS; // one post per second per channel

interface DeliveryRun {
  readonly store: string;
  readonly replicas: number;
  readonly seconds: number;
  readonly lost: number;
  readonly duplicates: number;
  readonly limited: number;
}

async function run(dialect: 'sqlite' | 'postgres', replicas: number, concurrency: number): Promise<DeliveryRun> {
  const database = await createTestDatabase(dialect);
  const stores: Store[] = Array.from({ length: replicas }, () => database.open());
  const slack = await startFakeSlack();
  slack.limitPerChannel(1_000);
  slack.delay('chat.postMessage', () => 50 + Math.random() * 150);
  const schedulers: Scheduler[] = [];
  try {
    const first = stores[0] as Store;
    await migrateToLatest(first);
    const dueAt = toInstant(systemClock.now());
    await new KyselyOutboxWriter(first.db, () => dueAt).enqueue(
      Array.from({ length: ROWS }, (_, n) => ({
        kind: 'bench.reminder',
        target: { kind: 'conversation' as const, platform: 'slack' as const, conversationId: `C${String(n % CHANNELS).padStart(3, '0')}` },
        payload: { n },
        dueAt,
      })),
    );
    for (const [i, store] of stores.entries()) {
      const client = new webApi.WebClient('xoxb-bench', slackClientOptions(slack.url));
      schedulers.push(
        new Scheduler({
          store: new KyselyOutboxStore(store.db, store.dialect),
          notifiers: new Map([['slack', createSlackNotifier(client, translator('sv'))]]),
          handlers: new Map([['bench.reminder', async (row) => (row.target ? { action: 'send', target: row.target, card: { summary: `reminder ${String(row.payload.n)}`, sections: [] } } : { action: 'drop', reason: 'none' })]]),
          clock: systemClock,
          log: silentLogger(),
          markLate: (card) => card,
          workerId: `replica-${i}`,
          concurrency,
          conversationIntervalMs,
        }),
      );
    }
    const started = performance.now();
    await Promise.all(schedulers.map((s) => s.start()));
    const pending = async () => Number((await first.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow()).n);
    while ((await pending()) > 0 && performance.now() - started < 120_000) await new Promise((resolve) => setTimeout(resolve, 25));
    const seconds = (performance.now() - started) / 1000;
    const counts = new Map<string, number>();
    for (const call of slack.accepted()) counts.set(String(call.body.text), (counts.get(String(call.body.text)) ?? 0) + 1);
    return {
      store: dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL',
      replicas,
      seconds,
      lost: ROWS - counts.size,
      duplicates: [...counts.values()].reduce((sum, c) => sum + c - 1, 0),
      limited: slack.rateLimited(),
    };
  } finally {
    for (const s of schedulers) await s.stop();
    for (const s of stores) await s.close();
    await slack.close();
    await database.destroy();
  }
}

function table(runs: readonly DeliveryRun[]): { header: string[]; rows: string[][] } {
  return {
    header: ['store', 'replicas', 'all delivered', 'limit', 'speed vs limit', 'lost', 'duplicates', '429s', 'target'],
    rows: runs.map((r) => {
      const speed = LIMIT_SECONDS / r.seconds;
      const met = speed >= 0.8 && r.lost === 0 && r.duplicates === 0;
      return [r.store, String(r.replicas), `${r.seconds.toFixed(2)} s`, `${LIMIT_SECONDS} s`, ratio(speed), String(r.lost), String(r.duplicates), String(r.limited), met ? 'met' : 'missed'];
    }),
  };
}

/** Runs the bench, prints its table, and returns the markdown for docs/benchmarks.md. */
export async function outboxDeliveryBench(): Promise<string> {
  const concurrency = Number(process.env.BENCH_DELIVERY_CONCURRENCY ?? 16);
  console.log(`\n5. Outbox delivery: ${ROWS} reminders across ${CHANNELS} Slack channels, 1 post/s/channel, ${concurrency} conversations at a time`);
  const runs = [await run('sqlite', 1, concurrency)];
  if (process.env.BENCH_SKIP_POSTGRES !== '1') runs.push(await run('postgres', 2, concurrency));
  const t = table(runs);
  console.log(`\n${textTable(t.header, t.rows)}`);
  return [
    `### Outbox delivery (${ROWS} reminders, ${CHANNELS} channels, Slack's 1 post/s/channel, ${concurrency} conversations at a time per scheduler)`,
    '',
    markdownTable(t.header, t.rows),
    '',
    '`speed vs limit`: the physical limit (10 posts per channel at one a second) divided by the time taken; the target is ≥ 0.8×. `429s`: posts the fake Slack refused for going over the channel rate.',
    '',
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) await outboxDeliveryBench();
