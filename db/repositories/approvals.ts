import { sql, type Kysely, type Selectable } from 'kysely';
import { actorKey, type Actor, type Platform } from '../../src/core/actor.ts';
import type {
  ApplicationRecord,
  ApplicationRepository,
  ApplicationStatus,
  AuditEntry,
  AuditRepository,
  DecisionOutcome,
  DecisionRecord,
  DecisionRepository,
  DecisionRow,
  MatterKind,
  NewApplication,
  PeopleReader,
  StatusChange,
} from '../../workflows/approvals/ports.ts';
import type { ApplicationTable, DecisionTable } from '../schema-approvals.ts';
import type { Database } from '../schema.ts';

/** The approvals workflow's repositories over one connection or transaction. */
export function approvalsRepositories(db: Kysely<Database>, _now: () => string) {
  return {
    applications: new KyselyApplications(db),
    decisions: new KyselyDecisions(db),
    audit: new KyselyAudit(db),
    governancePeople: new KyselyPeopleReader(db),
  };
}

export class KyselyApplications implements ApplicationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(a: NewApplication): Promise<ApplicationRecord> {
    const row = await this.db
      .insertInto('applications')
      .values({
        engagement_id: a.engagementId,
        call_text: a.callText,
        call_id: a.callId ?? null,
        closes_on: a.closesOn ?? null,
        amount: a.amount ?? null,
        prestudy: a.prestudy ? 1 : 0,
        matter: a.matter,
        body: a.bodyId ?? null,
        consult_body: a.consultBodyId ?? null,
        rule_text: a.rule ?? null,
        status: a.status,
        round: 1,
        requested_by_key: actorKey(a.requestedBy),
        requested_by_json: JSON.stringify(a.requestedBy),
        created_at: a.createdAt,
        updated_at: a.createdAt,
        submitted_at: null,
        closed_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toApplication(row);
  }

  async get(id: number): Promise<ApplicationRecord | undefined> {
    const row = await this.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toApplication(row) : undefined;
  }

  async transition(id: number, change: StatusChange): Promise<boolean> {
    // The WHERE on status (and round) is what makes two simultaneous changes produce one.
    const result = await this.db
      .updateTable('applications')
      .set({
        status: change.to,
        updated_at: change.at,
        ...(change.nextRound ? { round: sql<number>`round + 1` } : {}),
        ...(change.to === 'submitted' ? { submitted_at: change.at } : {}),
        ...(change.to === 'granted' || change.to === 'denied' ? { closed_at: change.at } : {}),
      })
      .where('id', '=', id)
      .where('status', 'in', change.from)
      .$if(change.round !== undefined, (q) => q.where('round', '=', change.round ?? 0))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async listByStatus(statuses: readonly ApplicationStatus[], limit: number, offset = 0): Promise<ApplicationRecord[]> {
    const rows = await this.db
      .selectFrom('applications')
      .selectAll()
      .where('status', 'in', statuses)
      .orderBy('id')
      .limit(limit)
      .$if(offset > 0, (q) => q.offset(offset))
      .execute();
    return rows.map(toApplication);
  }

  async countByStatus(statuses: readonly ApplicationStatus[]): Promise<number> {
    const row = await this.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .where('status', 'in', statuses)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async listForEngagement(engagementId: number): Promise<ApplicationRecord[]> {
    const rows = await this.db.selectFrom('applications').selectAll().where('engagement_id', '=', engagementId).orderBy('id').execute();
    return rows.map(toApplication);
  }
}

function toApplication(r: Selectable<ApplicationTable>): ApplicationRecord {
  return {
    id: r.id,
    engagementId: r.engagement_id,
    callText: r.call_text,
    ...(r.call_id !== null ? { callId: r.call_id } : {}),
    ...(r.closes_on ? { closesOn: r.closes_on } : {}),
    ...(r.amount !== null ? { amount: Number(r.amount) } : {}),
    prestudy: r.prestudy === 1,
    matter: r.matter as MatterKind,
    ...(r.body ? { bodyId: r.body } : {}),
    ...(r.consult_body ? { consultBodyId: r.consult_body } : {}),
    ...(r.rule_text ? { rule: r.rule_text } : {}),
    status: r.status as ApplicationStatus,
    round: r.round,
    requestedBy: JSON.parse(r.requested_by_json) as Actor,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.submitted_at ? { submittedAt: r.submitted_at } : {}),
  };
}

export class KyselyDecisions implements DecisionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(d: Omit<DecisionRecord, 'id'>): Promise<DecisionRecord | undefined> {
    const row = await this.db
      .insertInto('decisions')
      .values({
        application_id: d.applicationId,
        round: d.round,
        body: d.bodyId,
        outcome: d.outcome,
        reference: d.reference,
        comment: d.comment,
        decided_by_key: actorKey(d.decidedBy),
        decided_by_json: JSON.stringify(d.decidedBy),
        decided_at: d.decidedAt,
      })
      .onConflict((oc) => oc.columns(['application_id', 'round']).doNothing())
      .returningAll()
      .executeTakeFirst();
    return row ? toDecision(row) : undefined;
  }

  async forRound(applicationId: number, round: number): Promise<DecisionRecord | undefined> {
    const row = await this.db
      .selectFrom('decisions')
      .selectAll()
      .where('application_id', '=', applicationId)
      .where('round', '=', round)
      .executeTakeFirst();
    return row ? toDecision(row) : undefined;
  }

  async forApplication(applicationId: number): Promise<DecisionRecord[]> {
    const rows = await this.db.selectFrom('decisions').selectAll().where('application_id', '=', applicationId).orderBy('round').execute();
    return rows.map(toDecision);
  }

  async between(from: string, to: string): Promise<DecisionRow[]> {
    const rows = await this.db
      .selectFrom('decisions')
      .innerJoin('applications', 'applications.id', 'decisions.application_id')
      .innerJoin('engagements', 'engagements.id', 'applications.engagement_id')
      .selectAll('decisions')
      .select(['applications.engagement_id', 'applications.call_text', 'applications.amount', 'engagements.title as engagement_title'])
      .where('decisions.decided_at', '>=', from)
      .where('decisions.decided_at', '<', to)
      .orderBy('decisions.decided_at')
      .orderBy('decisions.id')
      .execute();
    return rows.map((r) => ({
      ...toDecision(r),
      engagementId: r.engagement_id,
      engagementTitle: r.engagement_title,
      callText: r.call_text,
      ...(r.amount !== null ? { amount: Number(r.amount) } : {}),
    }));
  }
}

function toDecision(r: Selectable<DecisionTable>): DecisionRecord {
  return {
    id: r.id,
    applicationId: r.application_id,
    round: r.round,
    bodyId: r.body,
    outcome: r.outcome as DecisionOutcome,
    reference: r.reference,
    comment: r.comment,
    decidedBy: JSON.parse(r.decided_by_json) as Actor,
    decidedAt: r.decided_at,
  };
}

export class KyselyAudit implements AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(e: AuditEntry): Promise<void> {
    await this.db
      .insertInto('application_audit')
      .values({
        application_id: e.applicationId,
        event: e.event,
        from_status: e.from ?? null,
        to_status: e.to,
        actor_json: e.actor ? JSON.stringify(e.actor) : null,
        detail: e.detail ?? null,
        at: e.at,
      })
      .execute();
  }

  async forApplication(applicationId: number): Promise<AuditEntry[]> {
    const rows = await this.db.selectFrom('application_audit').selectAll().where('application_id', '=', applicationId).orderBy('id').execute();
    return rows.map((r) => ({
      applicationId: r.application_id,
      event: r.event,
      ...(r.from_status ? { from: r.from_status as ApplicationStatus } : {}),
      to: r.to_status as ApplicationStatus,
      ...(r.actor_json ? { actor: JSON.parse(r.actor_json) as Actor } : {}),
      ...(r.detail ? { detail: r.detail } : {}),
      at: r.at,
    }));
  }
}

export class KyselyPeopleReader implements PeopleReader {
  constructor(private readonly db: Kysely<Database>) {}

  async emailOf(platform: Platform, userId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('people')
      .select('email')
      .where('platform', '=', platform)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.email ?? undefined;
  }
}
