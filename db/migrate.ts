import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Store } from './connect.ts';
import * as m0001 from './migrations/0001-foundation.ts';

/** Migrations are listed in code, so they work the same under tsx, vitest and a bundle. */
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the schema up to date. Kysely's Migrator takes a lock (an advisory lock on PostgreSQL),
 * so replicas starting together run each migration once.
 */
export async function migrateToLatest(store: Store): Promise<string[]> {
  const migrator = new Migrator({ db: store.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
