import type { Actor, Target } from '../../src/core/actor.ts';
import type { EngagementType } from '../../src/core/command.ts';
import type { OutboxWriter } from '../../src/core/outbox.ts';

/** What the visits workflow (R5) needs from configuration. */
export interface VisitsSettings {
  /** Where filed reports are posted: the board's channels (R5, "redovisas till kommunstyrelsen"). */
  readonly boardTargets: readonly Target[];
  /** The board's name as people know it, e.g. Kommunstyrelsen. */
  readonly boardName: string;
  /** Working days between reminders while a report is owed. */
  readonly reminderEveryWorkingDays: number;
  /** Reminders to the lead before the coordinator is told. */
  readonly remindersBeforeEscalation: number;
  /** Reciprocal twin-town visits per term of office before a warning [004]. */
  readonly twinTownVisitsPerTerm: number;
}

export type VisitDirection = 'out' | 'in';
export type VisitStatus = 'planned' | 'cancelled' | 'done';

export interface VisitRecord {
  readonly id: number;
  readonly engagementId: number;
  readonly direction: VisitDirection;
  readonly fromDate: string;
  readonly toDate: string;
  readonly place?: string;
  readonly lead: Actor;
  readonly participants?: number;
  readonly status: VisitStatus;
  readonly createdAt: string;
}

export type NewVisit = Omit<VisitRecord, 'id' | 'status'> & { readonly createdBy: Actor };

export type VisitPatch = Partial<Pick<VisitRecord, 'engagementId' | 'direction' | 'fromDate' | 'toDate' | 'place' | 'participants' | 'status'>>;

export interface VisitFilter {
  /** Visits not yet over on this day (to-date on or after it), not cancelled. */
  readonly upcomingFrom?: string;
  /** Visits over before this day whose report is not filed, not cancelled. */
  readonly reportsDueBefore?: string;
  readonly leadKey?: string;
  readonly limit: number;
  readonly offset?: number;
}

export interface VisitRepository {
  insert(visit: NewVisit): Promise<VisitRecord>;
  get(id: number): Promise<VisitRecord | undefined>;
  list(filter: VisitFilter): Promise<VisitRecord[]>;
  /** How many match, counted in SQL. */
  count(filter: Omit<VisitFilter, 'limit' | 'offset'>): Promise<number>;
  listForEngagement(engagementId: number): Promise<VisitRecord[]>;
  /** Changes the fields given (a correction brought in by an import). */
  update(id: number, patch: VisitPatch): Promise<void>;
  /** Marks a planned visit done; false when it was not planned. */
  markDone(id: number): Promise<boolean>;
}

/** The report's content, as the form collects it. */
export interface ReportContent {
  readonly purpose: string;
  readonly activities: string;
  readonly participants: string;
  readonly results: string;
  readonly costs: string;
  readonly followUps: string;
}

export interface VisitReportRecord extends ReportContent {
  readonly id: number;
  readonly visitId: number;
  readonly version: number;
  readonly filedBy: Actor;
  readonly filedAt: string;
}

export interface VisitReportRepository {
  /** Stores the next version of a visit's report (1 for the first filing). */
  file(visitId: number, content: ReportContent, by: Actor, at: string): Promise<VisitReportRecord>;
  latest(visitId: number): Promise<VisitReportRecord | undefined>;
  version(visitId: number, version: number): Promise<VisitReportRecord | undefined>;
}

/** The little the visits workflow needs to know about an engagement. */
export interface VisitEngagement {
  readonly id: number;
  readonly title: string;
  readonly type: EngagementType;
  readonly committeeId: string;
  readonly partner?: string;
  readonly status: string;
  readonly endDate?: string;
}

export interface VisitEngagementLookup {
  get(id: number): Promise<VisitEngagement | undefined>;
  list(filter: { limit: number; open?: boolean }): Promise<VisitEngagement[]>;
}

export interface VisitsRepos {
  readonly visits: VisitRepository;
  readonly visitReports: VisitReportRepository;
  readonly engagements: VisitEngagementLookup;
  readonly outbox: OutboxWriter;
}
