import type { EngagementFacts } from '../../src/core/engagement.ts';
import type { Locale } from '../../src/i18n/index.ts';
import type { DeadlineRecord, FundingCallRecord } from '../deadlines/ports.ts';
import type { VisitRecord } from '../visits/ports.ts';

/** The whole register as plain data: what the export writes and the import is matched against. */
export interface RegisterSnapshot {
  readonly engagements: readonly EngagementFacts[];
  readonly calls: readonly FundingCallRecord[];
  /** Open deadlines: a done one is history, not something to re-import. */
  readonly deadlines: readonly DeadlineRecord[];
  readonly visits: readonly VisitRecord[];
}

/** The reads the register needs; every kind's repository already has them. */
export interface RegisterRepos {
  readonly engagements: { list(filter: { limit: number }): Promise<EngagementFacts[]> };
  readonly calls: { list(): Promise<FundingCallRecord[]> };
  readonly deadlines: { listOpen(filter: { limit: number }): Promise<DeadlineRecord[]> };
  readonly visits: { list(filter: { limit: number }): Promise<VisitRecord[]> };
}

/** Writes the workbook off the event loop (a worker thread). */
export interface RegisterRenderer {
  registerXlsx(job: { readonly snapshot: RegisterSnapshot; readonly locale: Locale }): Promise<Uint8Array>;
}
