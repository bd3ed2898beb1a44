import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Target } from '../../src/core/actor.ts';
import type { Card } from '../../src/core/card.ts';
import type { Logger } from '../../src/core/logger.ts';
import { DeliveryError, type MessageRef, type Notifier } from '../../src/core/notifier.ts';
import type { ConversationStore, StoredConversation } from '../../src/core/ports.ts';
import { toDeliveryError } from './delivery-error.ts';
import { cardActivity } from './reply.ts';

export interface TeamsNotifierDeps {
  readonly adapter: CloudAdapter;
  /** Empty in local mode. */
  readonly appId: string;
  readonly conversations: ConversationStore;
  readonly log: Logger;
}

/**
 * Sends cards proactively from stored conversation references (saved by the turn handler on
 * every contact) and updates cards the bot posted earlier.
 */
export function createTeamsNotifier(deps: TeamsNotifierDeps): Notifier {
  const { adapter, appId, conversations } = deps;

  const continueIn = async (stored: StoredConversation, what: string, logic: (ctx: TurnContext) => Promise<void>): Promise<void> => {
    let reference: Partial<ConversationReference>;
    try {
      reference = JSON.parse(stored.reference) as Partial<ConversationReference>;
    } catch {
      throw new DeliveryError(`Teams: the stored reference for conversation ${stored.conversationId} is not JSON`, { permanent: true });
    }
    try {
      // The adapter hands errors thrown in the callback to onTurnError instead of rejecting,
      // so the callback keeps its own error and it is rethrown here.
      let failure: { error: unknown } | undefined;
      await adapter.continueConversationAsync(appId, reference, async (ctx) => {
        withoutPipelineRetries(ctx, adapter);
        try {
          await logic(ctx);
        } catch (error) {
          failure = { error };
        }
      });
      if (failure) throw failure.error;
    } catch (err) {
      const error = toDeliveryError(err, `${what} in conversation ${stored.conversationId}`);
      deps.log.warn({ err, conversationId: stored.conversationId, ...error.options }, 'Teams delivery failed');
      throw error;
    }
  };

  return {
    platform: 'teams',

    async post(target: Target, card: Card): Promise<MessageRef> {
      const stored = await storedFor(conversations, target);
      let messageId = '';
      await continueIn(stored, 'posting', async (ctx) => {
        const response = await ctx.sendActivity(cardActivity(card));
        messageId = response?.id ?? '';
      });
      return { platform: 'teams', conversationId: stored.conversationId, messageId };
    },

    async update(ref: MessageRef, card: Card): Promise<void> {
      const stored = await conversations.get('teams', ref.conversationId);
      if (!stored) {
        throw new DeliveryError(`Teams: no stored conversation reference for ${ref.conversationId}; cannot update message ${ref.messageId}`, {
          permanent: true,
        });
      }
      await continueIn(stored, `updating message ${ref.messageId}`, async (ctx) => {
        await ctx.updateActivity({ ...cardActivity(card), id: ref.messageId });
      });
    },
  };
}

async function storedFor(conversations: ConversationStore, target: Target): Promise<StoredConversation> {
  if (target.kind === 'conversation') {
    const stored = await conversations.get('teams', target.conversationId);
    if (stored) return stored;
    throw new DeliveryError(
      `Teams: no stored conversation reference for ${target.conversationId}; the bot must be added to that team or chat (and see one message or the install) before it can post there`,
      { permanent: true },
    );
  }
  const stored = await conversations.personalFor('teams', target.userId);
  if (stored) return stored;
  throw new DeliveryError(
    `Teams: no personal chat with user ${target.userId}; the person must install Samverkan or message the bot once before it can write to them`,
    { permanent: true },
  );
}

/**
 * botbuilder's HTTP pipeline retries throttled and failed calls itself, sleeping through
 * Retry-After up to three times. For scheduled deliveries that would hold the outbox lease and
 * hide the 429 from the scheduler, which owns retries; so proactive calls fail fast instead.
 */
function withoutPipelineRetries(ctx: TurnContext, adapter: CloudAdapter): void {
  const connector = ctx.turnState.get(adapter.ConnectorClientKey) as
    | { client?: { pipeline?: { removePolicy(options: { phase?: 'Retry' }): unknown } } }
    | undefined;
  connector?.client?.pipeline?.removePolicy({ phase: 'Retry' });
}
