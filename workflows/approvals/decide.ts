import { actorKey, samePerson } from '../../src/core/actor.ts';
import { toInstant } from '../../src/core/clock.ts';
import type { RequestContext } from '../../src/core/command.ts';
import { BotFailure, type BotError } from '../../src/core/errors.ts';
import { idLabel, personLabel } from '../../src/core/format.ts';
import { formTextErrors } from '../../src/core/text.ts';
import { errorReply, privateCard, type ActionInput, type ActionOutcome, type FormInput, type FormOutcome } from '../../src/core/reply.ts';
import { DECISION_TEXT_LIMITS, decisionForm, instantText, outcomeWord, requestCard, statusKey, warningText } from './cards.ts';
import { DECIDED, EXPIRE, REFRESH, REMINDER, WARNING, subject, type Governance } from './context.ts';
import { decisionOutcomes, type ApplicationRecord, type BodySettings, type DecisionOutcome, type GovernanceRepos } from './ports.ts';
import { decisionFieldErrors } from './rules.ts';

/** `<id>:<round>:<outcome>`, as the buttons and the decision form carry it. */
function parseRef(value: string): { id: number; round: number; outcome: DecisionOutcome } | undefined {
  const [id, round, outcome] = value.split(':');
  const o = decisionOutcomes.find((d) => d === outcome);
  if (!o || !/^\d+$/.test(id ?? '') || !/^\d+$/.test(round ?? '')) return undefined;
  return { id: Number(id), round: Number(round), outcome: o };
}

/** R3: the body's approvers decide; exactly one decision per round, enforced by the database. */
export class DecisionService {
  constructor(private readonly g: Governance) {}

  /** A button opens the decision form, for an approver of the body who is not the requester. */
  async press(action: ActionInput, ctx: RequestContext): Promise<ActionOutcome> {
    const ref = parseRef(action.value);
    if (!ref) return { reply: errorReply({ code: 'error.unknownAction' }) };
    const repos = this.g.uow.read;
    const a = await this.g.load(repos, ref.id);
    const refused = await this.refusal(repos, a, ctx);
    if (refused) return { reply: errorReply(refused) };
    if (a.status !== 'awaiting' || a.round !== ref.round) return this.stale(repos, a, ref.round, ctx);
    return { form: decisionForm(a, ref.outcome, ctx.t) };
  }

  async submit(form: FormInput, ctx: RequestContext): Promise<FormOutcome> {
    const ref = parseRef(form.state);
    if (!ref) return { kind: 'done', reply: errorReply({ code: 'error.unknownAction' }) };
    const reference = (form.values.reference ?? '').trim();
    const comment = (form.values.comment ?? '').trim();
    const errors = {
      ...Object.fromEntries(
        decisionFieldErrors(ref.outcome, reference, comment).map((f) => [
          f,
          ctx.t(f === 'reference' ? 'approval.form.referenceRequired' : 'approval.form.commentRequired'),
        ]),
      ),
      ...formTextErrors(form.values, DECISION_TEXT_LIMITS, ctx.t),
    };
    const at = toInstant(ctx.now);
    const a = await this.g.load(this.g.uow.read, ref.id);
    if (Object.keys(errors).length) return { kind: 'invalid', form: { ...decisionForm(a, ref.outcome, ctx.t), errors } };
    // Who may decide follows from configuration and the requester, which no decision changes:
    // checked before the transaction, which then holds only the writes.
    const refused = await this.refusal(this.g.uow.read, a, ctx);
    if (refused) throw new BotFailure(refused);
    const body = this.g.body(a.bodyId) as BodySettings;
    const decision = await this.g.uow.run(async (repos) => {
      // The conditional update is the first write: a loser changes nothing.
      const won = await repos.applications.transition(a.id, { from: ['awaiting'], round: ref.round, to: ref.outcome, at });
      if (!won) return undefined;
      const decision = await repos.decisions.record({
        applicationId: a.id,
        round: ref.round,
        bodyId: body.id,
        outcome: ref.outcome,
        reference,
        comment,
        decidedBy: ctx.actor,
        decidedAt: at,
      });
      if (!decision) throw new Error(`application ${a.id} round ${ref.round} already had a decision`);
      await repos.audit.append({ applicationId: a.id, event: 'decided', from: 'awaiting', to: ref.outcome, actor: ctx.actor, detail: reference, at });
      const s = subject(a.id, ref.round);
      await repos.outbox.cancelPending(s, [REMINDER, WARNING, EXPIRE]);
      await repos.outbox.enqueue([
        { kind: REFRESH, subject: s, dueAt: at },
        { kind: DECIDED, subject: s, target: this.requester(a), dueAt: at },
        ...this.g.myWorkChanged(body, this.requester(a), ctx.now),
      ]);
      return decision;
    });
    if (decision) {
      // The card is built from what was just written, without reading it back.
      const view = await this.g.view(this.g.uow.read, { ...a, status: ref.outcome, round: ref.round, updatedAt: at }, ref.round, decision);
      return { kind: 'done', replace: requestCard(view, this.g.cardContext(ctx.now, ctx.t, ctx.locale)) };
    }
    const stale = await this.stale(this.g.uow.read, await this.g.load(this.g.uow.read, a.id), ref.round, ctx);
    return { kind: 'done', ...(stale.reply ? { reply: stale.reply } : {}), ...(stale.replace ? { replace: stale.replace } : {}) };
  }

  /** Teams' card refresh: the request as it stands now, for the person looking at it. */
  async current(action: ActionInput, ctx: RequestContext): Promise<ActionOutcome> {
    const [idText, roundText] = action.value.split(':');
    const repos = this.g.uow.read;
    const a = await this.g.load(repos, Number(idText));
    const view = await this.g.view(repos, a, Number(roundText) || a.round);
    return { reply: privateCard(requestCard(view, this.g.cardContext(ctx.now, ctx.t, ctx.locale))) };
  }

  /** "Ask for changes" returns the request to its requester, who sends it again as a new round. */
  async resubmit(action: ActionInput, ctx: RequestContext): Promise<ActionOutcome> {
    const [idText, roundText] = action.value.split(':');
    const id = Number(idText);
    const round = Number(roundText);
    const at = toInstant(ctx.now);
    const view = await this.g.uow.run(async (repos) => {
      const a = await this.g.load(repos, id);
      if (actorKey(a.requestedBy) !== actorKey(ctx.actor)) throw new BotFailure({ code: 'approval.error.notRequester', params: { id: idLabel.application(id) } });
      const body = this.g.body(a.bodyId);
      if (!body || !(await repos.applications.transition(id, { from: ['changes'], round, to: 'awaiting', nextRound: true, at }))) {
        throw new BotFailure({ code: 'approval.error.notChanges', params: { id: idLabel.application(id), status: ctx.t(statusKey(a.status)) } });
      }
      await repos.audit.append({ applicationId: id, event: 'resubmitted', from: 'changes', to: 'awaiting', actor: ctx.actor, at });
      const next = await this.g.load(repos, id);
      const view = await this.g.view(repos, next);
      const warn = warningText(view, this.g.cardContext(ctx.now)) !== undefined;
      await repos.outbox.enqueue(this.g.requestMessages(next, body, warn, ctx.now));
      return view;
    });
    const text = ctx.t('approval.resubmitted', { id: idLabel.application(id), body: view.body?.name ?? '', round: view.application.round });
    return { replace: { tone: 'success', summary: text, sections: [{ type: 'text', text }] } };
  }

  private requester(a: ApplicationRecord) {
    return { kind: 'user' as const, platform: a.requestedBy.platform, userId: a.requestedBy.userId, tenantId: a.requestedBy.tenantId };
  }

  /** Why this person may not decide, if they may not. */
  private async refusal(repos: GovernanceRepos, a: ApplicationRecord, ctx: RequestContext): Promise<BotError | undefined> {
    const body = this.g.body(a.bodyId);
    if (!body) return { code: 'error.notFound', params: { id: idLabel.application(a.id) } };
    if (!(await this.g.mayDecide(repos, body, ctx.actor))) return { code: 'approval.error.notApprover', params: { body: body.name } };
    // Asked in Slack, pressed in Teams (or the other way) is still the asker's own request.
    if (samePerson(a.requestedBy, ctx.actor, this.g.settings.people)) return { code: 'approval.error.ownRequest' };
    return undefined;
  }

  /** A press or submission that came too late: who decided and when, and the card as it is now. */
  private async stale(repos: GovernanceRepos, a: ApplicationRecord, round: number, ctx: RequestContext): Promise<ActionOutcome> {
    const view = await this.g.view(repos, a, round);
    const c = this.g.cardContext(ctx.now, ctx.t, ctx.locale);
    const id = idLabel.application(a.id);
    const d = view.decision;
    const error: BotError = d
      ? { code: 'approval.error.alreadyDecided', params: { id, outcome: ctx.t(outcomeWord(d.outcome)), by: personLabel(d.decidedBy), at: instantText(d.decidedAt, c) } }
      : { code: 'approval.error.notAwaiting', params: { id, status: ctx.t(statusKey(view.application.status)) } };
    return { reply: errorReply(error), replace: requestCard(view, c) };
  }
}
