import type { Kysely } from 'kysely';
import { idColumn } from './helpers.ts';

// Visits and post-visit reports (R5), and early termination of engagements (R7).
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ['terminated_decision', 'terminated_at', 'terminated_by_json', 'original_end_date']) {
    await db.schema.alterTable('engagements').addColumn(column, 'text').execute();
  }

  await db.schema
    .createTable('visits')
    .$call((t) => idColumn(db, t))
    .addColumn('engagement_id', 'integer', (c) => c.notNull().references('engagements.id'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('lead_key', 'text', (c) => c.notNull())
    .addColumn('lead_json', 'text', (c) => c.notNull())
    .addColumn('participants', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('visits_engagement').on('visits').columns(['engagement_id', 'from_date']).execute();
  await db.schema.createIndex('visits_lead').on('visits').columns(['lead_key', 'status']).execute();

  await db.schema
    .createTable('visit_reports')
    .$call((t) => idColumn(db, t))
    .addColumn('visit_id', 'integer', (c) => c.notNull().references('visits.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('activities', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull())
    .addColumn('costs', 'text', (c) => c.notNull())
    .addColumn('follow_ups', 'text', (c) => c.notNull())
    .addColumn('filed_by_key', 'text', (c) => c.notNull())
    .addColumn('filed_by_json', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'text', (c) => c.notNull())
    // Two people filing at once cannot both become version n.
    .addUniqueConstraint('visit_reports_version', ['visit_id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('visit_reports').ifExists().execute();
  await db.schema.dropTable('visits').ifExists().execute();
  for (const column of ['terminated_decision', 'terminated_at', 'terminated_by_json', 'original_end_date']) {
    await db.schema.alterTable('engagements').dropColumn(column).execute();
  }
}
