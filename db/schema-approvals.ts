import type { Generated } from 'kysely';

/** Tables of the approvals workflow (see db/schema.ts for the conventions). */
export interface ApprovalTables {
  applications: ApplicationTable;
  decisions: DecisionTable;
  application_audit: ApplicationAuditTable;
}

export interface ApplicationTable {
  id: Generated<number>;
  engagement_id: number;
  /** The call's name when the call is known, else what the requester typed (a funder, a programme). */
  call_text: string;
  call_id: number | null;
  /** The call's closing day (`YYYY-MM-DD`), when the call is known. */
  closes_on: string | null;
  /** Whole kronor. */
  amount: number | null;
  prestudy: number;
  matter: string;
  /** The deciding body's id; null for a pre-study, which needs no decision. */
  body: string | null;
  consult_body: string | null;
  /** Why that body decides: the rule as configured. */
  rule_text: string | null;
  /** draft | awaiting | approved | rejected | changes | expired | submitted | granted | denied */
  status: string;
  /** Starts at 1; a resubmission after "ask for changes" is the next round. */
  round: Generated<number>;
  requested_by_key: string;
  requested_by_json: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  closed_at: string | null;
}

/** Append-only (triggers refuse UPDATE and DELETE). */
export interface DecisionTable {
  id: Generated<number>;
  application_id: number;
  round: number;
  body: string;
  /** approved | rejected | changes */
  outcome: string;
  reference: string;
  comment: string;
  decided_by_key: string;
  decided_by_json: string;
  decided_at: string;
}

/** Append-only: every change of an application's status, who made it and when. */
export interface ApplicationAuditTable {
  id: Generated<number>;
  application_id: number;
  event: string;
  from_status: string | null;
  to_status: string;
  actor_json: string | null;
  detail: string | null;
  at: string;
}
