import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchema, ensureSchema, openStore, type DialectName, type Store } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';

export const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  readonly dialect: DialectName;
  /** Opens another connection (pool) to the same database: a second replica. */
  open(): Store;
  /** Drops the schema or deletes the file. */
  destroy(): Promise<void>;
}

/** Every repository and scheduler test runs once per dialect, against a real database. */
export const dialects: readonly DialectName[] = ['sqlite', 'postgres'];

/** A fresh, empty database: a temporary SQLite file, or a new PostgreSQL schema. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-test-'));
    const url = `sqlite:${join(dir, 'test.sqlite')}`;
    return { dialect, open: () => openStore(url), destroy: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await ensureSchema(postgresUrl, schema);
  return {
    dialect,
    open: () => openStore(postgresUrl, { schema, poolSize: 5 }),
    destroy: () => dropSchema(postgresUrl, schema),
  };
}

/** A migrated store plus its teardown. */
export async function migratedStore(dialect: DialectName): Promise<{ store: Store; database: TestDatabase; close(): Promise<void> }> {
  const database = await createTestDatabase(dialect);
  const store = database.open();
  await migrateToLatest(store);
  return {
    store,
    database,
    close: async () => {
      await store.close();
      await database.destroy();
    },
  };
}
