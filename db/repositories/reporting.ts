import type { Kysely, Selectable } from 'kysely';
import { actorKey, type Actor } from '../../src/core/actor.ts';
import type { LocalDate } from '../../src/core/command.ts';
import type {
  AnnualRound,
  AnnualRoundRepository,
  CalendarToken,
  CalendarTokenRepository,
  DecisionFact,
  DeadlineFact,
  EngagementFact,
  FundingCallFact,
  ReportSources,
  VisitFact,
  ReportPeriod,
  YearSources,
} from '../../workflows/reporting/ports.ts';
import type { AnnualRoundTable } from '../schema-reporting.ts';
import { factColumns, toEngagementFacts } from './engagement-facts.ts';
import type { Database } from '../schema.ts';

/** The reporting workflow's repositories over one connection or transaction. */
export function reportingRepositories(db: Kysely<Database>, now: () => string) {
  return {
    annualRounds: new KyselyAnnualRounds(db, now),
    calendarTokens: new KyselyCalendarTokens(db),
    reportSources: new KyselyReportSources(db),
  };
}

export class KyselyAnnualRounds implements AnnualRoundRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => string,
  ) {}

  async get(year: number, committeeId: string): Promise<AnnualRound | undefined> {
    const row = await this.db.selectFrom('annual_rounds').selectAll().where('year', '=', year).where('committee_id', '=', committeeId).executeTakeFirst();
    return row ? toRound(row) : undefined;
  }

  async listForYear(year: number): Promise<AnnualRound[]> {
    const rows = await this.db.selectFrom('annual_rounds').selectAll().where('year', '=', year).orderBy('committee_id').execute();
    return rows.map(toRound);
  }

  async confirm(year: number, committeeId: string, by: Actor, at: string): Promise<boolean> {
    await this.ensure(year, committeeId);
    // The null check makes two simultaneous presses produce one confirmation.
    const result = await this.db
      .updateTable('annual_rounds')
      .set({ confirmed_by_json: JSON.stringify(by), confirmed_at: at, updated_at: at })
      .where('year', '=', year)
      .where('committee_id', '=', committeeId)
      .where('confirmed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async saveSummary(year: number, committeeId: string, summary: string, by: Actor, at: string): Promise<void> {
    await this.ensure(year, committeeId);
    await this.db
      .updateTable('annual_rounds')
      .set({ summary, summary_by_json: JSON.stringify(by), summary_at: at, updated_at: at })
      .where('year', '=', year)
      .where('committee_id', '=', committeeId)
      .execute();
  }

  private async ensure(year: number, committeeId: string): Promise<void> {
    const at = this.now();
    await this.db
      .insertInto('annual_rounds')
      .values({ year, committee_id: committeeId, created_at: at, updated_at: at })
      .onConflict((oc) => oc.columns(['year', 'committee_id']).doNothing())
      .execute();
  }
}

function toRound(r: Selectable<AnnualRoundTable>): AnnualRound {
  return {
    year: r.year,
    committeeId: r.committee_id,
    ...(r.summary ? { summary: r.summary } : {}),
    ...(r.summary_by_json ? { summaryBy: JSON.parse(r.summary_by_json) as Actor } : {}),
    ...(r.summary_at ? { summaryAt: r.summary_at } : {}),
    ...(r.confirmed_by_json ? { confirmedBy: JSON.parse(r.confirmed_by_json) as Actor } : {}),
    ...(r.confirmed_at ? { confirmedAt: r.confirmed_at } : {}),
  };
}

export class KyselyCalendarTokens implements CalendarTokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async issue(hash: string, owner: Actor, committeeId: string | undefined, at: string): Promise<void> {
    const scope = committeeId ?? '';
    await this.db
      .updateTable('calendar_tokens')
      .set({ revoked_at: at })
      .where('owner_key', '=', actorKey(owner))
      .where('committee_id', '=', scope)
      .where('revoked_at', 'is', null)
      .execute();
    await this.db
      .insertInto('calendar_tokens')
      .values({ token_hash: hash, owner_key: actorKey(owner), owner_json: JSON.stringify(owner), committee_id: scope, created_at: at, revoked_at: null })
      .execute();
  }

  async find(hash: string): Promise<CalendarToken | undefined> {
    const row = await this.db
      .selectFrom('calendar_tokens')
      .select(['owner_json', 'committee_id'])
      .where('token_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return undefined;
    return { owner: JSON.parse(row.owner_json) as Actor, ...(row.committee_id ? { committeeId: row.committee_id } : {}) };
  }
}

export class KyselyReportSources implements ReportSources {
  constructor(private readonly db: Kysely<Database>) {}

  async forPeriod(period: ReportPeriod, committeeId?: string): Promise<YearSources> {
    const { from, to, startsAt, endsBefore } = period;
    const engagements = await this.db
      .selectFrom('engagements')
      .select(factColumns)
      .$if(committeeId !== undefined, (q) => q.where('committee_id', '=', committeeId ?? ''))
      // An engagement without a start date counts once it is past the idea stage.
      .where((eb) => eb.or([eb('start_date', '<=', to), eb.and([eb('start_date', 'is', null), eb('status', '!=', 'idea')])]))
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', from)]))
      .orderBy('committee_id')
      .orderBy('start_date')
      .orderBy('id')
      .execute();
    const deadlines = await this.db
      .selectFrom('deadlines')
      .select(['id', 'title', 'due_date', 'due_time', 'engagement_id', 'committee_id', 'status'])
      .where('due_date', '>=', from)
      .where('due_date', '<=', to)
      .$if(committeeId !== undefined, (q) => q.where('committee_id', '=', committeeId ?? ''))
      .orderBy('due_date')
      .orderBy('id')
      .execute();
    const visits = await this.visitsBetween(from, to, committeeId);
    const applications = await this.db
      .selectFrom('applications')
      .innerJoin('engagements', 'engagements.id', 'applications.engagement_id')
      .select(['applications.id', 'applications.engagement_id', 'applications.call_text', 'applications.amount', 'applications.prestudy', 'applications.status', 'applications.created_at', 'applications.submitted_at'])
      .where((eb) =>
        eb.or([
          eb.and([eb('applications.created_at', '>=', startsAt), eb('applications.created_at', '<', endsBefore)]),
          eb.and([eb('applications.submitted_at', '>=', startsAt), eb('applications.submitted_at', '<', endsBefore)]),
        ]),
      )
      .$if(committeeId !== undefined, (q) => q.where('engagements.committee_id', '=', committeeId ?? ''))
      .orderBy('applications.created_at')
      .orderBy('applications.id')
      .execute();
    const decisions = await this.db
      .selectFrom('decisions')
      .innerJoin('applications', 'applications.id', 'decisions.application_id')
      .innerJoin('engagements', 'engagements.id', 'applications.engagement_id')
      .select(['decisions.id', 'decisions.application_id', 'applications.engagement_id', 'decisions.body', 'decisions.outcome', 'decisions.reference', 'decisions.decided_at'])
      .where('decisions.decided_at', '>=', startsAt)
      .where('decisions.decided_at', '<', endsBefore)
      .$if(committeeId !== undefined, (q) => q.where('engagements.committee_id', '=', committeeId ?? ''))
      .orderBy('decisions.decided_at')
      .orderBy('decisions.id')
      .execute();
    return {
      engagements: engagements.map(toEngagementFacts),
      deadlines: deadlines.map(toDeadlineFact),
      visits,
      applications: applications.map((a) => ({
        id: a.id,
        engagementId: a.engagement_id,
        call: a.call_text,
        ...(a.amount !== null ? { amount: a.amount } : {}),
        prestudy: a.prestudy === 1,
        status: a.status,
        createdAt: a.created_at,
        ...(a.submitted_at ? { submittedAt: a.submitted_at } : {}),
      })),
      decisions: decisions.map((d) => ({
        id: d.id,
        applicationId: d.application_id,
        engagementId: d.engagement_id,
        body: d.body,
        outcome: d.outcome as DecisionFact['outcome'],
        ...(d.reference ? { reference: d.reference } : {}),
        decidedAt: d.decided_at,
      })),
    };
  }

  private async visitsBetween(from: LocalDate, to: LocalDate | undefined, committeeId: string | undefined) {
    const rows = await this.db
      .selectFrom('visits')
      .innerJoin('engagements', 'engagements.id', 'visits.engagement_id')
      .select((eb) => [
        'visits.id',
        'visits.engagement_id',
        'visits.direction',
        'visits.from_date',
        'visits.to_date',
        'visits.place',
        'visits.participants',
        'visits.lead_json',
        'visits.status',
        'engagements.title as engagement_title',
        eb.exists(eb.selectFrom('visit_reports').select('visit_reports.id').whereRef('visit_reports.visit_id', '=', 'visits.id')).as('reported'),
      ])
      .where('visits.to_date', '>=', from)
      .$if(to !== undefined, (q) => q.where('visits.from_date', '<=', to ?? ''))
      .$if(committeeId !== undefined, (q) => q.where('engagements.committee_id', '=', committeeId ?? ''))
      .orderBy('visits.from_date')
      .orderBy('visits.id')
      .limit(20_000)
      .execute();
    return rows.map((v) => {
      const lead = JSON.parse(v.lead_json) as Partial<Actor>;
      return {
        id: v.id,
        engagementId: v.engagement_id,
        engagementTitle: v.engagement_title,
        direction: v.direction === 'in' ? ('in' as const) : ('out' as const),
        fromDate: v.from_date,
        toDate: v.to_date,
        ...(v.place ? { place: v.place } : {}),
        ...(v.participants !== null ? { participants: v.participants } : {}),
        ...(lead.name ? { lead: lead.name } : {}),
        status: v.status as VisitFact['status'],
        // PostgreSQL answers EXISTS with a boolean, SQLite with 0/1.
        reported: v.reported === true || Number(v.reported) === 1,
      };
    });
  }

  async ongoing(): Promise<EngagementFact[]> {
    const rows = await this.db.selectFrom('engagements').select(factColumns).where('status', 'in', ['running', 'reporting']).orderBy('title').orderBy('id').execute();
    return rows.map(toEngagementFacts);
  }

  async deadlinesFrom(from: LocalDate, committeeId?: string): Promise<DeadlineFact[]> {
    const rows = await this.db
      .selectFrom('deadlines')
      .select(['id', 'title', 'due_date', 'due_time', 'engagement_id', 'committee_id', 'status'])
      .where('due_date', '>=', from)
      .$if(committeeId !== undefined, (q) => q.where('committee_id', '=', committeeId ?? ''))
      .orderBy('due_date')
      .orderBy('id')
      .limit(5000)
      .execute();
    return rows.map(toDeadlineFact);
  }

  async visitsFrom(from: LocalDate, committeeId?: string): Promise<(VisitFact & { readonly engagementTitle: string })[]> {
    return this.visitsBetween(from, undefined, committeeId);
  }

  async fundingCalls(): Promise<FundingCallFact[]> {
    const rows = await this.db.selectFrom('funding_calls').selectAll().orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      opens: r.opens_md,
      closes: r.closes_md,
      ...(r.funder ? { funder: r.funder } : {}),
      yearly: r.yearly === 1,
    }));
  }
}

function toDeadlineFact(r: {
  id: number;
  title: string;
  due_date: string;
  due_time: string | null;
  engagement_id: number | null;
  committee_id: string | null;
  status: string;
}): DeadlineFact {
  return {
    id: r.id,
    title: r.title,
    dueDate: r.due_date,
    ...(r.due_time ? { dueTime: r.due_time } : {}),
    ...(r.engagement_id !== null ? { engagementId: r.engagement_id } : {}),
    ...(r.committee_id !== null ? { committeeId: r.committee_id } : {}),
    status: r.status === 'done' ? 'done' : 'open',
  };
}
