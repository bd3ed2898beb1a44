import { toInstant } from '../../src/core/clock.ts';
import type { RequestContext } from '../../src/core/command.ts';
import { BotFailure } from '../../src/core/errors.ts';
import { idLabel } from '../../src/core/format.ts';
import type { OutboxMessage } from '../../src/core/outbox.ts';
import type { UnitOfWork } from '../../src/core/ports.ts';
import type { Correction } from '../../src/core/router.ts';
import type { MunicipalitySettings } from '../../src/core/settings.ts';
import { localDate } from '../../src/calendar/index.ts';
import { VISIT_INCOMING, VISIT_LIMIT, visitableEngagement, visitSubject, type VisitPlan } from './plan.ts';
import type { VisitPatch, VisitRecord, VisitsRepos, VisitsSettings } from './ports.ts';
import { REPORT_OVERDUE, REPORT_PROMPT } from './reports.ts';
import { visitsOverLimit } from './rules.ts';

/**
 * A visit corrected by the register import, checked as a new visit is. New dates replan the
 * report prompts (unless the report is filed); a visit that becomes incoming, or moves into a
 * twin-town engagement's term past the limit, tells the coordinator as a new one would.
 */
export async function correctVisit(
  deps: { readonly uow: UnitOfWork<VisitsRepos>; readonly plan: VisitPlan; readonly municipality: MunicipalitySettings; readonly settings: VisitsSettings },
  c: Correction,
  ctx: RequestContext,
): Promise<void> {
  const changed = (arg: string) => c.changed.includes(arg);
  await deps.uow.run(async (repos) => {
    const before = await repos.visits.get(c.id);
    if (!before) throw new BotFailure({ code: 'error.notFound', params: { id: idLabel.visit(c.id) } });
    if (before.status === 'cancelled') throw new BotFailure({ code: 'visit.error.cancelled', params: { id: idLabel.visit(c.id) } });
    const patch = patchOf(c);
    const visit: VisitRecord = { ...before, ...patch };
    if (visit.toDate < visit.fromDate) throw new BotFailure({ code: 'visit.error.toBeforeFrom' });
    const engagement = await visitableEngagement(repos, visit.engagementId, visit.fromDate, ctx);
    const reported = (await repos.visitReports.latest(visit.id)) !== undefined;
    // Moved past today before its report: not over after all, so not yet "done" for the annual report.
    const reopened = before.status === 'done' && !reported && visit.toDate >= localDate(ctx.now, deps.municipality.timeZone);
    await repos.visits.update(visit.id, reopened ? { ...patch, status: 'planned' } : patch);
    const now = toInstant(ctx.now);
    const messages: OutboxMessage[] = [];
    if (visit.direction === 'in' && before.direction !== 'in') messages.push(...deps.plan.toCoordinator(VISIT_INCOMING, visit, now));
    if (engagement.type === 'twin-town' && (changed('engagement') || changed('from'))) {
      const others = (await repos.visits.listForEngagement(engagement.id)).filter((v) => v.id !== visit.id);
      if (visitsOverLimit(others, visit.fromDate, deps.settings.twinTownVisitsPerTerm)) messages.push(...deps.plan.toCoordinator(VISIT_LIMIT, visit, now));
    }
    await repos.outbox.enqueue(messages);
    if (!reported && changed('to')) await repos.outbox.replan(visitSubject(visit.id), [REPORT_PROMPT, REPORT_OVERDUE], deps.plan.reportPrompts(visit, ctx));
  });
}

/** The columns that changed, as the visit's fields (the row's values are the add command's arguments). */
function patchOf(c: Correction): VisitPatch {
  const changed = (arg: string) => c.changed.includes(arg);
  const v = c.values;
  return {
    ...(changed('engagement') ? { engagementId: Number(v.engagement) } : {}),
    ...(changed('direction') ? { direction: v.direction === 'in' ? 'in' : 'out' } : {}),
    ...(changed('from') ? { fromDate: String(v.from) } : {}),
    ...(changed('to') ? { toDate: String(v.to) } : {}),
    ...(changed('place') ? { place: v.place === undefined ? undefined : String(v.place) } : {}),
    ...(changed('participants') ? { participants: v.participants === undefined ? undefined : Number(v.participants) } : {}),
  };
}
