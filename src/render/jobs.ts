import { decisionsCsv } from '../../workflows/approvals/export.ts';
import type { DecisionsCsvJob } from '../../workflows/approvals/ports.ts';
import { reportFiles } from '../../workflows/reporting/document/index.ts';
import type { StoreLocation } from '../../db/connect.ts';
import { annualReportOf, readAnnualFacts, type AnnualFacts } from '../../workflows/reporting/document/facts.ts';
import type { AnnualReportQuery, RenderedAnnualReport } from '../../workflows/reporting/ports.ts';
import { translator, type Locale } from '../i18n/index.ts';
import { readRegister, type RegisterReadJob } from '../register/read.ts';
import { writeRegister, writeTemplate } from '../register/write.ts';
import type { RegisterSnapshot } from '../../workflows/register/ports.ts';
import { readerAt } from './stores.ts';

/**
 * The annual report: the thread reads the year from its own read-only connection to `store`, or,
 * for an in-memory database no other connection can see, is given the facts read by the bot.
 */
export type AnnualReportJob = { readonly query: AnnualReportQuery } & ({ readonly store: StoreLocation } | { readonly facts: AnnualFacts });

async function annualReport(job: AnnualReportJob): Promise<RenderedAnnualReport> {
  const { query } = job;
  const facts = 'store' in job ? await readAnnualFacts(readerAt(job.store), query) : job.facts;
  const report = annualReportOf(query, facts);
  const files = await reportFiles(report, { t: translator(query.locale), locale: query.locale, zone: query.zone });
  return { year: report.year, totals: report.totals, files };
}

/**
 * Everything rendered off the event loop, by name. Each job is given plain data (no platform
 * objects), so a worker thread can run it from a structured clone of its input; the annual report
 * alone reads the database, over the thread's own read-only connection.
 */
export const renderJobs = {
  'annual-report': annualReport,
  'decisions-csv': (job: DecisionsCsvJob): Uint8Array => decisionsCsv(job),
  'register-read': (job: RegisterReadJob) => readRegister(job),
  'register-xlsx': (job: { snapshot: RegisterSnapshot; locale: Locale }) => writeRegister(job.snapshot, job.locale),
  'register-template': (job: { locale: Locale; committee: string; today: string }) => writeTemplate(job.locale, job.committee, job.today),
};

export type RenderJobs = typeof renderJobs;
export type RenderJobName = keyof RenderJobs;
export type RenderInput<N extends RenderJobName> = Parameters<RenderJobs[N]>[0];
export type RenderOutput<N extends RenderJobName> = Awaited<ReturnType<RenderJobs[N]>>;

/** What a worker thread is sent for one job. */
export interface RenderTask<N extends RenderJobName = RenderJobName> {
  readonly name: N;
  readonly input: RenderInput<N>;
}
