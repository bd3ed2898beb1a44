/** Ports and settings of R6 annual reporting, R8 term of office, R9 calendar and public feed. */
import type { Actor } from '../../src/core/actor.ts';
import type { EngagementFacts } from '../../src/core/engagement.ts';
import type { LocalDate, MonthDay } from '../../src/core/command.ts';
import type { OutboxWriter } from '../../src/core/outbox.ts';
import type { FileAttachment } from '../../src/core/reply.ts';
import type { Locale } from '../../src/i18n/index.ts';
import type { AnnualReport } from './document/model.ts';

export interface ReportingSettings {
  /** The day each committee is asked about the year just ended (`MM-DD`, default 01-15). */
  readonly annualReminderDay: MonthDay;
  /** Weekly follow-ups to committees that have not confirmed, at most this many. */
  readonly annualFollowUps: number;
  /** R8: remind the coordinator in the first year of each term that the policy is due. */
  readonly termReminder: boolean;
  readonly calendarFeed: { readonly enabled: boolean; readonly path: string };
  /** Public page (`path`) and JSON (`path.json`) of ongoing engagements; off unless configured. */
  readonly publicFeed: { readonly enabled: boolean; readonly path: string; readonly title?: string };
  /** Where people reach the bot from outside, e.g. `https://samverkan.tyreso.se`; asked when an address is made. */
  readonly publicBaseUrl: () => string;
  /** The deciding bodies' meeting days, shown in calendar feeds (from the governance section). */
  readonly boardMeetings: readonly { readonly date: LocalDate; readonly body: string }[];
}

/** What the report and the public list may show of an engagement (never its contact person). */
export type EngagementFact = EngagementFacts;

export interface DeadlineFact {
  readonly id: number;
  readonly title: string;
  readonly dueDate: LocalDate;
  readonly dueTime?: string;
  readonly engagementId?: number;
  readonly committeeId?: string;
  readonly status: 'open' | 'done';
}

export interface VisitFact {
  readonly id: number;
  readonly engagementId: number;
  readonly direction: 'out' | 'in';
  readonly fromDate: LocalDate;
  readonly toDate: LocalDate;
  readonly place?: string;
  readonly participants?: number;
  /** Who led it, as a name to print. */
  readonly lead?: string;
  readonly status: 'planned' | 'cancelled' | 'done';
  /** True when a post-visit report has been filed. */
  readonly reported: boolean;
}

export interface ApplicationFact {
  readonly id: number;
  readonly engagementId: number;
  readonly call: string;
  readonly amount?: number;
  readonly prestudy: boolean;
  readonly status: string;
  readonly createdAt: string;
  readonly submittedAt?: string;
}

export interface DecisionFact {
  readonly id: number;
  readonly applicationId: number;
  readonly engagementId: number;
  readonly body: string;
  readonly outcome: 'approved' | 'rejected' | 'changes';
  readonly reference?: string;
  readonly decidedAt: string;
}

export interface FundingCallFact {
  readonly id: number;
  readonly name: string;
  readonly opens: MonthDay;
  readonly closes: MonthDay;
  readonly funder?: string;
  readonly yearly: boolean;
}

/** Everything the bot knows of one year (optionally one committee's share of it). */
export interface YearSources {
  readonly engagements: readonly EngagementFact[];
  readonly deadlines: readonly DeadlineFact[];
  readonly visits: readonly VisitFact[];
  readonly applications: readonly ApplicationFact[];
  readonly decisions: readonly DecisionFact[];
}

/** Days from `from` to `to`, both included, and the same span as UTC instants in the municipality's zone. */
export interface ReportPeriod {
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** The first moment of `from`. */
  readonly startsAt: string;
  /** The first moment after `to`. */
  readonly endsBefore: string;
}

export interface ReportSources {
  /**
   * Engagements whose period touches the days, the deadlines and visits dated in them, and the
   * applications and decisions made in it: a decision at 00:30 on New Year's Day in Stockholm is
   * 23:30 UTC the day before, and belongs to the new year.
   */
  forPeriod(period: ReportPeriod, committeeId?: string): Promise<YearSources>;
  /** Engagements running or reporting now: the public list. */
  ongoing(): Promise<EngagementFact[]>;
  /** Deadlines due on or after `from` (calendar feed), of one committee or all. */
  deadlinesFrom(from: LocalDate, committeeId?: string): Promise<DeadlineFact[]>;
  /** Visits ending on or after `from` (calendar feed). */
  visitsFrom(from: LocalDate, committeeId?: string): Promise<(VisitFact & { readonly engagementTitle: string })[]>;
  fundingCalls(): Promise<FundingCallFact[]>;
}

export interface AnnualRound {
  readonly year: number;
  readonly committeeId: string;
  readonly summary?: string;
  readonly summaryBy?: Actor;
  readonly summaryAt?: string;
  readonly confirmedBy?: Actor;
  readonly confirmedAt?: string;
}

export interface AnnualRoundRepository {
  get(year: number, committeeId: string): Promise<AnnualRound | undefined>;
  listForYear(year: number): Promise<AnnualRound[]>;
  /** Records the confirmation; false when it was already confirmed (someone was quicker). */
  confirm(year: number, committeeId: string, by: Actor, at: string): Promise<boolean>;
  saveSummary(year: number, committeeId: string, summary: string, by: Actor, at: string): Promise<void>;
}

export interface CalendarToken {
  readonly owner: Actor;
  readonly committeeId?: string;
}

export interface CalendarTokenRepository {
  /** Stores a new token's hash and revokes the owner's earlier tokens of the same scope. */
  issue(hash: string, owner: Actor, committeeId: string | undefined, at: string): Promise<void>;
  /** The live token with this hash, if any. */
  find(hash: string): Promise<CalendarToken | undefined>;
}

export interface ReportingRepos {
  readonly annualRounds: AnnualRoundRepository;
  readonly calendarTokens: CalendarTokenRepository;
  readonly reportSources: ReportSources;
  readonly outbox: OutboxWriter;
}

/**
 * What `annual <year>` asks for: plain data, so a worker thread can read the year from its own
 * connection, build the report and render it, and the event loop does none of that work.
 */
export interface AnnualReportQuery {
  readonly municipality: string;
  readonly year: number;
  readonly compiledOn: LocalDate;
  readonly committees: readonly { readonly id: string; readonly name: string }[];
  readonly onlyCommittee?: string;
  readonly period: ReportPeriod;
  readonly locale: Locale;
  readonly zone: string;
}

/** The documents, and the figures the "report ready" card shows. */
export interface RenderedAnnualReport {
  readonly year: number;
  readonly totals: AnnualReport['totals'];
  readonly files: FileAttachment[];
}

/** Reads, builds and renders off the event loop; rejects with a BotFailure when that fails or times out. */
export interface ReportRenderer {
  annualReport(query: AnnualReportQuery): Promise<RenderedAnnualReport>;
}
