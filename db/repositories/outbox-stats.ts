import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface OutboxStats {
  /** Rows per status (pending, sent, dropped, cancelled, failed). */
  readonly byStatus: Readonly<Record<string, number>>;
  /** The due time of the oldest pending row that is due now, if any. */
  readonly oldestDueAt: string | undefined;
}

/** Read-only counts for /metrics; two small aggregate queries on the outbox table. */
export async function readOutboxStats(db: Kysely<Database>, now: string): Promise<OutboxStats> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', sql<number | string>`count(*)`.as('n')])
    .groupBy('status')
    .execute();
  const oldest = await db
    .selectFrom('outbox')
    .select(sql<string | null>`min(due_at)`.as('due'))
    .where('status', '=', 'pending')
    .where('due_at', '<=', now)
    .executeTakeFirst();
  return {
    byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
    oldestDueAt: oldest?.due ?? undefined,
  };
}
