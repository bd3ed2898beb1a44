import { localDate } from '../../src/calendar/index.ts';
import { actorKey, targetKey, type Actor } from '../../src/core/actor.ts';
import { toInstant } from '../../src/core/clock.ts';
import type { RequestContext, ResolvedArgs } from '../../src/core/command.ts';
import { BotFailure } from '../../src/core/errors.ts';
import { formatDate, idLabel } from '../../src/core/format.ts';
import { submitCommandForm } from '../../src/core/command-form.ts';
import type { MyWorkSection } from '../../src/core/my-work.ts';
import { pageWindow, pagedListCard, readPageValue } from '../../src/core/paging.ts';
import { privateCard, publicCard, type ActionInput, type ActionOutcome, type FormInput, type FormOutcome, type Reply } from '../../src/core/reply.ts';
import type { MessageKey } from '../../src/i18n/index.ts';
import { applyForm, requestCard, statusKey, warningText } from './cards.ts';
import type { Governance } from './context.ts';
import type { ApplicationRecord } from './ports.ts';
import { closingDay, decidingBody, matchCall, transitions } from './rules.ts';

export const APPROVALS_LIST_PAGE = 'approvals.page';
const APPROVALS_PAGE_SIZE = 50;

interface ApplyInput {
  readonly engagement: number;
  readonly call: string;
  readonly amount?: number | undefined;
  readonly prestudy: boolean;
}

/** R3: asking for approval to apply, and the application's way to the funder afterwards. */
export class ApplicationService {
  constructor(private readonly g: Governance) {}

  async apply(args: ResolvedArgs<'apply'>, ctx: RequestContext): Promise<Reply> {
    if (args.form) return { kind: 'form', form: applyForm(ctx.t) };
    return this.create({ engagement: args.engagement, call: args.call, amount: args.amount, prestudy: args.prestudy }, ctx);
  }

  /** The form `apply` opens without arguments. */
  async submitForm(form: FormInput, ctx: RequestContext): Promise<FormOutcome> {
    return submitCommandForm<'apply'>(form, ctx, (args) => this.apply(args, ctx), (errors) => applyForm(ctx.t, form.values, errors), {
      'error.notFound': 'engagement',
      'approval.error.callClosed': 'call',
    });
  }

  private async create(input: ApplyInput, ctx: RequestContext): Promise<Reply> {
    const g = this.g;
    const today = localDate(ctx.now, g.zone);
    const { application, view } = await g.uow.run(async (repos) => {
      const engagement = await repos.engagements.get(input.engagement);
      if (!engagement) throw new BotFailure({ code: 'error.notFound', params: { id: idLabel.engagement(input.engagement) } });
      const call = matchCall(input.call, await repos.calls.list());
      const closesOn = call ? closingDay(call, today) : undefined;
      if (closesOn && closesOn < today) {
        throw new BotFailure({ code: 'approval.error.callClosed', params: { call: call?.name ?? input.call, closes: formatDate(closesOn, ctx.locale) } });
      }
      const choice = input.prestudy ? undefined : decidingBody(g.settings, 'application', engagement);
      if (choice && !choice.ok) {
        if (choice.reason === 'noRule') throw new BotFailure({ code: 'approval.error.noRule' });
        throw new BotFailure({ code: 'approval.error.noBody', params: { kind: ctx.t(`approval.kind.${choice.kind}` as MessageKey) } });
      }
      const at = toInstant(ctx.now);
      const draft = await repos.applications.insert({
        engagementId: engagement.id,
        // A known call is recorded by its name, which reads better in the register than `C3`.
        callText: call?.name ?? input.call,
        ...(call ? { callId: call.id } : {}),
        ...(closesOn ? { closesOn } : {}),
        ...(input.amount !== undefined ? { amount: input.amount } : {}),
        prestudy: input.prestudy,
        matter: 'application',
        ...(choice?.ok ? { bodyId: choice.body.id, rule: choice.rule.reason } : {}),
        ...(choice?.ok && choice.consult ? { consultBodyId: choice.consult.id } : {}),
        status: 'draft',
        requestedBy: ctx.actor,
        createdAt: at,
      });
      await repos.audit.append({ applicationId: draft.id, event: 'created', to: 'draft', actor: ctx.actor, at });
      if (!choice?.ok) return { application: draft, view: undefined };
      await repos.applications.transition(draft.id, { from: ['draft'], to: 'awaiting', at });
      await repos.audit.append({ applicationId: draft.id, event: 'requested', from: 'draft', to: 'awaiting', actor: ctx.actor, detail: choice.body.id, at });
      const application = await g.load(repos, draft.id);
      const view = await g.view(repos, application);
      const warn = warningText(view, g.cardContext(ctx.now)) !== undefined;
      await repos.outbox.enqueue(g.requestMessages(application, choice.body, warn, ctx.now));
      return { application, view };
    });
    const id = idLabel.application(application.id);
    const c = g.cardContext(ctx.now, ctx.t, ctx.locale);
    if (!view) {
      const text = ctx.t('approval.prestudy', { id });
      return publicCard({ tone: 'success', summary: text, sections: [{ type: 'text', text }] });
    }
    const text = ctx.t('approval.requested', { id, body: view.body?.name ?? '', status: ctx.t(statusKey(application.status)) });
    // Asked inside the body's own channel, the request card with its buttons arrives right here:
    // a second copy without buttons just above it would only confuse.
    const here = targetKey(ctx.conversation);
    if (view.body?.targets.some((t) => targetKey(t) === here)) return publicCard({ tone: 'success', summary: text, sections: [{ type: 'text', text }] });
    const card = requestCard(view, c);
    // The requester sees the request as the body does, without the buttons that are not theirs to press.
    const { refresh: _refresh, buttons: _buttons, ...rest } = card;
    return publicCard({ ...rest, summary: text, sections: [{ type: 'text', text }, ...card.sections] });
  }

  async list(args: ResolvedArgs<'approvals'>, ctx: RequestContext): Promise<Reply> {
    const title = ctx.t('approval.list.title');
    const total = await this.g.uow.read.applications.countByStatus(['awaiting']);
    if (total === 0) return privateCard({ title, summary: ctx.t('approval.list.empty'), sections: [{ type: 'text', text: ctx.t('approval.list.empty') }] });
    const page = pageWindow(args.page, APPROVALS_PAGE_SIZE, total);
    const waiting = await this.g.uow.read.applications.listByStatus(['awaiting'], page.size, page.offset);
    const items = await Promise.all(waiting.map((a) => this.line(a, ctx)));
    return privateCard(pagedListCard({ title, items, action: APPROVALS_LIST_PAGE }, page, ctx.t));
  }

  /** "Next page" under the list of what waits for a decision. */
  async pressPage(action: ActionInput, ctx: RequestContext): Promise<ActionOutcome> {
    return { reply: await this.list({ page: readPageValue(action.value).page }, ctx) };
  }

  private async line(a: ApplicationRecord, ctx: RequestContext): Promise<string> {
    const engagement = await this.g.uow.read.engagements.get(a.engagementId);
    const closes = a.closesOn ? ` · ${ctx.t('approval.field.closes')} ${formatDate(a.closesOn, ctx.locale)}` : '';
    const title = engagement ? ` ${engagement.title}` : '';
    return `${idLabel.application(a.id)} · ${idLabel.engagement(a.engagementId)}${title} · ${a.callText} · ${this.g.body(a.bodyId)?.name ?? a.bodyId ?? ''}${closes}`;
  }

  /** `application submitted|granted|denied <id>`: the gate is the status the change starts from. */
  async move(id: number, step: 'submitted' | 'granted' | 'denied', ctx: RequestContext): Promise<Reply> {
    const rule = transitions[step];
    const at = toInstant(ctx.now);
    await this.g.uow.run(async (repos) => {
      const a = await this.g.load(repos, id);
      // A draft is a pre-study, which needs no approval; anything else must have been approved.
      const allowed = rule.from.includes(a.status) && (a.status !== 'draft' || a.prestudy);
      if (!allowed || !(await repos.applications.transition(id, { from: [a.status], to: rule.to, at }))) {
        const code = step === 'submitted' ? 'approval.error.notApproved' : 'approval.error.notSubmitted';
        throw new BotFailure({ code, params: { id: idLabel.application(id), status: ctx.t(statusKey(a.status)) } });
      }
      await repos.audit.append({ applicationId: id, event: step, from: a.status, to: rule.to, actor: ctx.actor, at });
    });
    const key: Record<typeof step, MessageKey> = { submitted: 'approval.markedSubmitted', granted: 'approval.markedGranted', denied: 'approval.markedDenied' };
    const text = ctx.t(key[step], { id: idLabel.application(id) });
    return publicCard({ tone: step === 'denied' ? 'info' : 'success', summary: text, sections: [{ type: 'text', text }] });
  }

  /** "My work": the requests waiting for this person's decision. */
  async myWork(person: Actor, ctx: Pick<RequestContext, 't' | 'locale' | 'now'>): Promise<MyWorkSection> {
    const waiting = await this.g.uow.read.applications.listByStatus(['awaiting'], 200);
    const items: string[] = [];
    // Once per body: membership of a Slack user group is a call to Slack.
    const decides = new Map<string, Promise<boolean>>();
    for (const a of waiting) {
      const body = this.g.body(a.bodyId);
      if (!body || actorKey(a.requestedBy) === actorKey(person)) continue;
      if (!decides.has(body.id)) decides.set(body.id, this.g.mayDecide(this.g.uow.read, body, person));
      if (!(await decides.get(body.id))) continue;
      const closes = a.closesOn ? ` · ${ctx.t('approval.field.closes')} ${formatDate(a.closesOn, ctx.locale)}` : '';
      items.push(`${idLabel.application(a.id)} · ${a.callText} · ${body.name}${closes}`);
    }
    return { order: 20, title: ctx.t('approval.mywork.title'), items, empty: ctx.t('approval.mywork.empty') };
  }

  /** Lines for `engagement <id>`: each application with its status. */
  async engagementLines(engagementId: number, ctx: Pick<RequestContext, 't' | 'locale'>): Promise<string[]> {
    const list = await this.g.uow.read.applications.listForEngagement(engagementId);
    return list.map((a) => `${idLabel.application(a.id)} · ${a.callText} · ${ctx.t(statusKey(a.status))}`);
  }
}
