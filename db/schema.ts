import type { Generated } from 'kysely';
import type { ApprovalTables } from './schema-approvals.ts';
import type { ReportingTables } from './schema-reporting.ts';
import type { EngagementTerminationColumns, VisitTables } from './schema-visits.ts';

/**
 * Table types. Instants are ISO-8601 UTC text of fixed width (so text order is time order) on
 * both SQLite and PostgreSQL; calendar days are `YYYY-MM-DD`; booleans are 0/1 integers; JSON
 * is text. One representation on both stores keeps the repositories dialect-free.
 */
export interface Database extends FoundationTables, ApprovalTables, VisitTables, ReportingTables {}

export interface FoundationTables {
  engagements: EngagementTable;
  deadlines: DeadlineTable;
  funding_calls: FundingCallTable;
  outbox: OutboxTable;
  posted_messages: PostedMessageTable;
  people: PersonTable;
  conversations: ConversationTable;
  files: FileTable;
  seen_requests: SeenRequestTable;
  register_imports: RegisterImportTable;
}

/** An import read and shown as a dry run, waiting for the coordinator (pending, applied, cancelled). */
export interface RegisterImportTable {
  id: Generated<number>;
  file_name: string;
  rows_json: string;
  status: string;
  requested_by_key: string;
  created_at: string;
  closed_by_key: string | null;
  closed_at: string | null;
}

/** Signed platform requests already carried out, kept for the replay window (see request-guard). */
export interface SeenRequestTable {
  key: string;
  seen_at: string;
}

export interface FileTable {
  token_hash: string;
  name: string;
  mime_type: string;
  data: Uint8Array;
  created_at: string;
  expires_at: string;
}

/** Termination columns (R7) come from migration 0003. */
export interface EngagementTable extends EngagementTerminationColumns {
  id: Generated<number>;
  title: string;
  type: string;
  committee_id: string;
  partner: string | null;
  country: string | null;
  funder: string | null;
  start_date: string | null;
  end_date: string | null;
  contact_key: string | null;
  contact_json: string | null;
  status: string;
  created_by_key: string;
  created_at: string;
  updated_at: string;
}

export interface DeadlineTable {
  id: Generated<number>;
  title: string;
  due_date: string;
  due_time: string | null;
  /** The instant the deadline passes: its time, or the end of its day, in UTC. */
  due_at: string;
  engagement_id: number | null;
  committee_id: string | null;
  owner_key: string;
  owner_json: string;
  /** JSON array of Targets besides the owner. */
  /** JSON array of Targets besides the owner. */
  channels_json: string;
  remind_days: string;
  status: string;
  done_at: string | null;
  done_by_json: string | null;
  created_by_key: string;
  created_at: string;
}

export interface FundingCallTable {
  id: Generated<number>;
  name: string;
  opens_md: string;
  closes_md: string;
  funder: string | null;
  url: string | null;
  yearly: number;
  created_by_key: string;
  created_at: string;
}

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  subject_type: string | null;
  subject_id: number | null;
  target_json: string | null;
  payload_json: string;
  due_at: string;
  /** When the row may next be claimed: its due time, a lease's end, or a retry's backoff. */
  next_attempt_at: string;
  /** pending | sent | dropped | cancelled | failed */
  status: string;
  attempts: number;
  last_error: string | null;
  claimed_by: string | null;
  dedupe_key: string | null;
  sent_at: string | null;
  late: number;
  created_at: string;
}

export interface PostedMessageTable {
  id: Generated<number>;
  outbox_id: number | null;
  kind: string;
  subject_type: string | null;
  subject_id: number | null;
  platform: string;
  conversation_id: string;
  message_id: string;
  created_at: string;
}

export interface PersonTable {
  platform: string;
  user_id: string;
  tenant_id: string;
  name: string | null;
  email: string | null;
  aad_object_id: string | null;
  updated_at: string;
}

export interface ConversationTable {
  platform: string;
  conversation_id: string;
  tenant_id: string;
  user_id: string | null;
  reference: string;
  updated_at: string;
}
