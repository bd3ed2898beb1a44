import { addWorkingDays, localToUtc, nextWorkingDay, termOfOffice } from '../../src/calendar/index.ts';
import { toInstant } from '../../src/core/clock.ts';
import type { ReportContent, VisitRecord } from './ports.ts';

/** Pure rules of R5: when a report is asked for, the twin-town visit limit, and report checks. */

export interface ReportPrompt {
  /** 0 is the first request; 1… are reminders. */
  readonly n: number;
  readonly at: string;
  /** The coordinator is told together with this reminder. */
  readonly escalate: boolean;
}

/**
 * The first request goes to the lead the working day after the visit ends, at the reminder
 * time; then a reminder every `every` working days. With the `reminders`-th reminder the
 * coordinator is told; later reminders are chained one at a time until the report is filed.
 */
export function planReportPrompts(toDate: string, reminderTime: string, zone: string, every: number, reminders: number): ReportPrompt[] {
  const first = nextWorkingDay(toDate);
  const prompts: ReportPrompt[] = [];
  for (let n = 0; n <= reminders; n++) {
    const day = n === 0 ? first : addWorkingDays(first, every * n);
    prompts.push({ n, at: toInstant(localToUtc(day, reminderTime, zone)), escalate: n === reminders && n > 0 });
  }
  return prompts;
}

/**
 * Reciprocal twin-town visits should happen at most `limit` times per term of office [004].
 * Returns the earlier visits of the same term when the new one goes over the limit.
 */
export function visitsOverLimit(earlier: readonly VisitRecord[], fromDate: string, limit: number): VisitRecord[] | undefined {
  const term = termOfOffice(fromDate);
  const sameTerm = earlier
    .filter((v) => v.status !== 'cancelled' && v.fromDate >= term.start && v.fromDate <= term.end)
    .sort((a, b) => a.fromDate.localeCompare(b.fromDate) || a.id - b.id);
  return sameTerm.length >= limit ? sameTerm : undefined;
}

export const reportLimits = {
  purpose: 1000,
  activities: 3000,
  participants: 500,
  results: 2000,
  costs: 200,
  followUps: 1000,
} as const satisfies Record<keyof ReportContent, number>;

export type ReportField = keyof ReportContent;
export const reportFields: readonly ReportField[] = ['purpose', 'activities', 'participants', 'results', 'costs', 'followUps'];
const required: ReadonlySet<ReportField> = new Set(['purpose', 'activities', 'participants', 'results', 'costs']);

export type ReportProblem =
  | { readonly field: ReportField; readonly problem: 'missing' }
  | { readonly field: ReportField; readonly problem: 'tooLong'; readonly max: number; readonly length: number }
  | { readonly field: 'costs'; readonly problem: 'noAmount' };

/** What is wrong with a report, field by field; empty when it can be filed. */
export function checkReport(content: ReportContent): ReportProblem[] {
  const problems: ReportProblem[] = [];
  for (const field of reportFields) {
    const value = content[field].trim();
    if (required.has(field) && value === '') problems.push({ field, problem: 'missing' });
    else if (value.length > reportLimits[field]) problems.push({ field, problem: 'tooLong', max: reportLimits[field], length: value.length });
    else if (field === 'costs' && value !== '' && !/\d/.test(value)) problems.push({ field, problem: 'noAmount' });
  }
  return problems;
}

export function trimmedReport(values: Readonly<Record<string, string>>): ReportContent {
  const read = (field: ReportField) => (values[field] ?? '').trim();
  return {
    purpose: read('purpose'),
    activities: read('activities'),
    participants: read('participants'),
    results: read('results'),
    costs: read('costs'),
    followUps: read('followUps'),
  };
}

/**
 * The dedupe key of a report prompt: one per visit, end date and number, so replicas planning the
 * next one at once plan it once, and a visit whose end is corrected gets its prompts anew.
 */
export function promptKey(visit: { readonly id: number; readonly toDate: string }, n: number): string {
  return `visit:${visit.id}:${visit.toDate}:prompt:${n}`;
}
