import type { EngagementStatus, EngagementType, LocalDate } from './command.ts';

/** The engagement's fields as `engagement add` names them (its arguments, the register's columns). */
export const engagementArgFields = {
  title: 'title',
  type: 'type',
  committee: 'committeeId',
  partner: 'partner',
  country: 'country',
  funder: 'funder',
  start: 'startDate',
  end: 'endDate',
} as const;

/**
 * What may be shown of an engagement anywhere, the public list included: no contact person, no
 * record of who registered or ended it. Routines that know more extend it.
 */
export interface EngagementFacts {
  readonly id: number;
  readonly title: string;
  readonly type: EngagementType;
  readonly committeeId: string;
  readonly partner?: string;
  readonly country?: string;
  readonly funder?: string;
  readonly startDate?: LocalDate;
  readonly endDate?: LocalDate;
  readonly status: EngagementStatus;
}
