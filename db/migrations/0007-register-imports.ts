import type { Kysely } from 'kysely';
import { idColumn } from './helpers.ts';

// An import waiting for the coordinator's confirmation: the rows as read from the file, applied
// once (pending → applied or cancelled), so a second press of Confirm cannot import twice.
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable('register_imports'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('rows_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_by_key', 'text')
    .addColumn('closed_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('register_imports').ifExists().execute();
}
