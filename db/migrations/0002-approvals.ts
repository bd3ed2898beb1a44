import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './helpers.ts';

const appendOnly = ['decisions', 'application_audit'] as const;

// Migrations see the database untyped: they describe history, not today's types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('applications')
    .$call((t) => idColumn(db, t))
    .addColumn('engagement_id', 'integer', (c) => c.notNull().references('engagements.id'))
    .addColumn('call_text', 'text', (c) => c.notNull())
    .addColumn('call_id', 'integer')
    .addColumn('closes_on', 'text')
    .addColumn('amount', 'integer')
    .addColumn('prestudy', 'integer', (c) => c.notNull())
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('consult_body', 'text')
    .addColumn('rule_text', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('requested_by_key', 'text', (c) => c.notNull())
    .addColumn('requested_by_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('applications_status').on('applications').columns(['status', 'id']).execute();
  await db.schema.createIndex('applications_engagement').on('applications').column('engagement_id').execute();

  await db.schema
    .createTable('decisions')
    .$call((t) => idColumn(db, t))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('decided_by_key', 'text', (c) => c.notNull())
    .addColumn('decided_by_json', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    // One decision per round of a request: the database, not the code, makes the decision exactly-once.
    .addUniqueConstraint('decisions_one_per_round', ['application_id', 'round'])
    .execute();
  await db.schema.createIndex('decisions_decided_at').on('decisions').column('decided_at').execute();

  await db.schema
    .createTable('application_audit')
    .$call((t) => idColumn(db, t))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_json', 'text')
    .addColumn('detail', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('application_audit_application').on('application_audit').column('application_id').execute();

  // Decisions are public records: the database itself refuses to change or remove them.
  if (isPostgres(db)) {
    await sql`CREATE OR REPLACE FUNCTION samverkan_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only: rows may not be changed or removed', TG_TABLE_NAME; END $$`.execute(db);
    for (const table of appendOnly) {
      await sql
        .raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION samverkan_append_only()`)
        .execute(db);
      await sql
        .raw(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION samverkan_append_only()`)
        .execute(db);
    }
  } else {
    for (const table of appendOnly) {
      for (const op of ['UPDATE', 'DELETE']) {
        await sql
          .raw(`CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows may not be changed or removed'); END`)
          .execute(db);
      }
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['application_audit', 'decisions', 'applications']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  if (isPostgres(db)) await sql`DROP FUNCTION IF EXISTS samverkan_append_only()`.execute(db);
}
