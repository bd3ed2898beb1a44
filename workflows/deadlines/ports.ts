import type { Actor, Target } from '../../src/core/actor.ts';
import type { OutboxWriter } from '../../src/core/outbox.ts';

export interface DeadlineRecord {
  readonly id: number;
  readonly title: string;
  readonly dueDate: string;
  readonly dueTime?: string;
  /** UTC instant at which the deadline passes. */
  readonly dueAt: string;
  readonly engagementId?: number;
  readonly committeeId?: string;
  readonly owner: Actor;
  /** Where its reminders go besides the owner: the committee's channels or where it was added. */
  readonly channels: readonly Target[];
  readonly remindDays: readonly number[];
  readonly status: 'open' | 'done';
  readonly doneAt?: string;
  readonly doneBy?: Actor;
  readonly createdAt: string;
}

export type NewDeadline = Omit<DeadlineRecord, 'id' | 'status' | 'doneAt' | 'doneBy'> & { readonly createdBy: Actor };

export type DeadlinePatch = Partial<Pick<DeadlineRecord, 'title' | 'dueDate' | 'dueTime' | 'dueAt' | 'engagementId' | 'committeeId' | 'channels'>>;

export interface OpenDeadlineFilter {
  readonly ownerKey?: string;
  readonly committeeId?: string;
}

export interface DeadlineRepository {
  insert(deadline: NewDeadline): Promise<DeadlineRecord>;
  get(id: number): Promise<DeadlineRecord | undefined>;
  /** Marks an open deadline done; false when it was not open (someone was quicker). */
  markDone(id: number, by: Actor, at: string): Promise<boolean>;
  /** Changes the fields given (a correction brought in by an import). */
  update(id: number, patch: DeadlinePatch): Promise<void>;
  listOpen(filter: OpenDeadlineFilter & { limit: number; offset?: number }): Promise<DeadlineRecord[]>;
  countOpen(filter: OpenDeadlineFilter): Promise<number>;
  listForEngagement(engagementId: number): Promise<DeadlineRecord[]>;
}

export interface FundingCallRecord {
  readonly id: number;
  readonly name: string;
  /** `MM-DD` */
  readonly opens: string;
  /** `MM-DD`; before `opens` means the window closes the following year. */
  readonly closes: string;
  readonly funder?: string;
  readonly url?: string;
  readonly yearly: boolean;
  readonly createdAt: string;
}

export interface FundingCallRepository {
  insert(call: Omit<FundingCallRecord, 'id'> & { readonly createdBy: Actor }): Promise<FundingCallRecord>;
  get(id: number): Promise<FundingCallRecord | undefined>;
  list(): Promise<FundingCallRecord[]>;
  /** Changes the fields given (a correction brought in by an import); the windows follow from them. */
  update(id: number, patch: FundingCallPatch): Promise<void>;
}

export type FundingCallPatch = Partial<Pick<FundingCallRecord, 'name' | 'opens' | 'closes' | 'funder' | 'url' | 'yearly'>>;

/** The little the deadline workflow needs to know about an engagement. */
export interface EngagementSummary {
  readonly id: number;
  readonly title: string;
  readonly committeeId: string;
}

export interface EngagementLookup {
  summary(id: number): Promise<EngagementSummary | undefined>;
}

export interface DeadlineRepos {
  readonly deadlines: DeadlineRepository;
  readonly calls: FundingCallRepository;
  readonly engagements: EngagementLookup;
  readonly outbox: OutboxWriter;
}
