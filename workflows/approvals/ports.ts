import type { Actor, PersonLink, Platform, Target } from '../../src/core/actor.ts';
import type { EngagementType, LocalDate } from '../../src/core/command.ts';
import type { OutboxWriter } from '../../src/core/outbox.ts';
import type { Locale } from '../../src/i18n/index.ts';

/** Ports and settings of R3 board approval and R4 who decides what. */

export const applicationStatuses = [
  'draft',
  'awaiting',
  'approved',
  'rejected',
  'changes',
  'expired',
  'submitted',
  'granted',
  'denied',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export type DecisionOutcome = 'approved' | 'rejected' | 'changes';
export const decisionOutcomes: readonly DecisionOutcome[] = ['approved', 'rejected', 'changes'];

/** The kinds of body that decide (R4). `committee` is the committee that owns the engagement. */
export const bodyKinds = ['board', 'presidium', 'council', 'committee', 'school'] as const;
export type BodyKind = (typeof bodyKinds)[number];

/** The kinds of matter a municipality's policy assigns to a body (R4). */
export const matterKinds = [
  'application',
  'twin-town',
  'partnership-programme',
  'partner-country',
  'school-exchange',
  'school-exchange-cost',
  'culture-sport',
  'business-tourism',
  'conference-visit',
] as const;
export type MatterKind = (typeof matterKinds)[number];

export interface GovernanceRule {
  readonly matter: MatterKind;
  /** Only for engagements of these types; without it, any. The first matching rule wins. */
  readonly engagementTypes?: readonly EngagementType[];
  readonly body: BodyKind;
  /** A body that must be consulted first ("after consulting the board"). */
  readonly after?: BodyKind;
  /** Why: the policy's words, shown on the request card. */
  readonly reason: string;
}

export interface Approvers {
  readonly slackUsers: readonly string[];
  /** Slack user groups (S…) whose members may decide; resolved when someone presses. */
  readonly slackGroups: readonly string[];
  /** Teams: AAD object ids or e-mail addresses (lower case). */
  readonly teams: readonly string[];
}

export interface BodySettings {
  readonly id: string;
  readonly kind: BodyKind;
  readonly name: string;
  /** For a committee body: the committee it is (defaults to its id). */
  readonly committeeId?: string;
  /** Where its requests are posted. */
  readonly targets: readonly Target[];
  readonly approvers: Approvers;
  /** Meeting days, `YYYY-MM-DD`, sorted. */
  readonly meetings: readonly LocalDate[];
}

/** Resolves Slack user groups (usergroups.users.list); the Slack side implements it. */
export interface ApproverGroups {
  membersOf(platform: Platform, groupId: string): Promise<readonly string[]>;
}

export interface GovernanceSettings {
  readonly bodies: readonly BodySettings[];
  readonly rules: readonly GovernanceRule[];
  /** The preset the rules came from, if any (shown in logs and tests). */
  readonly preset?: string;
  /** Warn when the call closes within this many working days. */
  readonly warnWorkingDays: number;
  readonly groups?: ApproverGroups;
  /** Accounts the configuration names as one person (besides a shared verified e-mail). */
  readonly people?: readonly PersonLink[];
}

export interface ApplicationRecord {
  readonly id: number;
  readonly engagementId: number;
  readonly callText: string;
  readonly callId?: number;
  readonly closesOn?: LocalDate;
  readonly amount?: number;
  readonly prestudy: boolean;
  readonly matter: MatterKind;
  readonly bodyId?: string;
  readonly consultBodyId?: string;
  readonly rule?: string;
  readonly status: ApplicationStatus;
  readonly round: number;
  readonly requestedBy: Actor;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly submittedAt?: string;
}

export type NewApplication = Omit<ApplicationRecord, 'id' | 'round' | 'updatedAt' | 'submittedAt'>;

export interface StatusChange {
  readonly from: readonly ApplicationStatus[];
  readonly to: ApplicationStatus;
  readonly at: string;
  /** Only when the request is still in this round (a stale card names an older one). */
  readonly round?: number;
  /** Starts the next round (a resubmission). */
  readonly nextRound?: boolean;
}

export interface ApplicationRepository {
  insert(application: NewApplication): Promise<ApplicationRecord>;
  get(id: number): Promise<ApplicationRecord | undefined>;
  /** A conditional update: false when the application was not in `from` (someone was quicker). */
  transition(id: number, change: StatusChange): Promise<boolean>;
  listByStatus(statuses: readonly ApplicationStatus[], limit: number, offset?: number): Promise<ApplicationRecord[]>;
  /** How many are in these statuses, counted in SQL. */
  countByStatus(statuses: readonly ApplicationStatus[]): Promise<number>;
  listForEngagement(engagementId: number): Promise<ApplicationRecord[]>;
}

export interface DecisionRecord {
  readonly id: number;
  readonly applicationId: number;
  readonly round: number;
  readonly bodyId: string;
  readonly outcome: DecisionOutcome;
  readonly reference: string;
  readonly comment: string;
  readonly decidedBy: Actor;
  readonly decidedAt: string;
}

/** A decision with what the records register needs to know about its application. */
export interface DecisionRow extends DecisionRecord {
  readonly engagementId: number;
  readonly engagementTitle: string;
  readonly callText: string;
  readonly amount?: number;
}

export interface DecisionRepository {
  /** Records the round's decision; undefined when the round already has one (it lost). */
  record(decision: Omit<DecisionRecord, 'id'>): Promise<DecisionRecord | undefined>;
  forRound(applicationId: number, round: number): Promise<DecisionRecord | undefined>;
  forApplication(applicationId: number): Promise<DecisionRecord[]>;
  /** Decisions made in [from, to) (UTC instants), oldest first. */
  between(from: string, to: string): Promise<DecisionRow[]>;
}

export interface AuditEntry {
  readonly applicationId: number;
  readonly event: string;
  readonly from?: ApplicationStatus;
  readonly to: ApplicationStatus;
  readonly actor?: Actor;
  readonly detail?: string;
  readonly at: string;
}

export interface AuditRepository {
  append(entry: AuditEntry): Promise<void>;
  forApplication(applicationId: number): Promise<AuditEntry[]>;
}

export interface EngagementInfo {
  readonly id: number;
  readonly title: string;
  readonly type: EngagementType;
  readonly committeeId: string;
}

export interface EngagementReader {
  get(id: number): Promise<EngagementInfo | undefined>;
}

export interface CallInfo {
  readonly id: number;
  readonly name: string;
  readonly funder?: string;
  /** `MM-DD` */
  readonly opens: string;
  /** `MM-DD` */
  readonly closes: string;
  readonly yearly: boolean;
}

export interface CallReader {
  get(id: number): Promise<CallInfo | undefined>;
  list(): Promise<CallInfo[]>;
}

/** E-mail addresses the bot has seen, to match Teams approvers named by e-mail. */
export interface PeopleReader {
  emailOf(platform: Platform, userId: string): Promise<string | undefined>;
}

export interface GovernanceRepos {
  readonly applications: ApplicationRepository;
  readonly decisions: DecisionRepository;
  readonly audit: AuditRepository;
  readonly engagements: EngagementReader;
  readonly calls: CallReader;
  readonly governancePeople: PeopleReader;
  readonly outbox: OutboxWriter;
}

/** What the decisions register export is made from: plain data, so it can run in a worker thread. */
export interface DecisionsCsvJob {
  readonly rows: readonly DecisionRow[];
  /** Body id → name, as the configuration has it now. */
  readonly bodyNames: Readonly<Record<string, string>>;
  readonly zone: string;
  readonly locale: Locale;
}

/** Renders the export off the event loop; rejects with a BotFailure when rendering fails or times out. */
export interface DecisionsRenderer {
  decisionsCsv(job: DecisionsCsvJob): Promise<Uint8Array>;
}
