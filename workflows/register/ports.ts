import type { EngagementFacts } from '../../src/core/engagement.ts';
import type { Actor } from '../../src/core/actor.ts';
import type { LocalDate } from '../../src/core/command.ts';
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
  readonly registerImports: RegisterImportRepository;
}

/** Writes the workbook off the event loop (a worker thread). */
export interface RegisterRenderer {
  registerXlsx(job: { readonly snapshot: RegisterSnapshot; readonly locale: Locale }): Promise<Uint8Array>;
  /** The import template: the columns and an example row per kind. */
  registerTemplate(job: { readonly locale: Locale; readonly committee: string; readonly today: LocalDate }): Promise<Uint8Array>;
}

export type RegisterKind = 'engagements' | 'calls' | 'deadlines' | 'visits';

export interface RefusedCell {
  readonly row: number;
  readonly column: string;
  readonly reason: string;
}

/** One valid row of a sheet, its values named by the add command's arguments (a person still as typed). */
export interface ReadRow {
  readonly kind: RegisterKind;
  /** The row's number as the spreadsheet shows it (the header is row 1). */
  readonly row: number;
  readonly values: Readonly<Record<string, unknown>>;
}

export interface RegisterRead {
  readonly rows: ReadRow[];
  readonly refused: (RefusedCell & { readonly kind: RegisterKind })[];
}

/** A file read and shown as a dry run, waiting for the coordinator's Confirm. */
export interface PendingImport {
  readonly id: number;
  readonly fileName: string;
  readonly rows: readonly ReadRow[];
  readonly status: 'pending' | 'applied' | 'cancelled';
  readonly requestedByKey: string;
  readonly createdAt: string;
}

export interface RegisterImportRepository {
  create(i: { readonly fileName: string; readonly rows: readonly ReadRow[]; readonly requestedBy: Actor; readonly createdAt: string }): Promise<number>;
  get(id: number): Promise<PendingImport | undefined>;
  /** Pending → applied or cancelled, once: false when it was no longer pending. */
  close(id: number, status: 'applied' | 'cancelled', by: Actor, at: string): Promise<boolean>;
}

/** Reads a workbook or CSV off the event loop (a worker thread). */
export interface RegisterReader {
  readRegister(job: { readonly fileName: string; readonly bytes: Uint8Array; readonly locale: Locale; readonly today: LocalDate }): Promise<RegisterRead>;
}
