import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock, toInstant } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { DeliveryError } from '../../src/core/notifier.ts';
import type { Store } from '../../db/connect.ts';
import { KyselyOutboxStore, KyselyOutboxWriter } from '../../db/repositories/outbox.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import type { DeliveryHandler } from '../../src/scheduler/ports.ts';
import { migrateToLatest, migrationNames } from '../../db/migrate.ts';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.ts';
import { RecordingNotifier } from '../support/recording-notifier.ts';

const ping: DeliveryHandler = async (row) =>
  row.target
    ? { action: 'send', target: row.target, card: { summary: `ping ${String(row.payload.n)}`, sections: [] } }
    : { action: 'drop', reason: 'no target' };

function scheduler(store: Store, clock: FakeClock, notifier: RecordingNotifier, workerId: string, batchSize = 10, concurrency = 16) {
  return new Scheduler({
    store: new KyselyOutboxStore(store.db, store.dialect),
    notifiers: new Map([['slack', notifier]]),
    handlers: new Map([['test.ping', ping]]),
    clock,
    log: silentLogger(),
    markLate: (card) => ({ ...card, context: 'late' }),
    workerId,
    batchSize,
    concurrency,
    leaseMs: 60_000,
  });
}

async function enqueue(store: Store, clock: FakeClock, count: number, dueAt = clock.now(), channel = (_n: number) => 'C1') {
  const writer = new KyselyOutboxWriter(store.db, () => toInstant(clock.now()));
  await writer.enqueue(
    Array.from({ length: count }, (_, n) => ({
      kind: 'test.ping',
      target: { kind: 'conversation' as const, platform: 'slack' as const, conversationId: channel(n) },
      payload: { n },
      dueAt: toInstant(dueAt),
    })),
  );
}

describe.each(dialects)('the outbox on %s', (dialect) => {
  let database: TestDatabase;
  const stores: Store[] = [];
  const open = () => {
    const store = database.open();
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    await database?.destroy();
  });

  it('a claim takes one batch of the due rows, the next claim the next batch, even on a new table', async () => {
    database = await createTestDatabase(dialect);
    const a = open();
    await migrateToLatest(a);
    const clock = new FakeClock('2026-11-22T08:00:00Z');
    await enqueue(a, clock, 300);
    const store = new KyselyOutboxStore(a.db, a.dialect);
    const lease = toInstant(clock.now().plus({ minutes: 1 }));
    // On PostgreSQL the planner once ran the batch's subquery again per row, so one claim took
    // all 300 and a second replica found nothing to share.
    const first = await store.claimDue(toInstant(clock.now()), lease, 10, 'a');
    const second = await store.claimDue(toInstant(clock.now()), lease, 10, 'b');
    expect(first).toHaveLength(10);
    expect(second).toHaveLength(10);
    expect(new Set([...first, ...second].map((r) => r.id)).size).toBe(20);
  });

  it('two schedulers claiming at once send every row exactly once', async () => {
    database = await createTestDatabase(dialect);
    const a = open();
    // Replicas are a PostgreSQL deployment, each with its own connections. SQLite is one process
    // with one connection, which both schedulers then share: two connections in one thread would
    // wait for each other's write lock synchronously, which no deployment does.
    const b = dialect === 'postgres' ? open() : a;
    await migrateToLatest(a);
    const clock = new FakeClock('2026-11-22T08:00:00Z');
    await enqueue(a, clock, 300);
    const na = new RecordingNotifier();
    const nb = new RecordingNotifier();
    // Neither scheduler gets past its first post until the other has claimed rows and is posting
    // too, so the two ticks overlap however late either one's first query runs on a loaded
    // machine (a fixed delay per post still let one take every row in one run of many). If one
    // could never claim beside the other, the gate opens after 10 s and the test fails below.
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const gateTimer = setTimeout(() => openGate(), 10_000);
    const posting = new Set<string>();
    const postAs = (who: string) => async () => {
      posting.add(who);
      if (posting.size === 2) openGate();
      await gate;
    };
    na.onPost = postAs('a');
    nb.onPost = postAs('b');
    await Promise.all([scheduler(a, clock, na, 'a').tick(), scheduler(b, clock, nb, 'b').tick()]);
    clearTimeout(gateTimer);
    const numbers = [...na.sent, ...nb.sent].map((s) => s.card.summary);
    expect(numbers).toHaveLength(300);
    expect(new Set(numbers).size).toBe(300);
    expect(na.sent.length).toBeGreaterThan(0);
    expect(nb.sent.length).toBeGreaterThan(0);
    const pending = await a.db.selectFrom('outbox').select('id').where('status', '!=', 'sent').execute();
    expect(pending).toHaveLength(0);
  });

  it('a process killed mid-delivery loses nothing: the row is sent after its lease ends', async () => {
    database = await createTestDatabase(dialect);
    const a = open();
    await migrateToLatest(a);
    const clock = new FakeClock('2026-11-22T08:00:00Z');
    await enqueue(a, clock, 1);
    const dying = new RecordingNotifier();
    // The process dies while the platform call is in flight: the tick never finishes.
    let posting!: () => void;
    const inFlight = new Promise<void>((resolve) => (posting = resolve));
    dying.onPost = () => {
      posting();
      return new Promise<void>(() => undefined);
    };
    void scheduler(a, clock, dying, 'dying').tick();
    await inFlight;
    const b = open();
    const survivor = new RecordingNotifier();
    const other = scheduler(b, clock, survivor, 'survivor');
    expect((await other.tick()).sent).toBe(0); // still leased to the dead worker
    clock.advance({ minutes: 2 });
    const report = await other.tick();
    expect(report.sent).toBe(1);
    expect(survivor.sent.map((s) => s.card.summary)).toEqual(['ping 0']);
  });

  it('retries a rate-limited delivery after Retry-After, and gives up on a permanent error', async () => {
    database = await createTestDatabase(dialect);
    const a = open();
    await migrateToLatest(a);
    const clock = new FakeClock('2026-11-22T08:00:00Z');
    // Two conversations: a rate limit pauses only its own (see outbox-lanes.test.ts).
    await enqueue(a, clock, 2, clock.now(), (n) => `C${n + 1}`);
    const notifier = new RecordingNotifier();
    notifier.failNext(new DeliveryError('ratelimited', { retryAfterMs: 30_000 }), new DeliveryError('channel_not_found', { permanent: true }));
    // One lane at a time, so the failures meet the rows in order.
    const s = scheduler(a, clock, notifier, 'w', 10, 1);
    expect(await s.tick()).toMatchObject({ sent: 0, retried: 1, failed: 1 });
    clock.advance({ seconds: 29 });
    expect((await s.tick()).sent).toBe(0);
    clock.advance({ seconds: 2 });
    expect((await s.tick()).sent).toBe(1);
    const rows = await a.db.selectFrom('outbox').select(['status', 'last_error', 'attempts']).orderBy('id').execute();
    expect(rows).toEqual([
      { status: 'sent', last_error: null, attempts: 2 },
      { status: 'failed', last_error: 'channel_not_found', attempts: 1 },
    ]);
  });

  it('a second row with the same dedupe key is ignored', async () => {
    database = await createTestDatabase(dialect);
    const a = open();
    await migrateToLatest(a);
    const writer = new KyselyOutboxWriter(a.db, () => '2026-11-22T08:00:00.000Z');
    const message = { kind: 'test.ping', dueAt: toInstant(DateTime.utc()), dedupeKey: 'call:1:2026:open' };
    await writer.enqueue([message]);
    await writer.enqueue([message, message]);
    expect(await a.db.selectFrom('outbox').select('id').execute()).toHaveLength(1);
  });

  // Replicas share PostgreSQL; SQLite is the single-process embedded store, so only PostgreSQL
  // has two processes migrating one database at once.
  it.runIf(dialect === 'postgres')('migrations run once when two replicas start together', async () => {
    database = await createTestDatabase(dialect);
    const results = await Promise.all([migrateToLatest(open()), migrateToLatest(open())]);
    expect(results.flat().sort()).toEqual(migrationNames);
  });
});
