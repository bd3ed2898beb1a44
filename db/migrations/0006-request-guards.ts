import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.ts';

const appendOnly = ['decisions', 'application_audit'] as const;

// Migrations see the database untyped: they describe history, not today's types.
export async function up(db: Kysely<any>): Promise<void> {
  // Signed Slack requests already carried out, for five minutes (Slack's replay window), so a
  // replayed or retried slash command runs once even when another replica got the first copy.
  await db.schema
    .createTable('seen_requests')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('seen_requests_seen_at').on('seen_requests').column('seen_at').execute();

  if (!isPostgres(db)) {
    // REPLACE deletes the row it replaces without firing delete triggers unless the connection
    // has recursive_triggers on (db/connect.ts turns it on). This trigger holds on a connection
    // that does not: a row id that exists may not be inserted again.
    for (const table of appendOnly) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table} WHEN EXISTS (SELECT 1 FROM ${table} WHERE id = NEW.id) ` +
            `BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows may not be changed or removed'); END`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) for (const table of appendOnly) await sql.raw(`DROP TRIGGER IF EXISTS ${table}_no_replace`).execute(db);
  await db.schema.dropTable('seen_requests').ifExists().execute();
}
