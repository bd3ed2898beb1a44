import type { Target } from '../../src/core/actor.ts';
import { toInstant } from '../../src/core/clock.ts';
import { engagementStatuses, type RequestContext, type ResolvedArgs } from '../../src/core/command.ts';
import type { Delivery } from '../../src/core/delivery.ts';
import { BotFailure } from '../../src/core/errors.ts';
import { idLabel } from '../../src/core/format.ts';
import { submitCommandForm } from '../../src/core/command-form.ts';
import { engagementArgFields } from '../../src/core/engagement.ts';
import type { UnitOfWork } from '../../src/core/ports.ts';
import type { Correction } from '../../src/core/router.ts';
import { pageWindow, pagedListCard, readPageValue } from '../../src/core/paging.ts';
import { privateCard, publicCard, type ActionInput, type ActionOutcome, type FormInput, type FormOutcome, type Reply } from '../../src/core/reply.ts';
import { committeeById, requireCommittee, type MunicipalitySettings } from '../../src/core/settings.ts';
import { localDate } from '../../src/calendar/index.ts';
import { translator } from '../../src/i18n/index.ts';
import * as cards from './cards.ts';
import { engagementForm, type EngagementInput } from './form.ts';
import type { EngagementPatch, EngagementRecord, EngagementRepos } from './ports.ts';
import { initialStatus } from './rules.ts';

/** Outbox kind of R7 announcements to the coordinating unit (payload `event`: added | ended). */
export const ENGAGEMENT_ANNOUNCE = 'engagement.announce';
/** The "Next page" button under the list of engagements. */
export const ENGAGEMENT_LIST_PAGE = 'engagements.page';
export const ENGAGEMENT_PAGE_SIZE = 100;

/** The register of engagements that everything else hangs on. */
export class EngagementService {
  constructor(
    private readonly uow: UnitOfWork<EngagementRepos>,
    private readonly settings: MunicipalitySettings,
  ) {}

  async add(args: ResolvedArgs<'engagement.add'>, ctx: RequestContext): Promise<Reply> {
    if (args.form) return { kind: 'form', form: engagementForm(ctx.t, this.settings) };
    requireCommittee(this.settings, args.committee);
    if (args.start && args.end && args.end < args.start) {
      throw new BotFailure({ code: 'engagement.error.endBeforeStart', params: { start: args.start, end: args.end } });
    }
    const record = await this.create(args, args.contact ? { contact: args.contact } : {}, ctx);
    return publicCard(cards.addedCard(record, this.cardContext(ctx)));
  }

  /** The form is the command: same reading, same checks, same card. */
  async submitForm(form: FormInput, ctx: RequestContext): Promise<FormOutcome> {
    return submitCommandForm<'engagement.add'>(
      form,
      ctx,
      (args) => this.add(args, ctx),
      (errors) => engagementForm(ctx.t, this.settings, form.values, errors),
      { 'error.unknownCommittee': 'committee', 'engagement.error.endBeforeStart': 'end' },
    );
  }

  async list(args: ResolvedArgs<'engagements'>, ctx: RequestContext): Promise<Reply> {
    if (args.committee !== undefined) requireCommittee(this.settings, args.committee);
    const filter = {
      ...(args.committee !== undefined ? { committeeId: args.committee } : {}),
      ...(args.status !== undefined ? { status: args.status } : {}),
    };
    const total = await this.uow.read.engagements.count(filter);
    const page = pageWindow(args.page, ENGAGEMENT_PAGE_SIZE, total);
    const title = ctx.t('engagement.list.title');
    if (total === 0) return privateCard({ title, summary: ctx.t('engagement.list.empty'), sections: [{ type: 'text', text: ctx.t('engagement.list.empty') }] });
    const rows = await this.uow.read.engagements.list({ ...filter, limit: page.size, offset: page.offset });
    const items = rows.map((e) => {
      const partner = e.partner ? ` · ${e.partner}${e.country ? ` (${e.country})` : ''}` : '';
      return `${idLabel.engagement(e.id)} · ${e.title}${partner} · ${this.committeeName(e.committeeId)} · ${ctx.t(cards.statusKey(e.status))}`;
    });
    const again = { ...(args.committee !== undefined ? { committee: args.committee } : {}), ...(args.status !== undefined ? { status: args.status } : {}) };
    return privateCard(pagedListCard({ title, items, action: ENGAGEMENT_LIST_PAGE, filter: again }, page, ctx.t));
  }

  /** "Next page" under the list: the same filter, one page on. */
  async pressPage(action: ActionInput, ctx: RequestContext): Promise<ActionOutcome> {
    const { page, filter } = readPageValue(action.value);
    const status = engagementStatuses.find((s) => s === filter.status);
    return { reply: await this.list({ ...(filter.committee ? { committee: filter.committee } : {}), ...(status ? { status } : {}), page }, ctx) };
  }

  async show(args: ResolvedArgs<'engagement.show'>, ctx: RequestContext): Promise<Reply> {
    const record = await this.uow.read.engagements.get(args.id);
    if (!record) throw new BotFailure({ code: 'error.notFound', params: { id: idLabel.engagement(args.id) } });
    const read = this.uow.read;
    const [deadlines, visits, reports, applications, decisions] = await Promise.all([
      read.deadlines.listForEngagement(record.id),
      read.visits.listForEngagement(record.id),
      read.visitReports.listForEngagement(record.id),
      read.engagements.applicationsFor(record.id),
      read.engagements.decisionsFor(record.id),
    ]);
    return privateCard(cards.detailCard(record, { deadlines, visits, reports, applications, decisions }, this.cardContext(ctx)));
  }

  /** A correction from the register import: the same checks as `add`, on the fields that changed. */
  async correct(c: Correction, ctx: RequestContext): Promise<void> {
    const patch: EngagementPatch = Object.fromEntries(
      Object.entries(engagementArgFields)
        .filter(([arg]) => c.changed.includes(arg))
        .map(([arg, field]) => [field, c.values[arg]]),
    );
    if (patch.committeeId !== undefined) requireCommittee(this.settings, patch.committeeId);
    await this.uow.run(async (repos) => {
      const record = await repos.engagements.get(c.id);
      if (!record) throw new BotFailure({ code: 'error.notFound', params: { id: idLabel.engagement(c.id) } });
      const start = patch.startDate ?? record.startDate;
      const end = patch.endDate ?? record.endDate;
      if (start && end && end < start) throw new BotFailure({ code: 'engagement.error.endBeforeStart', params: { start, end } });
      await repos.engagements.update(c.id, patch, toInstant(ctx.now));
    });
  }

  /** Builds the announcement from the engagement as it is when the row is sent. */
  async deliverAnnouncement(id: number, target: Target | undefined, payload: Readonly<Record<string, unknown>>): Promise<Delivery> {
    const record = await this.uow.read.engagements.get(id);
    if (!record || !target) return { action: 'drop', reason: 'engagement or target missing' };
    const c = this.outboxCardContext();
    if (payload.event === 'ended') {
      if (!record.termination) return { action: 'drop', reason: 'engagement not terminated' };
      const visits = (await this.uow.read.visits.listForEngagement(id)).filter((v) => (payload.cancelled as number[] | undefined)?.includes(v.id));
      return { action: 'send', target, card: cards.endedCard(record, visits, Number(payload.reminders ?? 0), c) };
    }
    return { action: 'send', target, card: cards.announcementCard(record, c) };
  }

  cardContext(ctx: Pick<RequestContext, 't' | 'locale'>): cards.CardContext {
    return { t: ctx.t, locale: ctx.locale, zone: this.settings.timeZone, committeeName: (id) => this.committeeName(id) };
  }

  outboxCardContext(): cards.CardContext {
    return this.cardContext({ t: translator(this.settings.locale), locale: this.settings.locale });
  }

  private async create(input: EngagementInput, extra: Pick<EngagementRecord, 'contact'>, ctx: RequestContext): Promise<EngagementRecord> {
    const today = localDate(ctx.now, this.settings.timeZone);
    return this.uow.run(async (repos) => {
      const record = await repos.engagements.insert({
        title: input.title,
        type: input.type,
        committeeId: input.committee,
        ...(input.partner ? { partner: input.partner } : {}),
        ...(input.country ? { country: input.country } : {}),
        ...(input.funder ? { funder: input.funder } : {}),
        ...(input.start ? { startDate: input.start } : {}),
        ...(input.end ? { endDate: input.end } : {}),
        ...extra,
        status: initialStatus(input.start, input.end, today),
        createdBy: ctx.actor,
        createdAt: toInstant(ctx.now),
      });
      await repos.outbox.enqueue(
        this.settings.coordinator.targets.map((target) => ({
          kind: ENGAGEMENT_ANNOUNCE,
          subject: { type: 'engagement', id: record.id },
          target,
          dueAt: toInstant(ctx.now),
          payload: { event: 'added' },
        })),
      );
      return record;
    });
  }

  private committeeName(id: string): string {
    return committeeById(this.settings, id)?.name ?? id;
  }

}
