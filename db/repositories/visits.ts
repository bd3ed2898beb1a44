import type { Kysely, Selectable } from 'kysely';
import { actorKey, type Actor } from '../../src/core/actor.ts';
import type {
  NewVisit,
  ReportContent,
  VisitFilter,
  VisitPatch,
  VisitRecord,
  VisitReportRecord,
  VisitReportRepository,
  VisitRepository,
} from '../../workflows/visits/ports.ts';
import type { Database } from '../schema.ts';
import type { VisitReportTable, VisitTable } from '../schema-visits.ts';

/** The visits workflow's repositories over one connection or transaction. */
export function visitsRepositories(db: Kysely<Database>, _now: () => string) {
  return {
    visits: new KyselyVisits(db),
    visitReports: new KyselyVisitReports(db),
  };
}

export class KyselyVisits implements VisitRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(v: NewVisit): Promise<VisitRecord> {
    const row = await this.db
      .insertInto('visits')
      .values({
        engagement_id: v.engagementId,
        direction: v.direction,
        from_date: v.fromDate,
        to_date: v.toDate,
        place: v.place ?? null,
        lead_key: actorKey(v.lead),
        lead_json: JSON.stringify(v.lead),
        participants: v.participants ?? null,
        status: 'planned',
        created_by_key: actorKey(v.createdBy),
        created_at: v.createdAt,
        cancelled_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toVisit(row);
  }

  async get(id: number): Promise<VisitRecord | undefined> {
    const row = await this.db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toVisit(row) : undefined;
  }

  async list(filter: VisitFilter): Promise<VisitRecord[]> {
    const rows = await this.filtered(filter)
      .selectAll()
      .orderBy('from_date')
      .orderBy('id')
      .limit(filter.limit)
      .$if(filter.offset !== undefined, (q) => q.offset(filter.offset ?? 0))
      .execute();
    return rows.map(toVisit);
  }

  /** A count in SQL: the list says how many there are without loading them. */
  async count(filter: Omit<VisitFilter, 'limit' | 'offset'>): Promise<number> {
    const row = await this.filtered(filter).select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private filtered(filter: Omit<VisitFilter, 'limit' | 'offset'>) {
    return this.db
      .selectFrom('visits')
      .where('status', '!=', 'cancelled')
      .$if(filter.upcomingFrom !== undefined, (q) => q.where('to_date', '>=', filter.upcomingFrom ?? ''))
      .$if(filter.reportsDueBefore !== undefined, (q) =>
        q
          .where('to_date', '<', filter.reportsDueBefore ?? '')
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('visit_reports').select('visit_reports.id').whereRef('visit_reports.visit_id', '=', 'visits.id'))),
          ),
      )
      .$if(filter.leadKey !== undefined, (q) => q.where('lead_key', '=', filter.leadKey ?? ''));
  }

  async listForEngagement(engagementId: number): Promise<VisitRecord[]> {
    const rows = await this.db.selectFrom('visits').selectAll().where('engagement_id', '=', engagementId).orderBy('from_date').orderBy('id').execute();
    return rows.map(toVisit);
  }

  async update(id: number, patch: VisitPatch): Promise<void> {
    await this.db
      .updateTable('visits')
      .set({
        ...(patch.engagementId !== undefined ? { engagement_id: patch.engagementId } : {}),
        ...(patch.direction !== undefined ? { direction: patch.direction } : {}),
        ...(patch.fromDate !== undefined ? { from_date: patch.fromDate } : {}),
        ...(patch.toDate !== undefined ? { to_date: patch.toDate } : {}),
        ...('place' in patch ? { place: patch.place ?? null } : {}),
        ...('participants' in patch ? { participants: patch.participants ?? null } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  async markDone(id: number): Promise<boolean> {
    const result = await this.db.updateTable('visits').set({ status: 'done' }).where('id', '=', id).where('status', '=', 'planned').executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Cancels the engagement's planned visits that start after `date` (R7); returns them. */
  async cancelPlannedAfter(engagementId: number, date: string, at: string): Promise<VisitRecord[]> {
    const rows = await this.db
      .updateTable('visits')
      .set({ status: 'cancelled', cancelled_at: at })
      .where('engagement_id', '=', engagementId)
      .where('status', '=', 'planned')
      .where('from_date', '>', date)
      .returningAll()
      .execute();
    return rows.map(toVisit).sort((a, b) => a.fromDate.localeCompare(b.fromDate));
  }
}

function toVisit(r: Selectable<VisitTable>): VisitRecord {
  return {
    id: r.id,
    engagementId: r.engagement_id,
    direction: r.direction === 'in' ? 'in' : 'out',
    fromDate: r.from_date,
    toDate: r.to_date,
    ...(r.place ? { place: r.place } : {}),
    lead: JSON.parse(r.lead_json) as Actor,
    ...(r.participants !== null ? { participants: r.participants } : {}),
    status: r.status === 'cancelled' ? 'cancelled' : r.status === 'done' ? 'done' : 'planned',
    createdAt: r.created_at,
  };
}

export class KyselyVisitReports implements VisitReportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async file(visitId: number, c: ReportContent, by: Actor, at: string): Promise<VisitReportRecord> {
    const last = await this.db
      .selectFrom('visit_reports')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('visit_id', '=', visitId)
      .executeTakeFirst();
    const row = await this.db
      .insertInto('visit_reports')
      .values({
        visit_id: visitId,
        version: Number(last?.version ?? 0) + 1,
        purpose: c.purpose,
        activities: c.activities,
        participants: c.participants,
        results: c.results,
        costs: c.costs,
        follow_ups: c.followUps,
        filed_by_key: actorKey(by),
        filed_by_json: JSON.stringify(by),
        filed_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toReport(row);
  }

  async latest(visitId: number): Promise<VisitReportRecord | undefined> {
    const row = await this.db.selectFrom('visit_reports').selectAll().where('visit_id', '=', visitId).orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row ? toReport(row) : undefined;
  }

  async version(visitId: number, version: number): Promise<VisitReportRecord | undefined> {
    const row = await this.db.selectFrom('visit_reports').selectAll().where('visit_id', '=', visitId).where('version', '=', version).executeTakeFirst();
    return row ? toReport(row) : undefined;
  }

  /** The latest version of each filed report of an engagement's visits. */
  async listForEngagement(engagementId: number): Promise<VisitReportRecord[]> {
    const rows = await this.db
      .selectFrom('visit_reports')
      .innerJoin('visits', 'visits.id', 'visit_reports.visit_id')
      .selectAll('visit_reports')
      .where('visits.engagement_id', '=', engagementId)
      .orderBy('visit_reports.visit_id')
      .orderBy('visit_reports.version')
      .execute();
    const latest = new Map<number, VisitReportRecord>();
    for (const row of rows) latest.set(row.visit_id, toReport(row));
    return [...latest.values()];
  }
}

function toReport(r: Selectable<VisitReportTable>): VisitReportRecord {
  return {
    id: r.id,
    visitId: r.visit_id,
    version: r.version,
    purpose: r.purpose,
    activities: r.activities,
    participants: r.participants,
    results: r.results,
    costs: r.costs,
    followUps: r.follow_ups,
    filedBy: JSON.parse(r.filed_by_json) as Actor,
    filedAt: r.filed_at,
  };
}
