import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Store } from './connect.ts';
import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-approvals.ts';
import * as m0003 from './migrations/0003-visits.ts';
import * as m0004 from './migrations/0004-reporting.ts';
import * as m0005 from './migrations/0005-files.ts';
import * as m0006 from './migrations/0006-request-guards.ts';
import * as m0007 from './migrations/0007-register-imports.ts';

/** Migrations are listed in code, so they work the same under tsx, vitest and a bundle. */
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-approvals': m0002,
  '0003-visits': m0003,
  '0004-reporting': m0004,
  '0005-files': m0005,
  '0006-request-guards': m0006,
  '0007-register-imports': m0007,
};

/** In the order they run. */
export const migrationNames = Object.keys(migrations).sort();

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the schema up to date. Kysely's Migrator takes a lock (an advisory lock on PostgreSQL),
 * so replicas starting together run each migration once.
 */
export async function migrateToLatest(store: Store): Promise<string[]> {
  // Kysely looks for its own tables in every schema unless told which; with several schemas in
  // one database (tests, benchmarks, tenants) another schema's tables would be taken for ours.
  const schema = store.dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({ db: store.db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
