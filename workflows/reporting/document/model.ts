import type { EngagementType } from '../../../src/core/command.ts';
import { engagementTypes } from '../../../src/core/command.ts';
import type { AnnualRound, ApplicationFact, DecisionFact, DeadlineFact, EngagementFact, VisitFact, YearSources } from '../ports.ts';

/**
 * The annual report as data (R6): per committee and per kind of engagement, what ran, who
 * travelled where, what was applied for and decided, which visit reports are missing, and the
 * committees' own summaries. Pure: the renderers turn it into Markdown, Word and a chart.
 */
export interface AnnualReport {
  readonly municipality: string;
  readonly year: number;
  /** The local day it was compiled. */
  readonly compiledOn: string;
  /** Set when the report covers one committee only. */
  readonly onlyCommittee?: string;
  readonly committees: readonly CommitteeReport[];
  readonly totals: ReportTotals;
}

export interface ReportTotals {
  readonly engagements: number;
  readonly visitsOut: number;
  readonly visitsIn: number;
  readonly applications: number;
  readonly decisions: number;
  readonly missingReports: number;
  readonly confirmed: number;
  readonly committees: number;
}

export interface CommitteeReport {
  readonly id: string;
  readonly name: string;
  readonly round?: AnnualRound;
  readonly kinds: readonly { readonly type: EngagementType; readonly engagements: readonly EngagementFact[] }[];
  readonly visits: readonly (VisitFact & { readonly engagementTitle: string })[];
  readonly applications: readonly (ApplicationFact & { readonly engagementTitle: string; readonly decisions: readonly DecisionFact[] })[];
  /** Visits that have ended (by the end of the year) without a filed report. */
  readonly missingReports: readonly (VisitFact & { readonly engagementTitle: string })[];
  readonly deadlines: readonly DeadlineFact[];
}

export interface ReportInput {
  readonly municipality: string;
  readonly year: number;
  readonly compiledOn: string;
  /** The committees to report on, in the order configured. */
  readonly committees: readonly { readonly id: string; readonly name: string }[];
  readonly onlyCommittee?: string;
  readonly sources: YearSources;
  readonly rounds: readonly AnnualRound[];
}

export function buildAnnualReport(input: ReportInput): AnnualReport {
  const { sources } = input;
  const engagementById = new Map(sources.engagements.map((e) => [e.id, e]));
  const committeeOf = new Map<number, string>(sources.engagements.map((e) => [e.id, e.committeeId]));
  const titleOf = (id: number) => engagementById.get(id)?.title ?? `E${id}`;
  const yearEnd = `${input.year}-12-31`;
  const lastDay = input.compiledOn < yearEnd ? input.compiledOn : yearEnd;

  // Committees in configured order, then any that only the data knows (renamed or removed since).
  const known = new Map(input.committees.map((c) => [c.id, c.name]));
  for (const e of sources.engagements) if (!known.has(e.committeeId) && !input.onlyCommittee) known.set(e.committeeId, e.committeeId);
  const ids = input.onlyCommittee ? [input.onlyCommittee] : [...known.keys()];

  const decisionsByApplication = groupBy(sources.decisions, (d) => d.applicationId);
  const committees: CommitteeReport[] = ids.map((id) => {
    const engagements = sources.engagements.filter((e) => e.committeeId === id);
    const inCommittee = (engagementId: number) => committeeOf.get(engagementId) === id;
    const visits = sources.visits.filter((v) => inCommittee(v.engagementId)).map((v) => ({ ...v, engagementTitle: titleOf(v.engagementId) }));
    const round = input.rounds.find((r) => r.committeeId === id);
    return {
      id,
      name: known.get(id) ?? id,
      ...(round ? { round } : {}),
      kinds: engagementTypes
        .map((type) => ({ type, engagements: engagements.filter((e) => e.type === type) }))
        .filter((k) => k.engagements.length > 0),
      visits,
      applications: sources.applications
        .filter((a) => inCommittee(a.engagementId))
        .map((a) => ({ ...a, engagementTitle: titleOf(a.engagementId), decisions: decisionsByApplication.get(a.id) ?? [] })),
      missingReports: visits.filter((v) => v.status !== 'cancelled' && !v.reported && v.toDate < lastDay),
      deadlines: sources.deadlines.filter((d) => d.committeeId === id),
    };
  });

  const visits = committees.flatMap((c) => c.visits);
  return {
    municipality: input.municipality,
    year: input.year,
    compiledOn: input.compiledOn,
    ...(input.onlyCommittee ? { onlyCommittee: input.onlyCommittee } : {}),
    committees,
    totals: {
      engagements: committees.reduce((n, c) => n + c.kinds.reduce((m, k) => m + k.engagements.length, 0), 0),
      visitsOut: visits.filter((v) => v.direction === 'out' && v.status !== 'cancelled').length,
      visitsIn: visits.filter((v) => v.direction === 'in' && v.status !== 'cancelled').length,
      applications: committees.reduce((n, c) => n + c.applications.length, 0),
      decisions: committees.reduce((n, c) => n + c.applications.reduce((m, a) => m + a.decisions.length, 0), 0),
      missingReports: committees.reduce((n, c) => n + c.missingReports.length, 0),
      confirmed: committees.filter((c) => c.round?.confirmedAt).length,
      committees: committees.length,
    },
  };
}

/** One bar of the timeline chart: an engagement's part of the year, with its visits as marks. */
export interface TimelineRow {
  readonly label: string;
  readonly type: EngagementType;
  /** Day of the year the bar starts and ends (0-based, clipped to the year). */
  readonly from: number;
  readonly to: number;
  readonly continuesBefore: boolean;
  readonly continuesAfter: boolean;
  readonly visits: readonly { readonly from: number; readonly to: number; readonly direction: 'out' | 'in' }[];
}

export function timelineRows(report: AnnualReport): TimelineRow[] {
  const start = `${report.year}-01-01`;
  const end = `${report.year}-12-31`;
  const rows: TimelineRow[] = [];
  for (const committee of report.committees) {
    for (const kind of committee.kinds) {
      for (const e of kind.engagements) {
        const from = e.startDate && e.startDate > start ? e.startDate : start;
        const to = e.endDate && e.endDate < end ? e.endDate : end;
        rows.push({
          label: e.title,
          type: e.type,
          from: dayOfYear(from),
          to: dayOfYear(to),
          continuesBefore: !e.startDate || e.startDate < start,
          continuesAfter: !e.endDate || e.endDate > end,
          visits: committee.visits
            .filter((v) => v.engagementId === e.id && v.status !== 'cancelled')
            .map((v) => ({ from: dayOfYear(v.fromDate < start ? start : v.fromDate), to: dayOfYear(v.toDate > end ? end : v.toDate), direction: v.direction })),
        });
      }
    }
  }
  return rows.sort((a, b) => a.from - b.from || a.label.localeCompare(b.label, 'sv'));
}

function dayOfYear(date: string): number {
  const d = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round((d - Date.UTC(Number(date.slice(0, 4)), 0, 1)) / 86_400_000);
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
