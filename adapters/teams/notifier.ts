import { TurnContext, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
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

  /** `notYet`: the reference is a guess (see `channelOfItsTeams`), so a refusal means "not added there yet". */
  const continueIn = async (stored: StoredConversation, what: string, logic: (ctx: TurnContext) => Promise<void>, notYet = false): Promise<void> => {
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
      const refused = toDeliveryError(err, `${what} in conversation ${stored.conversationId}`);
      const error =
        notYet && refused.options.permanent
          ? new DeliveryError(`Teams: Samverkan is not in the team or chat of ${stored.conversationId} yet (${refused.message}); add the app there`, { unreachable: true })
          : refused;
      deps.log.warn({ err, conversationId: stored.conversationId, ...error.options }, 'Teams delivery failed');
      throw error;
    }
  };

  /**
   * A person the bot has never talked with (a deadline owner, a visit's lead) has no personal chat
   * yet. The Bot Connector creates one on request, given the tenant's service URL, which any
   * conversation in the same tenant has; the new reference is stored like any other.
   */
  const openPersonalChat = async (target: Target): Promise<StoredConversation> => {
    const tenantId = target.tenantId ?? '';
    const known = target.kind === 'user' && tenantId ? await conversations.anyInTenant('teams', tenantId) : undefined;
    if (target.kind !== 'user' || !known) {
      throw new DeliveryError(
        `Teams: no personal chat with ${target.kind === 'user' ? target.userId : target.conversationId} and no conversation in its tenant to start one from; add Samverkan to a team or chat there first`,
        { unreachable: true },
      );
    }
    const from = JSON.parse(known.reference) as Partial<ConversationReference>;
    let opened: StoredConversation | undefined;
    try {
      await adapter.createConversationAsync(
        appId,
        from.channelId ?? 'msteams',
        from.serviceUrl ?? '',
        // Local mode has no audience; with an app id, undefined lets botbuilder use its cloud's
        // own (ToChannelFromBotOAuthScope), which a sovereign or private cloud sets.
        (appId ? undefined : '') as string,
        { isGroup: false, bot: from.bot, members: [{ id: target.userId }], tenantId, channelData: { tenant: { id: tenantId } } } as ConversationParameters,
        async (ctx) => {
          const reference = TurnContext.getConversationReference(ctx.activity);
          opened = { platform: 'teams', tenantId, conversationId: reference.conversation?.id ?? '', userId: target.userId, reference: JSON.stringify(reference) };
        },
      );
    } catch (err) {
      throw toDeliveryError(err, `opening a personal chat with ${target.userId}`);
    }
    if (!opened?.conversationId) throw new DeliveryError(`Teams: the connector opened no chat with ${target.userId}`);
    await conversations.save(opened);
    return opened;
  };

  /**
   * A channel the bot has not heard from. Installing the app in a team tells the bot about the
   * team's General channel only, yet the bot may post in every channel of the team: so the
   * reference of the conversation it heard from last (its service address, its own account) is
   * addressed to this channel and tried. If the bot is not in that team, Teams refuses and the
   * message waits, as for a conversation it cannot reach yet; once it gets through, the reference
   * is stored like one Teams gave.
   */
  const channelOfItsTeams = async (target: Extract<Target, { kind: 'conversation' }>): Promise<StoredConversation> => {
    const known = await conversations.anyInTenant('teams', target.tenantId);
    if (!known) {
      throw new DeliveryError(
        `Teams: no stored conversation reference for ${target.conversationId}; the bot must be added to that team or chat (and see one message or the install) before it can post there`,
        // Not yet rather than never: the reference is stored when the bot is added (issue 12).
        { unreachable: true },
      );
    }
    const from = JSON.parse(known.reference) as Partial<ConversationReference>;
    const tenantId = target.tenantId ?? known.tenantId;
    const reference: Partial<ConversationReference> = {
      ...from,
      conversation: { id: target.conversationId, isGroup: true, conversationType: 'channel', tenantId, name: '' },
    };
    delete reference.user;
    return { platform: 'teams', tenantId, conversationId: target.conversationId, reference: JSON.stringify(reference) };
  };

  return {
    platform: 'teams',

    async post(target: Target, card: Card): Promise<MessageRef> {
      const stored = await storedFor(conversations, target);
      const guessed = !stored && target.kind === 'conversation' ? await channelOfItsTeams(target) : undefined;
      const to = stored ?? guessed ?? (await openPersonalChat(target));
      let messageId = '';
      await continueIn(
        to,
        'posting',
        async (ctx) => {
          const response = await ctx.sendActivity(cardActivity(card));
          messageId = response?.id ?? '';
        },
        guessed !== undefined,
      );
      if (guessed) await conversations.save(guessed);
      return { platform: 'teams', conversationId: to.conversationId, messageId };
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

async function storedFor(conversations: ConversationStore, target: Target): Promise<StoredConversation | undefined> {
  if (target.kind === 'conversation') return conversations.get('teams', target.conversationId);
  return conversations.personalFor('teams', target.userId);
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
