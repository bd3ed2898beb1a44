import type { Generated } from 'kysely';

/** Tables of the reporting workflow (see db/schema.ts for the conventions). */
export interface ReportingTables {
  annual_rounds: AnnualRoundTable;
  calendar_tokens: CalendarTokenTable;
}

/** One committee's answer for one year: its confirmation and free-text summary (R6). */
export interface AnnualRoundTable {
  id: Generated<number>;
  year: number;
  committee_id: string;
  summary: string | null;
  summary_by_json: string | null;
  summary_at: string | null;
  confirmed_by_json: string | null;
  confirmed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Calendar feed addresses (R9). Only a SHA-256 of the secret is kept, so a leaked database reveals no address. */
export interface CalendarTokenTable {
  id: Generated<number>;
  token_hash: string;
  owner_key: string;
  owner_json: string;
  /** Empty string for the municipality-wide feed, so (owner, scope) can be looked up with `=`. */
  committee_id: string;
  created_at: string;
  revoked_at: string | null;
}
