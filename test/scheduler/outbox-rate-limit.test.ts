import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { slackClientOptions } from '../../adapters/slack/commands.ts';
import { createSlackNotifier } from '../../adapters/slack/notifier.ts';
import type { Store } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { KyselyOutboxStore, KyselyOutboxWriter } from '../../db/repositories/outbox.ts';
import { systemClock, toInstant } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { translator } from '../../src/i18n/index.ts';
import type { DeliveryHandler } from '../../src/scheduler/ports.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { conversationIntervalMs } from '../../src/scheduler-wiring.ts';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';

const reminder: DeliveryHandler = async (row) =>
  row.target ? { action: 'send', target: row.target, card: { summary: `påminnelse ${String(row.payload.n)}`, sections: [] } } : { action: 'drop', reason: 'no target' };

/**
 * Slack's 429 with Retry-After: the reminder goes out when the pause ends, not at the next tick
 * (here an hour away). The lane's last row once waited for the tick (30 s by default), since
 * only rows queued behind it set a wake-up.
 */
describe.each(dialects)('a rate-limited reminder on %s', (dialect) => {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  let slack: FakeSlack | undefined;
  let scheduler: Scheduler | undefined;
  afterEach(async () => {
    await scheduler?.stop();
    await store?.close();
    await slack?.close();
    await database?.destroy();
  });

  async function start(rows: number): Promise<{ enqueuedAt: number }> {
    database = await createTestDatabase(dialect);
    store = database.open();
    await migrateToLatest(store);
    slack = await startFakeSlack();
    const dueAt = toInstant(systemClock.now());
    await new KyselyOutboxWriter(store.db, () => dueAt).enqueue(
      Array.from({ length: rows }, (_, n) => ({ kind: 'test.reminder', target: { kind: 'conversation' as const, platform: 'slack' as const, conversationId: 'C0INTL' }, payload: { n }, dueAt })),
    );
    scheduler = new Scheduler({
      store: new KyselyOutboxStore(store.db, store.dialect),
      notifiers: new Map([['slack', createSlackNotifier(new webApi.WebClient('xoxb-test', slackClientOptions(slack.url)), translator('sv'))]]),
      handlers: new Map([['test.reminder', reminder]]),
      clock: systemClock,
      log: silentLogger(),
      markLate: (card) => card,
      tickMs: 3_600_000,
      conversationIntervalMs,
    });
    return { enqueuedAt: Date.now() };
  }

  const posted = () => (slack?.accepted() ?? []).map((c) => String(c.body.text));

  async function waitForPosts(n: number, withinMs: number): Promise<void> {
    const until = Date.now() + withinMs;
    while (posted().length < n && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 25));
  }

  it('the only reminder in its channel is posted once the Retry-After has passed', { timeout: 30_000 }, async () => {
    const { enqueuedAt } = await start(1);
    slack!.failNext('chat.postMessage', { retryAfter: 1 });
    await scheduler!.start();
    await waitForPosts(1, 15_000);

    expect(posted()).toEqual(['påminnelse 0']);
    const at = slack!.accepted()[0]!.at - enqueuedAt;
    expect(at).toBeGreaterThanOrEqual(1_000);
    // Well before the tick (an hour), with room for a loaded CI machine.
    expect(at).toBeLessThan(10_000);
    // Slack has the post when it arrives; the outbox records it once Slack has answered, within
    // the tick that stop() waits for.
    await scheduler!.stop();
    expect(await store!.db.selectFrom('outbox').select(['status', 'attempts']).executeTakeFirstOrThrow()).toEqual({ status: 'sent', attempts: 2 });
  });

  it('a channel whose last reminder is limited gets it after the pause, the earlier ones in order', { timeout: 30_000 }, async () => {
    const { enqueuedAt } = await start(3);
    // The first tick sends the channel's three posts a second apart; it is not awaited here.
    const started = scheduler!.start();
    await waitForPosts(2, 5_000);
    // The third post (about 2 s in) is refused; it is the lane's last row, with nothing behind it.
    slack!.failNext('chat.postMessage', { retryAfter: 1 });
    await started;
    await waitForPosts(3, 20_000);

    expect(posted()).toEqual(['påminnelse 0', 'påminnelse 1', 'påminnelse 2']);
    expect(slack!.calls('chat.postMessage')).toHaveLength(4);
    const third = slack!.accepted()[2]!.at - enqueuedAt;
    expect(third).toBeGreaterThanOrEqual(3_000);
    expect(third).toBeLessThan(15_000);
  });
});
