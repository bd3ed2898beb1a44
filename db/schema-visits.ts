import type { Generated } from 'kysely';

/** Tables of the visits workflow (see db/schema.ts for the conventions). */
export interface VisitTables {
  visits: VisitTable;
  visit_reports: VisitReportTable;
}

export interface VisitTable {
  id: Generated<number>;
  engagement_id: number;
  /** out | in */
  direction: string;
  from_date: string;
  to_date: string;
  place: string | null;
  lead_key: string;
  lead_json: string;
  participants: number | null;
  /** planned | cancelled | done (done: the visit has ended and the bot asked for its report, or it was filed) */
  status: string;
  created_by_key: string;
  created_at: string;
  cancelled_at: string | null;
}

/** Every filing is a new version; earlier versions are kept (R5: what the board was shown stays on record). */
export interface VisitReportTable {
  id: Generated<number>;
  visit_id: number;
  version: number;
  purpose: string;
  activities: string;
  participants: string;
  results: string;
  costs: string;
  follow_ups: string;
  filed_by_key: string;
  filed_by_json: string;
  filed_at: string;
}

/** Columns 0003 adds to `engagements` for R7 early termination. */
export interface EngagementTerminationColumns {
  terminated_decision: string | null;
  terminated_at: string | null;
  terminated_by_json: string | null;
  /** The end date before the decision moved it. */
  original_end_date: string | null;
}
