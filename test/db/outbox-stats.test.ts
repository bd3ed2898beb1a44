import { afterEach, describe, expect, it } from 'vitest';
import { KyselyOutboxWriter } from '../../db/repositories/outbox.ts';
import { readOutboxStats } from '../../db/repositories/outbox-stats.ts';
import { dialects, migratedStore } from '../support/databases.ts';

describe.each(dialects)('outbox statistics for /metrics (%s)', (dialect) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('counts rows by status and finds the oldest pending row that is due', async () => {
    const m = await migratedStore(dialect);
    close = m.close;
    const db = m.store.db;
    expect(await readOutboxStats(db, '2026-12-01T10:00:00.000Z')).toEqual({ byStatus: {}, oldestDueAt: undefined });

    const writer = new KyselyOutboxWriter(db, () => '2026-12-01T08:00:00.000Z');
    await writer.enqueue([
      { kind: 'a', dueAt: '2026-12-01T09:00:00.000Z' },
      { kind: 'b', dueAt: '2026-12-01T09:30:00.000Z' },
      { kind: 'c', dueAt: '2026-12-02T09:00:00.000Z' },
      { kind: 'd', dueAt: '2026-11-30T09:00:00.000Z' },
    ] as never);
    await db.updateTable('outbox').set({ status: 'sent' }).where('kind', '=', 'd').execute();
    await db.updateTable('outbox').set({ status: 'failed' }).where('kind', '=', 'b').execute();

    expect(await readOutboxStats(db, '2026-12-01T10:00:00.000Z')).toEqual({
      byStatus: { pending: 2, sent: 1, failed: 1 },
      // The sent row is older, and the failed one later: neither is waiting.
      oldestDueAt: '2026-12-01T09:00:00.000Z',
    });
    expect((await readOutboxStats(db, '2026-12-01T08:59:00.000Z')).oldestDueAt).toBeUndefined();
  });
});
