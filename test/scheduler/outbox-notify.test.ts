import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { listenForOutbox, type OutboxListener } from '../../db/outbox-signal.ts';
import { unitOfWork } from '../../db/repositories/index.ts';
import { KyselyOutboxStore } from '../../db/repositories/outbox.ts';
import { systemClock, toInstant } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import type { DeliveryHandler } from '../../src/scheduler/ports.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { RecordingNotifier } from '../support/recording-notifier.ts';

const ping: DeliveryHandler = async (row) =>
  row.target ? { action: 'send', target: row.target, card: { summary: 'ping', sections: [] } } : { action: 'drop', reason: 'no target' };

/**
 * Issue 12, point 6 across replicas: a commit in one process wakes the scheduler of another
 * through PostgreSQL's LISTEN/NOTIFY. Replica B's own tick is an hour away and replica A has
 * no scheduler running, so only the NOTIFY can get the row delivered within 2 s.
 */
describe('LISTEN/NOTIFY between replicas on PostgreSQL', () => {
  let database: TestDatabase | undefined;
  const stores: Store[] = [];
  let listener: OutboxListener | undefined;
  let scheduler: Scheduler | undefined;
  afterEach(async () => {
    await scheduler?.stop();
    await listener?.close();
    for (const s of stores.splice(0)) await s.close();
    await database?.destroy();
  });

  it('a row committed by replica A is delivered by replica B within 2 s', async () => {
    database = await createTestDatabase('postgres');
    const a = database.open();
    const b = database.open();
    stores.push(a, b);
    await migrateToLatest(a);
    const notifier = new RecordingNotifier();
    scheduler = new Scheduler({
      store: new KyselyOutboxStore(b.db, b.dialect),
      notifiers: new Map([['slack', notifier]]),
      handlers: new Map([['test.ping', ping]]),
      clock: systemClock,
      log: silentLogger(),
      markLate: (card) => card,
      tickMs: 3_600_000,
    });
    const woken: number[] = [];
    listener = listenForOutbox(b.location!, () => {
      woken.push(Date.now());
      scheduler?.wake();
    }, silentLogger());
    await scheduler.start();
    await listener.ready;

    const committed = Date.now();
    await unitOfWork(a.db, () => toInstant(systemClock.now())).run((repos) =>
      repos.outbox.enqueue([{ kind: 'test.ping', target: { kind: 'conversation', platform: 'slack', conversationId: 'C1' }, dueAt: toInstant(systemClock.now()) }]),
    );
    while (notifier.sent.length === 0 && Date.now() - committed < 2_000) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(notifier.sent).toHaveLength(1);
    expect(woken.length).toBeGreaterThan(0);
  });
});
