import type { Kysely, Selectable } from 'kysely';
import { actorKey, type Actor } from '../../src/core/actor.ts';
import { toEngagementFacts } from './engagement-facts.ts';
import type { EngagementSummary } from '../../workflows/deadlines/ports.ts';
import type {
  EngagementApplication,
  EngagementDecision,
  EngagementFilter,
  EngagementPatch,
  EngagementRecord,
  EngagementRepository,
  NewEngagement,
  Termination,
} from '../../workflows/engagements/ports.ts';
import type { Database, EngagementTable } from '../schema.ts';

export class KyselyEngagements implements EngagementRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(e: NewEngagement): Promise<EngagementRecord> {
    const row = await this.db
      .insertInto('engagements')
      .values({
        title: e.title,
        type: e.type,
        committee_id: e.committeeId,
        partner: e.partner ?? null,
        country: e.country ?? null,
        funder: e.funder ?? null,
        start_date: e.startDate ?? null,
        end_date: e.endDate ?? null,
        contact_key: e.contact ? actorKey(e.contact) : null,
        contact_json: e.contact ? JSON.stringify(e.contact) : null,
        status: e.status,
        created_by_key: actorKey(e.createdBy),
        created_at: e.createdAt,
        updated_at: e.createdAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toEngagement(row);
  }

  async get(id: number): Promise<EngagementRecord | undefined> {
    const row = await this.db.selectFrom('engagements').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toEngagement(row) : undefined;
  }

  async list(filter: EngagementFilter & { limit: number; offset?: number }): Promise<EngagementRecord[]> {
    const rows = await this.filtered(filter)
      .selectAll()
      .orderBy('id')
      .limit(filter.limit)
      .$if(filter.offset !== undefined, (q) => q.offset(filter.offset ?? 0))
      .execute();
    return rows.map(toEngagement);
  }

  /** A count in SQL: the list says how many there are without loading them. */
  async count(filter: EngagementFilter): Promise<number> {
    const row = await this.filtered(filter).select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private filtered(filter: EngagementFilter) {
    return this.db
      .selectFrom('engagements')
      .$if(filter.committeeId !== undefined, (q) => q.where('committee_id', '=', filter.committeeId ?? ''))
      .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status ?? ''))
      .$if(filter.open === true, (q) => q.where('status', 'not in', ['closed', 'terminated']));
  }

  /** A correction of the register (an import): only the fields given change. */
  async update(id: number, patch: EngagementPatch, at: string): Promise<void> {
    await this.db
      .updateTable('engagements')
      .set({
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.type !== undefined ? { type: patch.type } : {}),
        ...(patch.committeeId !== undefined ? { committee_id: patch.committeeId } : {}),
        ...('partner' in patch ? { partner: patch.partner ?? null } : {}),
        ...('country' in patch ? { country: patch.country ?? null } : {}),
        ...('funder' in patch ? { funder: patch.funder ?? null } : {}),
        ...('startDate' in patch ? { start_date: patch.startDate ?? null } : {}),
        ...('endDate' in patch ? { end_date: patch.endDate ?? null } : {}),
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
  }

  async terminate(id: number, endDate: string, t: Termination): Promise<boolean> {
    // The status condition makes two decisions entered at once end it once.
    const result = await this.db
      .updateTable('engagements')
      .set({
        status: 'terminated',
        end_date: endDate,
        original_end_date: t.originalEndDate ?? null,
        terminated_decision: t.decision,
        terminated_at: t.at,
        terminated_by_json: JSON.stringify(t.by),
        updated_at: t.at,
      })
      .where('id', '=', id)
      .where('status', '!=', 'terminated')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async applicationsFor(engagementId: number): Promise<EngagementApplication[]> {
    const rows = await this.db
      .selectFrom('applications')
      .select(['id', 'call_text', 'amount', 'status'])
      .where('engagement_id', '=', engagementId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, call: r.call_text, ...(r.amount !== null ? { amount: r.amount } : {}), status: r.status }));
  }

  async decisionsFor(engagementId: number): Promise<EngagementDecision[]> {
    const rows = await this.db
      .selectFrom('decisions')
      .innerJoin('applications', 'applications.id', 'decisions.application_id')
      .select(['decisions.application_id', 'decisions.body', 'decisions.outcome', 'decisions.reference', 'decisions.decided_at'])
      .where('applications.engagement_id', '=', engagementId)
      .orderBy('decisions.decided_at')
      .orderBy('decisions.id')
      .execute();
    return rows.map((r) => ({ applicationId: r.application_id, body: r.body, outcome: r.outcome, reference: r.reference, decidedAt: r.decided_at }));
  }

  async summary(id: number): Promise<EngagementSummary | undefined> {
    const row = await this.db.selectFrom('engagements').select(['id', 'title', 'committee_id']).where('id', '=', id).executeTakeFirst();
    return row ? { id: row.id, title: row.title, committeeId: row.committee_id } : undefined;
  }
}

function toEngagement(r: Selectable<EngagementTable>): EngagementRecord {
  return {
    ...toEngagementFacts(r),
    ...(r.contact_json ? { contact: JSON.parse(r.contact_json) as Actor } : {}),
    createdAt: r.created_at,
    ...(r.terminated_decision && r.terminated_at
      ? {
          termination: {
            decision: r.terminated_decision,
            at: r.terminated_at,
            by: JSON.parse(r.terminated_by_json ?? '{}') as Actor,
            ...(r.original_end_date ? { originalEndDate: r.original_end_date } : {}),
          },
        }
      : {}),
  };
}
