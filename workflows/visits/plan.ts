import { userTarget } from '../../src/core/actor.ts';
import { toInstant } from '../../src/core/clock.ts';
import type { RequestContext } from '../../src/core/command.ts';
import { BotFailure } from '../../src/core/errors.ts';
import { formatDate, idLabel } from '../../src/core/format.ts';
import { MY_WORK_REFRESH } from '../../src/core/my-work.ts';
import type { OutboxMessage } from '../../src/core/outbox.ts';
import type { MunicipalitySettings } from '../../src/core/settings.ts';
import { addDays, localDate } from '../../src/calendar/index.ts';
import type { VisitEngagement, VisitRecord, VisitsRepos, VisitsSettings } from './ports.ts';
import { REPORT_OVERDUE, REPORT_PROMPT } from './reports.ts';
import { planReportPrompts, promptKey } from './rules.ts';

export const VISIT_INCOMING = 'visit.incoming';
export const VISIT_LIMIT = 'visit.limit';
export const visitSubject = (id: number) => ({ type: 'visit', id });

/**
 * What a visit sends and when (R5), as outbox rows: the coordinator's notice of an incoming visit
 * or of one past the twin-town limit, the lead's report prompts after the visit, the coordinator's
 * notice when they go unanswered. A new visit and a corrected one are planned by the same rules.
 */
export class VisitPlan {
  constructor(
    private readonly municipality: MunicipalitySettings,
    private readonly settings: VisitsSettings,
  ) {}

  /** Everything a newly registered visit sends. */
  forNewVisit(visit: VisitRecord, overLimit: boolean, ctx: RequestContext): OutboxMessage[] {
    const now = toInstant(ctx.now);
    return [
      ...(visit.direction === 'in' ? this.toCoordinator(VISIT_INCOMING, visit, now) : []),
      ...(overLimit ? this.toCoordinator(VISIT_LIMIT, visit, now) : []),
      ...this.reportPrompts(visit, ctx),
    ];
  }

  toCoordinator(kind: typeof VISIT_INCOMING | typeof VISIT_LIMIT, visit: VisitRecord, now: string): OutboxMessage[] {
    return this.municipality.coordinator.targets.map((target) => ({ kind, subject: visitSubject(visit.id), target, dueAt: now }));
  }

  /** The lead's post-visit report prompts, the coordinator's notice when they go unanswered, and the lead's "my work" refresh. */
  reportPrompts(visit: VisitRecord, ctx: RequestContext): OutboxMessage[] {
    const now = toInstant(ctx.now);
    const subject = visitSubject(visit.id);
    const coordinator = this.municipality.coordinator.targets;
    const messages: OutboxMessage[] = [];
    // A visit registered after it ended is asked for today (or the next working day), not in the past.
    const yesterday = addDays(localDate(ctx.now, this.municipality.timeZone), -1);
    const base = visit.toDate < yesterday ? yesterday : visit.toDate;
    const prompts = planReportPrompts(base, this.municipality.reminderTime, this.municipality.timeZone, this.settings.reminderEveryWorkingDays, this.settings.remindersBeforeEscalation);
    const lead = userTarget(visit.lead);
    // `collapse`: after downtime the lead gets only the newest due prompt, not a pile of them.
    for (const p of prompts) {
      const dueAt = p.at < now ? now : p.at;
      messages.push({ kind: REPORT_PROMPT, subject, target: lead, dueAt, payload: { n: p.n, collapse: true }, dedupeKey: promptKey(visit, p.n) });
      if (p.escalate) for (const target of coordinator) messages.push({ kind: REPORT_OVERDUE, subject, target, dueAt, payload: { reminders: p.n } });
    }
    // The lead's "my work" changes again when the report falls due.
    const owedFrom = prompts[0]?.at ?? now;
    messages.push({ kind: MY_WORK_REFRESH, target: lead, dueAt: owedFrom < now ? now : owedFrom });
    return messages;
  }
}

/** The engagement a visit is for: it must exist, and an engagement ended early takes no visit starting after its end. */
export async function visitableEngagement(repos: Pick<VisitsRepos, 'engagements'>, engagementId: number, fromDate: string, ctx: Pick<RequestContext, 'locale'>): Promise<VisitEngagement> {
  const engagement = await repos.engagements.get(engagementId);
  if (!engagement) throw new BotFailure({ code: 'error.notFound', params: { id: idLabel.engagement(engagementId) } });
  if (engagement.status === 'terminated' && engagement.endDate !== undefined && fromDate > engagement.endDate) {
    throw new BotFailure({ code: 'visit.error.engagementEnded', params: { id: idLabel.engagement(engagement.id), end: formatDate(engagement.endDate, ctx.locale) } });
  }
  return engagement;
}
