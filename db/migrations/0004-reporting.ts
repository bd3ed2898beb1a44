import type { Kysely } from 'kysely';
import { idColumn } from './helpers.ts';

// Migrations see the database untyped: they describe history, not today's types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('annual_rounds')
    .$call((t) => idColumn(db, t))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('committee_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('summary_by_json', 'text')
    .addColumn('summary_at', 'text')
    .addColumn('confirmed_by_json', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_rounds_year_committee', ['year', 'committee_id'])
    .execute();

  await db.schema
    .createTable('calendar_tokens')
    .$call((t) => idColumn(db, t))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('owner_key', 'text', (c) => c.notNull())
    .addColumn('owner_json', 'text', (c) => c.notNull())
    .addColumn('committee_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('calendar_tokens_owner').on('calendar_tokens').columns(['owner_key', 'committee_id']).execute();
  // The report reads a year's deadlines by date; 0001 indexes them by status and engagement only.
  await db.schema.createIndex('deadlines_due_date').on('deadlines').columns(['due_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('deadlines_due_date').ifExists().execute();
  for (const table of ['calendar_tokens', 'annual_rounds']) await db.schema.dropTable(table).ifExists().execute();
}
