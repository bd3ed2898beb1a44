import type { Actor, Target } from '../../src/core/actor.ts';
import { toInstant } from '../../src/core/clock.ts';
import type { RequestContext, ResolvedArgs } from '../../src/core/command.ts';
import type { Delivery } from '../../src/core/delivery.ts';
import { BotFailure } from '../../src/core/errors.ts';
import type { SearchOption } from '../../src/core/card.ts';
import type { UnitOfWork } from '../../src/core/ports.ts';
import { pageWindow, pagedListCard, readPageValue } from '../../src/core/paging.ts';
import { privateCard, publicCard, type ActionInput, type ActionOutcome, type FormInput, type FormOutcome, type Reply } from '../../src/core/reply.ts';
import { committeeById, type MunicipalitySettings } from '../../src/core/settings.ts';
import { localDate, termOfOffice } from '../../src/calendar/index.ts';
import { translator } from '../../src/i18n/index.ts';
import * as cards from './cards.ts';
import type { VisitEngagement, VisitRecord, VisitsRepos, VisitsSettings } from './ports.ts';
import type { Correction } from '../../src/core/router.ts';
import { correctVisit } from './correction.ts';
import { VisitPlan, visitableEngagement } from './plan.ts';
import { visitsOverLimit } from './rules.ts';
import { visitForm, type VisitInput } from './visit-form.ts';
import { submitCommandForm } from '../../src/core/command-form.ts';

/** The form field an expected failure of `register` is about. */
const fieldOf: Partial<Record<string, string>> = {
  'error.notFound': 'engagement',
  'visit.error.engagementEnded': 'from',
  'visit.error.toBeforeFrom': 'to',
};

export const VISIT_LIST_PAGE = 'visits.page';
/** The typeahead the visit form's engagement picker uses past FORM_OPTIONS engagements. */
export const ENGAGEMENT_SEARCH = 'engagements';
/** What a form lists at most (Slack's limit for a static select). */
const FORM_OPTIONS = 100;
const SEARCH_RESULTS = 50;
const VISIT_PAGE_SIZE = 50;

/** R5: visits out and in, the coordinator's notice of incoming visits, and the twin-town limit. */
export class VisitService {
  private readonly plan: VisitPlan;

  constructor(
    private readonly uow: UnitOfWork<VisitsRepos>,
    private readonly municipality: MunicipalitySettings,
    private readonly settings: VisitsSettings,
  ) {
    this.plan = new VisitPlan(municipality, settings);
  }

  /** A correction from the register import (correction.ts). */
  async correct(c: Correction, ctx: RequestContext): Promise<void> {
    await correctVisit({ uow: this.uow, plan: this.plan, municipality: this.municipality, settings: this.settings }, c, ctx);
  }

  async add(args: ResolvedArgs<'visit.add'>, ctx: RequestContext): Promise<Reply> {
    if (args.form) {
      const engagements = await this.openEngagements();
      // A select without options is a form no one can fill in (and Slack refuses to open it).
      if (engagements.length === 0) throw new BotFailure({ code: 'visit.form.noEngagements' });
      const many = engagements.length > FORM_OPTIONS;
      return { kind: 'form', form: visitForm(engagements.slice(0, FORM_OPTIONS), ctx.t, {}, undefined, many ? ENGAGEMENT_SEARCH : undefined) };
    }
    const input: VisitInput = {
      engagement: args.engagement,
      direction: args.direction,
      from: args.from,
      to: args.to,
      ...(args.place ? { place: args.place } : {}),
      ...(args.participants !== undefined ? { participants: args.participants } : {}),
    };
    return publicCard(await this.register(input, args.lead ?? ctx.actor, ctx));
  }

  /** The form is the command: same reading, same checks, same card. */
  async submitForm(form: FormInput, ctx: RequestContext): Promise<FormOutcome> {
    return submitCommandForm<'visit.add'>(
      form,
      ctx,
      (args) => this.add(args, ctx),
      async (errors) => {
        const engagements = await this.openEngagements();
        return visitForm(engagements.slice(0, FORM_OPTIONS), ctx.t, form.values, errors, engagements.length > FORM_OPTIONS ? ENGAGEMENT_SEARCH : undefined);
      },
      fieldOf,
    );
  }

  async list(args: ResolvedArgs<'visits'>, ctx: RequestContext): Promise<Reply> {
    const today = localDate(ctx.now, this.municipality.timeZone);
    const filter = {
      ...(args.filter === 'upcoming' ? { upcomingFrom: today } : {}),
      ...(args.filter === 'reports-due' ? { reportsDueBefore: today } : {}),
    };
    const title = ctx.t(args.filter === 'reports-due' ? 'visit.list.titleDue' : args.filter === 'upcoming' ? 'visit.list.titleUpcoming' : 'visit.list.title');
    const total = await this.uow.read.visits.count(filter);
    if (total === 0) return privateCard({ title, summary: ctx.t('visit.list.empty'), sections: [{ type: 'text', text: ctx.t('visit.list.empty') }] });
    const page = pageWindow(args.page, VISIT_PAGE_SIZE, total);
    const visits = await this.uow.read.visits.list({ ...filter, limit: page.size, offset: page.offset });
    const c = this.cardContext(ctx);
    const items: string[] = [];
    for (const v of visits) {
      const e = await this.uow.read.engagements.get(v.engagementId);
      const ended = v.toDate < today && v.status !== 'cancelled';
      items.push(cards.visitLine(v, e, c, ended ? (await this.uow.read.visitReports.latest(v.id)) !== undefined : undefined));
    }
    return privateCard(pagedListCard({ title, items, action: VISIT_LIST_PAGE, filter: args.filter ? { filter: args.filter } : {} }, page, ctx.t));
  }

  /** "Next page" under the list: the same filter, one page on. */
  async pressPage(action: ActionInput, ctx: RequestContext): Promise<ActionOutcome> {
    const { page, filter } = readPageValue(action.value);
    const kept = (['upcoming', 'reports-due'] as const).find((f) => f === filter.filter);
    return { reply: await this.list({ ...(kept ? { filter: kept } : {}), page }, ctx) };
  }

  async deliverIncoming(row: { subject?: { id: number }; target?: Target }): Promise<Delivery> {
    const found = await this.visitWithEngagement(row.subject?.id ?? 0);
    if (!found || !row.target) return { action: 'drop', reason: 'visit or target missing' };
    if (found.visit.status === 'cancelled') return { action: 'drop', reason: 'visit cancelled' };
    const committee = committeeById(this.municipality, found.engagement.committeeId)?.name ?? found.engagement.committeeId;
    return { action: 'send', target: row.target, card: cards.incomingCard(found.visit, found.engagement, committee, this.outboxContext()) };
  }

  async deliverLimit(row: { subject?: { id: number }; target?: Target }): Promise<Delivery> {
    const found = await this.visitWithEngagement(row.subject?.id ?? 0);
    if (!found || !row.target) return { action: 'drop', reason: 'visit or target missing' };
    if (found.visit.status === 'cancelled') return { action: 'drop', reason: 'visit cancelled' };
    const earlier = (await this.uow.read.visits.listForEngagement(found.engagement.id)).filter((v) => v.id < found.visit.id);
    const over = visitsOverLimit(earlier, found.visit.fromDate, this.settings.twinTownVisitsPerTerm);
    if (!over) return { action: 'drop', reason: 'no longer over the limit' };
    const c = this.outboxContext();
    const warning = cards.limitWarning(over, termOfOffice(found.visit.fromDate), this.settings.twinTownVisitsPerTerm, c);
    return { action: 'send', target: row.target, card: cards.limitCard(found.visit, found.engagement, warning, c) };
  }

  private async register(input: VisitInput, lead: Actor, ctx: RequestContext) {
    if (input.to < input.from) throw new BotFailure({ code: 'visit.error.toBeforeFrom' });
    const c = this.cardContext(ctx);
    const { visit, engagement, over } = await this.uow.run(async (repos) => {
      const engagement = await visitableEngagement(repos, input.engagement, input.from, ctx);
      const earlier = await repos.visits.listForEngagement(engagement.id);
      const visit = await repos.visits.insert({
        engagementId: engagement.id,
        direction: input.direction,
        fromDate: input.from,
        toDate: input.to,
        ...(input.place ? { place: input.place } : {}),
        lead,
        ...(input.participants !== undefined ? { participants: input.participants } : {}),
        createdAt: toInstant(ctx.now),
        createdBy: ctx.actor,
      });
      const over = engagement.type === 'twin-town' ? visitsOverLimit(earlier, input.from, this.settings.twinTownVisitsPerTerm) : undefined;
      await repos.outbox.enqueue(this.plan.forNewVisit(visit, over !== undefined, ctx));
      return { visit, engagement, over };
    });
    const warning = over ? cards.limitWarning(over, termOfOffice(visit.fromDate), this.settings.twinTownVisitsPerTerm, c) : undefined;
    return cards.addedCard(visit, engagement, warning, this.settings.boardName, c);
  }

  /** The first engagements a visit can be for; one more than the form lists says "search". */
  private async openEngagements(): Promise<VisitEngagement[]> {
    return this.uow.read.engagements.list({ open: true, limit: FORM_OPTIONS + 1 });
  }

  /**
   * The visit form's typeahead over every open engagement: the id (`E12`, `12`) or words of the
   * title or partner, in any case and with å, ä, ö as typed. Matched here, not in SQL, because
   * SQLite's lower() folds only ASCII; a municipality's few thousand engagements are read in a few ms.
   */
  async searchEngagements(query: string): Promise<SearchOption[]> {
    const wanted = fold(query);
    if (!wanted) return [];
    const id = /^e?(\d{1,9})$/.exec(wanted)?.[1];
    const open = await this.uow.read.engagements.list({ open: true, limit: 1_000_000 });
    return open
      .filter((e) => (id !== undefined && e.id === Number(id)) || fold(`${e.title} ${e.partner ?? ''}`).includes(wanted))
      .slice(0, SEARCH_RESULTS)
      .map((e) => ({ value: String(e.id), label: cards.engagementLabel(e) }));
  }

  private async visitWithEngagement(id: number): Promise<{ visit: VisitRecord; engagement: VisitEngagement } | undefined> {
    const visit = await this.uow.read.visits.get(id);
    if (!visit) return undefined;
    const engagement = await this.uow.read.engagements.get(visit.engagementId);
    return engagement ? { visit, engagement } : undefined;
  }

  cardContext(ctx: Pick<RequestContext, 't' | 'locale'>): cards.CardContext {
    return { t: ctx.t, locale: ctx.locale, zone: this.municipality.timeZone };
  }

  outboxContext(): cards.CardContext {
    return { t: translator(this.municipality.locale), locale: this.municipality.locale, zone: this.municipality.timeZone };
  }
}

function fold(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();
}
