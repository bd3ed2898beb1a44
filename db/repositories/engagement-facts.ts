import type { Selectable } from 'kysely';
import type { EngagementStatus, EngagementType } from '../../src/core/command.ts';
import type { EngagementFacts } from '../../src/core/engagement.ts';
import type { EngagementTable } from '../schema.ts';

/**
 * The columns behind EngagementFacts. Queries for the report and the public list select only
 * these, so the contact person is never even read there.
 */
export const factColumns = ['id', 'title', 'type', 'committee_id', 'partner', 'country', 'funder', 'start_date', 'end_date', 'status'] as const;

export function toEngagementFacts(r: Pick<Selectable<EngagementTable>, (typeof factColumns)[number]>): EngagementFacts {
  return {
    id: r.id,
    title: r.title,
    type: r.type as EngagementType,
    committeeId: r.committee_id,
    ...(r.partner ? { partner: r.partner } : {}),
    ...(r.country ? { country: r.country } : {}),
    ...(r.funder ? { funder: r.funder } : {}),
    ...(r.start_date ? { startDate: r.start_date } : {}),
    ...(r.end_date ? { endDate: r.end_date } : {}),
    status: r.status as EngagementStatus,
  };
}
