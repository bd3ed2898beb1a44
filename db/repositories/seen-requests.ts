import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Requests already carried out, shared by every replica through the database. */
export class KyselySeenRequests {
  private lastPruned = '';

  constructor(
    private readonly db: Kysely<Database>,
    private readonly windowMs = 5 * 60_000,
  ) {}

  /** True the first time a key is seen within the window; false for a replay or a retry. */
  async firstTime(key: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const cutoff = new Date(now.getTime() - this.windowMs).toISOString();
    // Older keys cannot come back: Slack refuses a signature more than five minutes old. Pruned
    // at most once a minute, so the common path is one insert.
    if (at.slice(0, 16) !== this.lastPruned) {
      this.lastPruned = at.slice(0, 16);
      await this.db.deleteFrom('seen_requests').where('seen_at', '<', cutoff).execute();
    }
    const inserted = await this.db
      .insertInto('seen_requests')
      .values({ key, seen_at: at })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    return inserted !== undefined;
  }
}
