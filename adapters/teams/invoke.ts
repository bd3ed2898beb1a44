import type { TurnContext } from 'botbuilder';
import type { Bot, IncomingRequest } from '../../src/core/bot.ts';
import type { Card } from '../../src/core/card.ts';
import type { Logger } from '../../src/core/logger.ts';
import type { MessageRef } from '../../src/core/notifier.ts';
import type { ActionOutcome, FormOutcome, Reply } from '../../src/core/reply.ts';
import { conversationIdOf, requestOf } from './activity.ts';
import { cardAttachment, FORM_OWN_KEY, FORM_STATE_KEY, renderCard, renderForm, SUBMIT_VERB_KEY } from './render.ts';
import { cardActivity, cardResponse, linkFiles, messageResponse, replyActivity, replyResponse, type FileLinker, type InvokeBody } from './reply.ts';

/**
 * `adaptiveCard/action` invokes: a button (`Action.Execute`, data `{ value }`) or a form submit
 * (`Action.Execute`, data `{ state, …inputs }`). The invoke response changes the card for the
 * person who clicked; `updateActivity` changes the message for everyone.
 */

interface ExecuteValue {
  readonly action?: { readonly type?: unknown; readonly verb?: unknown; readonly data?: unknown };
}

export interface InvokeDeps {
  readonly bot: Bot;
  readonly log: Logger;
  readonly linkFile?: FileLinker;
}

export async function handleCardAction(ctx: TurnContext, tenantId: string, deps: InvokeDeps, email?: string): Promise<InvokeBody> {
  const { bot, log } = deps;
  const activity = ctx.activity;
  const action = (activity.value as ExecuteValue | undefined)?.action;
  if (action?.type !== 'Action.Execute' || typeof action.verb !== 'string' || !action.verb) {
    log.warn({ type: action?.type }, 'adaptiveCard/action without an Action.Execute verb');
    return messageResponse(bot.errorText({ code: 'error.unknownAction' }));
  }
  return handleCardData(ctx, tenantId, deps, action.verb, isRecord(action.data) ? action.data : {}, email);
}

/** A button press or form submit, by verb and data, whether it came as an invoke or an `Action.Submit` message. */
export async function handleCardData(
  ctx: TurnContext,
  tenantId: string,
  deps: InvokeDeps,
  verb: string,
  data: Readonly<Record<string, unknown>>,
  email?: string,
): Promise<InvokeBody> {
  const { bot } = deps;
  const activity = ctx.activity;
  const req = requestOf(activity, tenantId, email);

  if (typeof data[FORM_STATE_KEY] === 'string') {
    const values = formValues(data);
    const outcome = await bot.handleForm({ name: verb, state: data[FORM_STATE_KEY], values }, req);
    return respondToForm(ctx, outcome, values, req, deps, data[FORM_OWN_KEY] === true);
  }
  const source: MessageRef | undefined = activity.replyToId
    ? { platform: 'teams', conversationId: conversationIdOf(activity), messageId: activity.replyToId }
    : undefined;
  const value = typeof data.value === 'string' ? data.value : data.value === undefined ? '' : JSON.stringify(data.value);
  const outcome = await bot.handleAction({ name: verb, value, ...(source ? { source } : {}) }, req);
  return respondToAction(ctx, outcome, req, deps);
}

async function respondToAction(ctx: TurnContext, outcome: ActionOutcome, req: IncomingRequest, deps: InvokeDeps): Promise<InvokeBody> {
  if (outcome.form) return cardResponse(renderForm(outcome.form, deps.bot.t));
  if (outcome.replace) return replaceForEveryone(ctx, outcome.replace, outcome.reply, req, deps);
  if (outcome.reply) return respondWithReply(ctx, outcome.reply, deps);
  return messageResponse(deps.bot.t('teams.done'));
}

async function respondToForm(
  ctx: TurnContext,
  outcome: FormOutcome,
  typed: Readonly<Record<string, string>>,
  req: IncomingRequest,
  deps: InvokeDeps,
  ownMessage: boolean,
): Promise<InvokeBody> {
  if (outcome.kind === 'invalid') return cardResponse(renderForm(outcome.form, deps.bot.t, typed, ownMessage));
  if (outcome.replace) return replaceForEveryone(ctx, outcome.replace, outcome.reply, req, deps);
  // A form that is a message of its own gives way to its result, for everyone who sees it,
  // instead of staying behind with the last errors the submitter saw.
  const result = outcome.reply;
  if (ownMessage && (result?.kind === 'card' || result?.kind === 'file')) {
    const reply = await linkFiles(result, deps.linkFile, deps.bot);
    if (reply.kind === 'card') return replaceForEveryone(ctx, reply.card, undefined, req, deps);
  }
  if (outcome.reply) return respondWithReply(ctx, outcome.reply, deps);
  return messageResponse(deps.bot.t('teams.done'));
}

async function respondWithReply(ctx: TurnContext, reply: Reply, deps: InvokeDeps): Promise<InvokeBody> {
  if (reply.kind === 'card' && reply.visibility === 'public') {
    // Everyone should see it: a new message in the conversation; the clicked card stays.
    await ctx.sendActivity(cardActivity(reply.card));
    return messageResponse(deps.bot.t('teams.done'));
  }
  return replyResponse(reply, deps.bot);
}

async function replaceForEveryone(
  ctx: TurnContext,
  card: Card,
  reply: Reply | undefined,
  req: IncomingRequest,
  deps: InvokeDeps,
): Promise<InvokeBody> {
  const rendered = renderCard(card);
  const messageId = ctx.activity.replyToId;
  if (messageId) {
    try {
      await ctx.updateActivity({ id: messageId, type: 'message', attachments: [cardAttachment(rendered)] });
    } catch (err) {
      // The clicking person still gets the new card from the invoke response.
      deps.log.warn({ err, messageId }, 'could not update the card for everyone');
    }
  }
  if (reply) {
    const visibleToAll = reply.kind === 'card' && reply.visibility === 'public';
    // Teams has no messages that only one person in a chat sees; the invoke response is taken
    // by the new card, so a private reply is only sent where it stays private (1:1 chat).
    if (visibleToAll || req.isDirect) await ctx.sendActivity(replyActivity(reply, deps.bot));
    else deps.log.debug({ kind: reply.kind }, 'private reply dropped next to a replaced card');
  }
  return cardResponse(rendered);
}

/** The inputs Teams merged into the submit action's data, as strings. */
function formValues(data: Readonly<Record<string, unknown>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === FORM_STATE_KEY || key === SUBMIT_VERB_KEY || key === FORM_OWN_KEY || value === undefined || value === null) continue;
    values[key] = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return values;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
