import type { Actor } from '../../src/core/actor.ts';
import type { EngagementFacts } from '../../src/core/engagement.ts';
import type { EngagementStatus } from '../../src/core/command.ts';
import type { OutboxWriter } from '../../src/core/outbox.ts';

/** The register's whole row: the public facts, the contact person, and its history. */
export interface EngagementRecord extends EngagementFacts {
  readonly contact?: Actor;
  readonly createdAt: string;
  readonly termination?: Termination;
}

/** R7: the decision that ended an engagement early, and the end date it replaced. */
export interface Termination {
  readonly decision: string;
  readonly at: string;
  readonly by: Actor;
  readonly originalEndDate?: string;
}

export type NewEngagement = Omit<EngagementRecord, 'id' | 'createdAt' | 'termination'> & { readonly createdBy: Actor; readonly createdAt: string };

/** The register fields an import may correct. */
export type EngagementPatch = Partial<Pick<EngagementRecord, 'title' | 'type' | 'committeeId' | 'partner' | 'country' | 'funder' | 'startDate' | 'endDate'>>;

export interface EngagementFilter {
  readonly committeeId?: string;
  readonly status?: EngagementStatus;
  /** Not closed or terminated: what a visit or an application can still be for. */
  readonly open?: boolean;
}

export interface EngagementRepository {
  insert(engagement: NewEngagement): Promise<EngagementRecord>;
  get(id: number): Promise<EngagementRecord | undefined>;
  list(filter: EngagementFilter & { limit: number; offset?: number }): Promise<EngagementRecord[]>;
  /** How many match, counted in SQL. */
  count(filter: EngagementFilter): Promise<number>;
  /** Changes the fields given (a correction brought in by an import). */
  update(id: number, patch: EngagementPatch, at: string): Promise<void>;
  /** Ends an engagement that is not already terminated; false when it was. */
  terminate(id: number, endDate: string, termination: Termination): Promise<boolean>;
  /** The engagement's applications for project money (R3), oldest first. */
  applicationsFor(engagementId: number): Promise<EngagementApplication[]>;
  /** Decisions on those applications, oldest first; public records, never edited. */
  decisionsFor(engagementId: number): Promise<EngagementDecision[]>;
}

export interface EngagementApplication {
  readonly id: number;
  readonly call: string;
  readonly amount?: number;
  readonly status: string;
}

export interface EngagementDecision {
  readonly applicationId: number;
  readonly body: string;
  readonly outcome: string;
  readonly reference: string;
  readonly decidedAt: string;
}

/** What the detail view shows of an engagement's deadlines. */
export interface EngagementDeadline {
  readonly id: number;
  readonly title: string;
  readonly dueDate: string;
  readonly dueTime?: string;
  readonly status: 'open' | 'done';
}

export interface EngagementDeadlineLookup {
  listForEngagement(engagementId: number): Promise<EngagementDeadline[]>;
}

/** What the detail view and the termination need of an engagement's visits. */
export interface EngagementVisit {
  readonly id: number;
  readonly direction: 'out' | 'in';
  readonly fromDate: string;
  readonly toDate: string;
  readonly place?: string;
  readonly status: 'planned' | 'cancelled' | 'done';
}

export interface EngagementVisitLookup {
  listForEngagement(engagementId: number): Promise<EngagementVisit[]>;
  /** Cancels the planned visits that start after `date`; returns them. */
  cancelPlannedAfter(engagementId: number, date: string, at: string): Promise<EngagementVisit[]>;
}

export interface EngagementReport {
  readonly visitId: number;
  readonly version: number;
  readonly filedAt: string;
}

export interface EngagementReportLookup {
  /** The latest version of each filed report of the engagement's visits. */
  listForEngagement(engagementId: number): Promise<EngagementReport[]>;
}

export interface EngagementRepos {
  readonly engagements: EngagementRepository;
  readonly deadlines: EngagementDeadlineLookup;
  readonly visits: EngagementVisitLookup;
  readonly visitReports: EngagementReportLookup;
  readonly outbox: OutboxWriter;
}
