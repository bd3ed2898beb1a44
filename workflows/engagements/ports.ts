import type { Actor } from '../../src/core/actor.ts';
import type { EngagementStatus, EngagementType } from '../../src/core/command.ts';
import type { OutboxWriter } from '../../src/core/outbox.ts';

export interface EngagementRecord {
  readonly id: number;
  readonly title: string;
  readonly type: EngagementType;
  readonly committeeId: string;
  readonly partner?: string;
  readonly country?: string;
  readonly funder?: string;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly contact?: Actor;
  readonly status: EngagementStatus;
  readonly createdAt: string;
}

export type NewEngagement = Omit<EngagementRecord, 'id' | 'createdAt'> & { readonly createdBy: Actor; readonly createdAt: string };

export interface EngagementRepository {
  insert(engagement: NewEngagement): Promise<EngagementRecord>;
  get(id: number): Promise<EngagementRecord | undefined>;
  list(filter: { committeeId?: string; status?: EngagementStatus; limit: number }): Promise<EngagementRecord[]>;
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

export interface EngagementRepos {
  readonly engagements: EngagementRepository;
  readonly deadlines: EngagementDeadlineLookup;
  readonly outbox: OutboxWriter;
}
