import type { AnnualRound, AnnualRoundRepository, AnnualReportQuery, ReportSources, YearSources } from '../ports.ts';
import { buildAnnualReport, type AnnualReport } from './model.ts';

/** What the annual report reads: the year's facts and the committees' confirmations. */
export interface AnnualFacts {
  readonly sources: YearSources;
  readonly rounds: readonly AnnualRound[];
}

export interface AnnualFactsReader {
  readonly reportSources: Pick<ReportSources, 'forPeriod'>;
  readonly annualRounds: Pick<AnnualRoundRepository, 'listForYear'>;
}

/** Reads the year the query asks for, from whichever connection the reader has. */
export async function readAnnualFacts(read: AnnualFactsReader, query: AnnualReportQuery): Promise<AnnualFacts> {
  const sources = await read.reportSources.forPeriod(query.period, query.onlyCommittee);
  const rounds = await read.annualRounds.listForYear(query.year);
  return { sources, rounds };
}

export function annualReportOf(query: AnnualReportQuery, facts: AnnualFacts): AnnualReport {
  return buildAnnualReport({
    municipality: query.municipality,
    year: query.year,
    compiledOn: query.compiledOn,
    committees: query.committees,
    ...(query.onlyCommittee !== undefined ? { onlyCommittee: query.onlyCommittee } : {}),
    sources: facts.sources,
    rounds: facts.rounds,
  });
}
