import { sql, type Kysely } from 'kysely';
import { idColumn } from './helpers.ts';

// Migrations see the database untyped: they describe history, not today's types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('engagements')
    .$call((t) => idColumn(db, t))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('committee_id', 'text', (c) => c.notNull())
    .addColumn('partner', 'text')
    .addColumn('country', 'text')
    .addColumn('funder', 'text')
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('contact_key', 'text')
    .addColumn('contact_json', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('engagements_committee').on('engagements').columns(['committee_id', 'status']).execute();

  await db.schema
    .createTable('deadlines')
    .$call((t) => idColumn(db, t))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('due_time', 'text')
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('engagement_id', 'integer', (c) => c.references('engagements.id'))
    .addColumn('committee_id', 'text')
    .addColumn('owner_key', 'text', (c) => c.notNull())
    .addColumn('owner_json', 'text', (c) => c.notNull())
    .addColumn('channels_json', 'text', (c) => c.notNull())
    .addColumn('remind_days', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by_json', 'text')
    .addColumn('created_by_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deadlines_open').on('deadlines').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('deadlines_engagement').on('deadlines').column('engagement_id').execute();

  await db.schema
    .createTable('funding_calls')
    .$call((t) => idColumn(db, t))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('opens_md', 'text', (c) => c.notNull())
    .addColumn('closes_md', 'text', (c) => c.notNull())
    .addColumn('funder', 'text')
    .addColumn('url', 'text')
    .addColumn('yearly', 'integer', (c) => c.notNull())
    .addColumn('created_by_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outbox')
    .$call((t) => idColumn(db, t))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'integer')
    .addColumn('target_json', 'text')
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('sent_at', 'text')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The claim reads only pending rows in time order: a partial index keeps it O(log n) however
  // many rows have been sent before (see bench/outbox-claim.ts).
  await db.schema
    .createIndex('outbox_claimable')
    .on('outbox')
    .column('next_attempt_at')
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema.createIndex('outbox_subject').on('outbox').columns(['subject_type', 'subject_id', 'status']).execute();

  await db.schema
    .createTable('posted_messages')
    .$call((t) => idColumn(db, t))
    .addColumn('outbox_id', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'integer')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('posted_subject').on('posted_messages').columns(['subject_type', 'subject_id']).execute();

  await db.schema
    .createTable('people')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('aad_object_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('people_pk', ['platform', 'user_id'])
    .execute();
  await db.schema.createIndex('people_email').on('people').columns(['platform', 'email']).execute();

  await db.schema
    .createTable('conversations')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversations_pk', ['platform', 'conversation_id'])
    .execute();
  await db.schema.createIndex('conversations_user').on('conversations').columns(['platform', 'user_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['conversations', 'people', 'posted_messages', 'outbox', 'funding_calls', 'deadlines', 'engagements']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
