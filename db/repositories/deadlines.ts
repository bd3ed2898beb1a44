import type { Kysely, Selectable } from 'kysely';
import { actorKey, type Actor, type Target } from '../../src/core/actor.ts';
import type {
  DeadlinePatch,
  DeadlineRecord,
  DeadlineRepository,
  FundingCallRecord,
  FundingCallPatch,
  FundingCallRepository,
  NewDeadline,
  OpenDeadlineFilter,
} from '../../workflows/deadlines/ports.ts';
import type { Database, DeadlineTable, FundingCallTable } from '../schema.ts';

export class KyselyDeadlines implements DeadlineRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(d: NewDeadline): Promise<DeadlineRecord> {
    const row = await this.db
      .insertInto('deadlines')
      .values({
        title: d.title,
        due_date: d.dueDate,
        due_time: d.dueTime ?? null,
        due_at: d.dueAt,
        engagement_id: d.engagementId ?? null,
        committee_id: d.committeeId ?? null,
        owner_key: actorKey(d.owner),
        owner_json: JSON.stringify(d.owner),
        channels_json: JSON.stringify(d.channels),
        remind_days: d.remindDays.join(','),
        status: 'open',
        done_at: null,
        done_by_json: null,
        created_by_key: actorKey(d.createdBy),
        created_at: d.createdAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toDeadline(row);
  }

  async get(id: number): Promise<DeadlineRecord | undefined> {
    const row = await this.db.selectFrom('deadlines').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDeadline(row) : undefined;
  }

  async markDone(id: number, by: Actor, at: string): Promise<boolean> {
    // The status condition makes two simultaneous presses produce one "done".
    const result = await this.db
      .updateTable('deadlines')
      .set({ status: 'done', done_at: at, done_by_json: JSON.stringify(by) })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async update(id: number, patch: DeadlinePatch): Promise<void> {
    await this.db
      .updateTable('deadlines')
      .set({
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.dueDate !== undefined ? { due_date: patch.dueDate } : {}),
        ...('dueTime' in patch ? { due_time: patch.dueTime ?? null } : {}),
        ...(patch.dueAt !== undefined ? { due_at: patch.dueAt } : {}),
        ...('engagementId' in patch ? { engagement_id: patch.engagementId ?? null } : {}),
        ...('committeeId' in patch ? { committee_id: patch.committeeId ?? null } : {}),
        ...(patch.channels !== undefined ? { channels_json: JSON.stringify(patch.channels) } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  async listOpen(filter: OpenDeadlineFilter & { limit: number; offset?: number }): Promise<DeadlineRecord[]> {
    const rows = await this.openQuery(filter)
      .selectAll()
      .orderBy('due_at')
      .orderBy('id')
      .limit(filter.limit)
      .$if(filter.offset !== undefined, (q) => q.offset(filter.offset ?? 0))
      .execute();
    return rows.map(toDeadline);
  }

  /** A count in SQL: the list says how many there are without loading them. */
  async countOpen(filter: OpenDeadlineFilter): Promise<number> {
    const row = await this.openQuery(filter).select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private openQuery(filter: OpenDeadlineFilter) {
    return this.db
      .selectFrom('deadlines')
      .where('status', '=', 'open')
      .$if(filter.ownerKey !== undefined, (q) => q.where('owner_key', '=', filter.ownerKey ?? ''))
      .$if(filter.committeeId !== undefined, (q) => q.where('committee_id', '=', filter.committeeId ?? ''));
  }

  async listForEngagement(engagementId: number): Promise<DeadlineRecord[]> {
    const rows = await this.db
      .selectFrom('deadlines')
      .selectAll()
      .where('engagement_id', '=', engagementId)
      .orderBy('due_at')
      .orderBy('id')
      .execute();
    return rows.map(toDeadline);
  }
}

function toDeadline(r: Selectable<DeadlineTable>): DeadlineRecord {
  return {
    id: r.id,
    title: r.title,
    dueDate: r.due_date,
    ...(r.due_time ? { dueTime: r.due_time } : {}),
    dueAt: r.due_at,
    ...(r.engagement_id !== null ? { engagementId: r.engagement_id } : {}),
    ...(r.committee_id !== null ? { committeeId: r.committee_id } : {}),
    owner: JSON.parse(r.owner_json) as Actor,
    channels: JSON.parse(r.channels_json) as Target[],
    remindDays: r.remind_days.split(',').filter(Boolean).map(Number),
    status: r.status === 'done' ? 'done' : 'open',
    ...(r.done_at ? { doneAt: r.done_at } : {}),
    ...(r.done_by_json ? { doneBy: JSON.parse(r.done_by_json) as Actor } : {}),
    createdAt: r.created_at,
  };
}

export class KyselyFundingCalls implements FundingCallRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(call: Omit<FundingCallRecord, 'id'> & { readonly createdBy: Actor }): Promise<FundingCallRecord> {
    const row = await this.db
      .insertInto('funding_calls')
      .values({
        name: call.name,
        opens_md: call.opens,
        closes_md: call.closes,
        funder: call.funder ?? null,
        url: call.url ?? null,
        yearly: call.yearly ? 1 : 0,
        created_by_key: actorKey(call.createdBy),
        created_at: call.createdAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toCall(row);
  }

  async get(id: number): Promise<FundingCallRecord | undefined> {
    const row = await this.db.selectFrom('funding_calls').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toCall(row) : undefined;
  }

  async list(): Promise<FundingCallRecord[]> {
    const rows = await this.db.selectFrom('funding_calls').selectAll().orderBy('id').execute();
    return rows.map(toCall);
  }

  async update(id: number, patch: FundingCallPatch): Promise<void> {
    await this.db
      .updateTable('funding_calls')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.opens !== undefined ? { opens_md: patch.opens } : {}),
        ...(patch.closes !== undefined ? { closes_md: patch.closes } : {}),
        ...('funder' in patch ? { funder: patch.funder ?? null } : {}),
        ...('url' in patch ? { url: patch.url ?? null } : {}),
        ...(patch.yearly !== undefined ? { yearly: patch.yearly ? 1 : 0 } : {}),
      })
      .where('id', '=', id)
      .execute();
  }
}

function toCall(r: Selectable<FundingCallTable>): FundingCallRecord {
  return {
    id: r.id,
    name: r.name,
    opens: r.opens_md,
    closes: r.closes_md,
    ...(r.funder ? { funder: r.funder } : {}),
    ...(r.url ? { url: r.url } : {}),
    yearly: r.yearly === 1,
    createdAt: r.created_at,
  };
}
