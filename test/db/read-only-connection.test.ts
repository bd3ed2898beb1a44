import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../db/connect.ts';
import { dialects, migratedStore } from '../support/databases.ts';

type Opened = Awaited<ReturnType<typeof migratedStore>>;

/**
 * The render thread reads the annual report's year over a connection of its own. It must see what
 * the bot has written, and it must not be able to change anything: the records stay the bot's.
 */
describe.each(dialects)('a render thread’s read-only connection (%s)', (dialect) => {
  let opened: Opened | undefined;
  afterEach(async () => opened?.close());

  it('sees committed rows and refuses every write', async () => {
    opened = await migratedStore(dialect);
    const { store } = opened;
    await store.db.insertInto('seen_requests').values({ key: 'slack:T1:abc', seen_at: '2026-03-01T09:00:00.000Z' }).execute();
    const location = store.location;
    if (!location) throw new Error('a test database can always be opened again');
    const reader = openStore(location.url, { ...location.options, poolSize: 1, readOnly: true });
    try {
      const seen = await reader.db.selectFrom('seen_requests').select('key').execute();
      expect(seen.map((r) => r.key)).toEqual(['slack:T1:abc']);
      await expect(reader.db.deleteFrom('seen_requests').execute()).rejects.toThrow(/read-only|readonly/i);
    } finally {
      await reader.close();
    }
    expect(await store.db.selectFrom('seen_requests').select('key').execute()).toHaveLength(1);
  });
});
