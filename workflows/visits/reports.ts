import type { DateTime } from 'luxon';
import { actorKey, uniqueTargets, userTarget, type Target } from '../../src/core/actor.ts';
import { toInstant } from '../../src/core/clock.ts';
import type { RequestContext, ResolvedArgs } from '../../src/core/command.ts';
import type { Delivery } from '../../src/core/delivery.ts';
import { BotFailure } from '../../src/core/errors.ts';
import { formatDate, idLabel } from '../../src/core/format.ts';
import { MY_WORK_REFRESH } from '../../src/core/my-work.ts';
import type { UnitOfWork } from '../../src/core/ports.ts';
import { personalCard, privateCard, type ActionInput, type ActionOutcome, type FormInput, type FormOutcome, type Reply } from '../../src/core/reply.ts';
import { formTextErrors } from '../../src/core/text.ts';
import type { MunicipalitySettings } from '../../src/core/settings.ts';
import { addWorkingDays, localDate, localToUtc } from '../../src/calendar/index.ts';
import * as cards from './cards.ts';
import type { VisitEngagement, VisitRecord, VisitsRepos, VisitsSettings } from './ports.ts';
import { contentAsValues, problemMessages, readReportState, reportForm } from './report-form.ts';
import { checkReport, promptKey, reportLimits, trimmedReport } from './rules.ts';
import type { VisitService } from './service.ts';

export const REPORT_PROMPT = 'visit.report.prompt';
export const REPORT_OVERDUE = 'visit.report.overdue';
export const REPORT_FILED = 'visit.report.filed';
const subject = (id: number) => ({ type: 'visit', id });

/**
 * R5 post-visit reports: the lead is asked the working day after the visit and reminded until
 * the report is filed; a filed report goes to the board's channel; every filing is kept.
 */
export class ReportService {
  constructor(
    private readonly uow: UnitOfWork<VisitsRepos>,
    private readonly municipality: MunicipalitySettings,
    private readonly settings: VisitsSettings,
    private readonly visits: VisitService,
  ) {}

  /** `report <visit>`: the form, or the filed report with an edit button; without an id, what is owed. */
  async command(args: ResolvedArgs<'report'>, ctx: RequestContext): Promise<Reply> {
    const c = this.visits.cardContext(ctx);
    // The reports a person owes are their own work: not for a whole channel to read.
    if (args.form) return personalCard(await this.owedCard(ctx));
    const { visit, engagement } = await this.visitFor(args.visit, ctx);
    const latest = await this.uow.read.visitReports.latest(visit.id);
    if (!latest) return { kind: 'form', form: reportForm({ visitId: visit.id, fromCard: false }, ctx.t) };
    return privateCard(cards.reportCard(visit, engagement, latest, c, [cards.writeButton(visit.id, c, ctx.t('visit.report.edit'))]));
  }

  /** The Write report button (and Edit report): opens the form, with the last version when there is one. */
  async pressWrite(action: ActionInput, ctx: RequestContext): Promise<ActionOutcome> {
    const { visit } = await this.visitFor(Number(action.value), ctx);
    const latest = await this.uow.read.visitReports.latest(visit.id);
    return { form: reportForm({ visitId: visit.id, fromCard: action.source !== undefined }, ctx.t, latest ? contentAsValues(latest) : {}) };
  }

  async submit(form: FormInput, ctx: RequestContext): Promise<FormOutcome> {
    const at = readReportState(form.state);
    const { visit, engagement } = await this.visitFor(at.visitId, ctx);
    const content = trimmedReport(form.values);
    const errors = { ...problemMessages(checkReport(content), ctx.t), ...formTextErrors(form.values, reportLimits, ctx.t) };
    // Back with the errors beside their fields and every typed value in place.
    if (Object.keys(errors).length) return { kind: 'invalid', form: reportForm(at, ctx.t, form.values, errors) };
    const filedAt = toInstant(ctx.now);
    const report = await this.uow.run(async (repos) => {
      const report = await repos.visitReports.file(visit.id, content, ctx.actor, filedAt);
      await repos.visits.markDone(visit.id);
      await repos.outbox.cancelPending(subject(visit.id), [REPORT_PROMPT, REPORT_OVERDUE]);
      const refresh = uniqueTargets([userTarget(visit.lead), userTarget(ctx.actor)]);
      await repos.outbox.enqueue([
        ...this.settings.boardTargets.map((target) => ({ kind: REPORT_FILED, subject: subject(visit.id), target, dueAt: filedAt, payload: { version: report.version } })),
        ...refresh.map((target) => ({ kind: MY_WORK_REFRESH, target, dueAt: filedAt })),
      ]);
      return report;
    });
    const key = report.version === 1 ? 'visit.report.thanks' : 'visit.report.thanksRevised';
    const text = ctx.t(key, { id: idLabel.visit(visit.id), board: this.settings.boardName, version: report.version });
    const reply = privateCard({ tone: 'success', summary: text, sections: [{ type: 'text', text }] });
    if (!at.fromCard) return { kind: 'done', reply };
    // The card whose button opened the form now shows the report as filed, so no one writes it twice.
    const c = this.visits.cardContext(ctx);
    return { kind: 'done', reply, replace: cards.reportCard(visit, engagement, report, c, [cards.writeButton(visit.id, c, ctx.t('visit.report.edit'))]) };
  }

  // --- deliveries ---

  async deliverPrompt(row: { subject?: { id: number }; target?: Target; payload: Readonly<Record<string, unknown>> }, now: DateTime): Promise<Delivery> {
    const visit = await this.uow.read.visits.get(row.subject?.id ?? 0);
    if (!visit || !row.target) return { action: 'drop', reason: 'visit or target missing' };
    if (visit.status === 'cancelled') return { action: 'drop', reason: 'visit cancelled' };
    if (await this.uow.read.visitReports.latest(visit.id)) return { action: 'drop', reason: 'report filed' };
    const n = Number(row.payload.n ?? 0);
    await this.uow.run(async (repos) => {
      // The visit is over: "done" for the annual report; the lead's view is refreshed by its own row.
      if (visit.status === 'planned') await repos.visits.markDone(visit.id);
      // Past the planned reminders the lead is still reminded until the report is filed, counted
      // from today so that a bot that was down does not send a burst.
      if (n >= this.settings.remindersBeforeEscalation) {
        const day = addWorkingDays(localDate(now, this.municipality.timeZone), this.settings.reminderEveryWorkingDays);
        const at = toInstant(localToUtc(day, this.municipality.reminderTime, this.municipality.timeZone));
        await repos.outbox.enqueue([
          { kind: REPORT_PROMPT, subject: subject(visit.id), target: row.target, dueAt: at, payload: { n: n + 1, collapse: true }, dedupeKey: promptKey(visit, n + 1) },
        ]);
      }
    });
    const engagement = await this.uow.read.engagements.get(visit.engagementId);
    return { action: 'send', target: row.target, card: cards.promptCard(visit, engagement, n, this.settings.boardName, this.visits.outboxContext()) };
  }

  async deliverOverdue(row: { subject?: { id: number }; target?: Target; payload: Readonly<Record<string, unknown>> }): Promise<Delivery> {
    const visit = await this.uow.read.visits.get(row.subject?.id ?? 0);
    if (!visit || !row.target) return { action: 'drop', reason: 'visit or target missing' };
    if (visit.status === 'cancelled') return { action: 'drop', reason: 'visit cancelled' };
    if (await this.uow.read.visitReports.latest(visit.id)) return { action: 'drop', reason: 'report filed' };
    const engagement = await this.uow.read.engagements.get(visit.engagementId);
    return { action: 'send', target: row.target, card: cards.overdueCard(visit, engagement, Number(row.payload.reminders ?? 0), this.visits.outboxContext()) };
  }

  async deliverFiled(row: { subject?: { id: number }; target?: Target; payload: Readonly<Record<string, unknown>> }): Promise<Delivery> {
    const visitId = row.subject?.id ?? 0;
    const visit = await this.uow.read.visits.get(visitId);
    const report = await this.uow.read.visitReports.version(visitId, Number(row.payload.version ?? 1));
    if (!visit || !report || !row.target) return { action: 'drop', reason: 'visit, report or target missing' };
    const engagement = await this.uow.read.engagements.get(visit.engagementId);
    return { action: 'send', target: row.target, card: cards.reportCard(visit, engagement, report, this.visits.outboxContext()) };
  }

  /** Visits whose report a person owes: over, not cancelled, nothing filed. */
  async owed(personKey: string, now: RequestContext['now']): Promise<VisitRecord[]> {
    const today = localDate(now, this.municipality.timeZone);
    return this.uow.read.visits.list({ reportsDueBefore: today, leadKey: personKey, limit: 20 });
  }

  private async owedCard(ctx: RequestContext) {
    const c = this.visits.cardContext(ctx);
    const owed = await this.owed(actorKey(ctx.actor), ctx.now);
    const title = ctx.t('visit.report.owedTitle');
    if (owed.length === 0) return { title, summary: ctx.t('visit.report.owedNone'), sections: [{ type: 'text' as const, text: ctx.t('visit.report.owedNone') }] };
    const items: string[] = [];
    for (const v of owed) items.push(cards.visitLine(v, await this.uow.read.engagements.get(v.engagementId), c));
    return { title, summary: `${title}: ${owed.length}`, sections: [{ type: 'list' as const, items }], buttons: owed.slice(0, 5).map((v) => cards.writeButton(v.id, c, ctx.t('visit.report.writeFor', { id: idLabel.visit(v.id) }))) };
  }

  private async visitFor(id: number, ctx: RequestContext): Promise<{ visit: VisitRecord; engagement: VisitEngagement | undefined }> {
    const visit = Number.isInteger(id) && id > 0 ? await this.uow.read.visits.get(id) : undefined;
    if (!visit) throw new BotFailure({ code: 'error.notFound', params: { id: idLabel.visit(id) } });
    if (visit.status === 'cancelled') throw new BotFailure({ code: 'visit.error.cancelled', params: { id: idLabel.visit(id) } });
    // A report describes what happened; before the visit has begun there is nothing to report.
    if (visit.fromDate > localDate(ctx.now, this.municipality.timeZone)) {
      throw new BotFailure({ code: 'visit.error.notStarted', params: { id: idLabel.visit(id), from: formatDate(visit.fromDate, ctx.locale) } });
    }
    return { visit, engagement: await this.uow.read.engagements.get(visit.engagementId) };
  }
}
