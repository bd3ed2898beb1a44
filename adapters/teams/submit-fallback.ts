import type { Activity, TurnContext } from 'botbuilder';
import { handleCardData, isRecord, type InvokeDeps } from './invoke.ts';
import { SUBMIT_VERB_KEY } from './render.ts';
import { textCard } from '../../src/core/card.ts';
import { cardMessage, type InvokeBody } from './reply.ts';
import { ADAPTIVE_CARD_TYPE, renderCard, type AdaptiveCard } from './render.ts';

/**
 * Clients without Universal Actions run a button's `Action.Submit` fallback instead: a message
 * activity whose `value` is the button's data plus the verb. It is answered like the invoke, but
 * there is no invoke response to carry the new card, so the answer is a new message.
 */

export interface SubmittedAction {
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export function submitFallbackOf(activity: Partial<Activity>): SubmittedAction | undefined {
  const value: unknown = activity.value;
  if (!isRecord(value)) return undefined;
  const verb = value[SUBMIT_VERB_KEY];
  if (typeof verb !== 'string' || !verb) return undefined;
  const { [SUBMIT_VERB_KEY]: _verb, ...data } = value;
  return { verb, data };
}

export async function answerSubmitFallback(ctx: TurnContext, tenantId: string, deps: InvokeDeps, submitted: SubmittedAction, email?: string): Promise<void> {
  const body: InvokeBody = await handleCardData(ctx, tenantId, deps, submitted.verb, submitted.data, email);
  if (body.type === ADAPTIVE_CARD_TYPE) {
    const card = body.value as AdaptiveCard;
    await ctx.sendActivity(cardMessage(card, card.fallbackText));
  } else {
    // What an invoke would have shown as a toast; a card, because message text is read as HTML.
    const text = String(body.value);
    await ctx.sendActivity(cardMessage(renderCard(textCard(text)), text));
  }
}
