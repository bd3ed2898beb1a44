import { decisionsCsv } from '../../workflows/approvals/export.ts';
import type { DecisionsCsvJob } from '../../workflows/approvals/ports.ts';
import { reportFiles } from '../../workflows/reporting/document/index.ts';
import type { AnnualReportJob } from '../../workflows/reporting/ports.ts';
import type { FileAttachment } from '../core/reply.ts';
import { translator } from '../i18n/index.ts';
import { readRegister, type RegisterReadJob } from '../register/read.ts';

/**
 * Everything rendered off the event loop, by name. Each job is a pure function of plain data (no
 * database, no platform), so a worker thread can run it from a structured clone of its input.
 */
export const renderJobs = {
  'annual-report': ({ report, locale, zone }: AnnualReportJob): Promise<FileAttachment[]> => reportFiles(report, { t: translator(locale), locale, zone }),
  'decisions-csv': (job: DecisionsCsvJob): Uint8Array => decisionsCsv(job),
  'register-read': (job: RegisterReadJob) => readRegister(job),
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
