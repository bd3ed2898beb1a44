import { sql, type Kysely, type QueryCreator } from 'kysely';
import type { OutboxMessage, OutboxWriter, PendingMessage } from '../../src/core/outbox.ts';
import type { OutboxRow, OutboxStore, PostedMessage } from '../../src/scheduler/ports.ts';
import type { Platform, Target } from '../../src/core/actor.ts';
import type { DialectName } from '../connect.ts';
import type { Database, OutboxTable } from '../schema.ts';
import type { Selectable } from 'kysely';

type Subject = { type: string; id: number };

/** Writes outbox rows; pass a transaction so they commit with the change that caused them. */
export class KyselyOutboxWriter implements OutboxWriter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => string,
    /** Told that rows were written (the unit of work wakes the scheduler once they commit). */
    private readonly onEnqueue?: () => void,
  ) {}

  async enqueue(messages: readonly OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const createdAt = this.now();
    const rows = messages.map((m) => ({
      kind: m.kind,
      subject_type: m.subject?.type ?? null,
      subject_id: m.subject?.id ?? null,
      target_json: m.target ? JSON.stringify(m.target) : null,
      payload_json: JSON.stringify(m.payload ?? {}),
      due_at: m.dueAt,
      next_attempt_at: m.dueAt,
      status: 'pending',
      attempts: 0,
      dedupe_key: m.dedupeKey ?? null,
      created_at: createdAt,
      claimed_by: null,
      last_error: null,
      sent_at: null,
      late: 0,
    }));
    // Chunked: PostgreSQL allows 65,535 parameters per statement.
    for (let i = 0; i < rows.length; i += 500) {
      await this.db
        .insertInto('outbox')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .execute();
    }
    this.onEnqueue?.();
  }

  async cancelPending(subject: Subject, kinds?: readonly string[]): Promise<number> {
    const result = await this.db
      .updateTable('outbox')
      .set({ status: 'cancelled' })
      .where('subject_type', '=', subject.type)
      .where('subject_id', '=', subject.id)
      .where('status', '=', 'pending')
      .$if(kinds !== undefined, (q) => q.where('kind', 'in', kinds ?? []))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async replan(subject: Subject, kinds: readonly string[], messages: readonly OutboxMessage[]): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({ status: 'cancelled', dedupe_key: null })
      .where('subject_type', '=', subject.type)
      .where('subject_id', '=', subject.id)
      .where('status', '=', 'pending')
      .where('kind', 'in', kinds)
      .execute();
    await this.enqueue(messages);
  }

  async nextPending(subject: Subject, kinds: readonly string[]): Promise<PendingMessage | undefined> {
    const row = await this.db
      .selectFrom('outbox')
      .select(['id', 'kind', 'due_at'])
      .where('subject_type', '=', subject.type)
      .where('subject_id', '=', subject.id)
      .where('status', '=', 'pending')
      .where('kind', 'in', kinds)
      .orderBy('due_at')
      .limit(1)
      .executeTakeFirst();
    return row ? { id: row.id, kind: row.kind, dueAt: row.due_at } : undefined;
  }

  async reschedule(subject: Subject, kinds: readonly string[], dueAt: string, newDueAt: string): Promise<number> {
    const result = await this.db
      .updateTable('outbox')
      .set({ due_at: newDueAt, next_attempt_at: newDueAt })
      .where('subject_type', '=', subject.type)
      .where('subject_id', '=', subject.id)
      .where('status', '=', 'pending')
      .where('kind', 'in', kinds)
      .where('due_at', '=', dueAt)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}

/** The scheduler's side of the outbox. */
export class KyselyOutboxStore implements OutboxStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  async claimDue(now: string, leaseUntil: string, limit: number, worker: string): Promise<OutboxRow[]> {
    const claim = { next_attempt_at: leaseUntil, attempts: sql<number>`attempts + 1`, claimed_by: worker };
    const due = (db: QueryCreator<Database>) =>
      db.selectFrom('outbox').select('id').where('status', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('next_attempt_at').limit(limit);
    // One statement claims atomically. SQLite serialises writers, so a plain subquery is enough.
    // On PostgreSQL, SKIP LOCKED lets replicas claim disjoint rows without waiting, and the batch
    // is picked once, in a materialized CTE: as `id IN (subquery)` the planner may choose a
    // nested-loop semi join that runs the subquery again for every row, each run skipping the
    // rows this statement has already taken and locking the next ones, so that one claim took
    // every due row instead of a batch (seen on a new, small table: test/scheduler/outbox.test.ts).
    const rows =
      this.dialect === 'postgres'
        ? await this.db
            .with((cte) => cte('due').materialized(), (db) => due(db).forUpdate().skipLocked())
            .updateTable('outbox')
            .from('due')
            .set(claim)
            .whereRef('outbox.id', '=', 'due.id')
            .where('outbox.status', '=', 'pending')
            .returningAll('outbox')
            .execute()
        : await this.db.updateTable('outbox').set(claim).where('id', 'in', due(this.db)).where('status', '=', 'pending').returningAll().execute();
    return rows.sort((a, b) => (a.due_at < b.due_at ? -1 : a.due_at > b.due_at ? 1 : a.id - b.id)).map(toRow);
  }

  async hold(id: number, worker: string, leaseUntil: string): Promise<boolean> {
    // A compare-and-set on the claim: a replica that claimed the row after our batch lease ended
    // wrote its own id into claimed_by, so we can never both send it.
    const result = await this.db
      .updateTable('outbox')
      .set({ next_attempt_at: leaseUntil })
      .where('id', '=', id)
      .where('claimed_by', '=', worker)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async markSent(id: number, sentAt: string, late: boolean, posted: readonly PostedMessage[], subject?: Subject): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('outbox')
        .set({ status: 'sent', sent_at: sentAt, late: late ? 1 : 0, last_error: null })
        .where('id', '=', id)
        .execute();
      if (posted.length > 0) {
        await trx
          .insertInto('posted_messages')
          .values(
            posted.map((p) => ({
              outbox_id: id,
              kind: p.kind,
              subject_type: subject?.type ?? null,
              subject_id: subject?.id ?? null,
              platform: p.platform,
              conversation_id: p.conversationId,
              message_id: p.messageId,
              created_at: sentAt,
            })),
          )
          .execute();
      }
    });
  }

  async markDropped(id: number, reason: string): Promise<void> {
    await this.db.updateTable('outbox').set({ status: 'dropped', last_error: reason }).where('id', '=', id).execute();
  }

  async retryLater(id: number, nextAttemptAt: string, error: string): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({ next_attempt_at: nextAttemptAt, last_error: error.slice(0, 1000) })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .execute();
  }

  async markFailed(id: number, error: string): Promise<void> {
    await this.db.updateTable('outbox').set({ status: 'failed', last_error: error.slice(0, 1000) }).where('id', '=', id).execute();
  }

  async supersededBy(row: OutboxRow, now: string): Promise<boolean> {
    if (!row.subject || !row.target) return false;
    return (await supersededQuery(this.db, row, now).executeTakeFirst()) !== undefined;
  }

  async postedFor(subject: Subject, kinds?: readonly string[]): Promise<PostedMessage[]> {
    const rows = await this.db
      .selectFrom('posted_messages')
      .select(['kind', 'platform', 'conversation_id', 'message_id'])
      .where('subject_type', '=', subject.type)
      .where('subject_id', '=', subject.id)
      .$if(kinds !== undefined, (q) => q.where('kind', 'in', kinds ?? []))
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      kind: r.kind,
      platform: r.platform as Platform,
      conversationId: r.conversation_id,
      messageId: r.message_id,
    }));
  }
}

export function supersededQuery(db: Kysely<Database>, row: OutboxRow, now: string) {
  return db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('kind', '=', row.kind)
    .where('subject_type', '=', row.subject?.type ?? null)
    .where('subject_id', '=', row.subject?.id ?? null)
    .where('target_json', '=', row.target ? JSON.stringify(row.target) : null)
    .where('due_at', '>', row.dueAt)
    .where('due_at', '<=', now)
    .limit(1);
}

function toRow(r: Selectable<OutboxTable>): OutboxRow {
  return {
    id: r.id,
    kind: r.kind,
    ...(r.subject_type !== null && r.subject_id !== null ? { subject: { type: r.subject_type, id: r.subject_id } } : {}),
    ...(r.target_json ? { target: JSON.parse(r.target_json) as Target } : {}),
    payload: JSON.parse(r.payload_json) as Record<string, unknown>,
    dueAt: r.due_at,
    attempts: r.attempts,
  };
}
