import type { webApi } from '@slack/bolt';
import type { Target } from '../../src/core/actor.ts';
import type { Card } from '../../src/core/card.ts';
import type { MessageRef, Notifier } from '../../src/core/notifier.ts';
import type { Translate } from '../../src/i18n/index.ts';
import { toDeliveryError } from './delivery-errors.ts';
import { renderCard } from './render.ts';

/**
 * Posts and updates cards for the outbox scheduler. A user target posts with the user id as the
 * channel, which Slack delivers in the app's direct messages with that person (its `D…` channel
 * comes back in the response and is what the MessageRef keeps, so the message can be updated).
 */
export function createSlackNotifier(client: webApi.WebClient, t: Translate): Notifier {
  return {
    platform: 'slack',
    async post(target: Target, card: Card): Promise<MessageRef> {
      const channel = target.kind === 'conversation' ? target.conversationId : target.userId;
      const message = renderCard(card, t);
      try {
        const result = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false });
        if (!result.ts) throw new Error('chat.postMessage returned no ts');
        return { platform: 'slack', conversationId: result.channel ?? channel, messageId: result.ts };
      } catch (err) {
        throw toDeliveryError(err, `chat.postMessage to ${channel}`);
      }
    },
    async update(ref: MessageRef, card: Card): Promise<void> {
      const message = renderCard(card, t);
      try {
        await client.chat.update({ channel: ref.conversationId, ts: ref.messageId, text: message.text, blocks: message.blocks });
      } catch (err) {
        throw toDeliveryError(err, `chat.update of ${ref.conversationId}/${ref.messageId}`);
      }
    },
    async publishHome(userId: string, card: Card): Promise<void> {
      try {
        await client.views.publish({ user_id: userId, view: { type: 'home', blocks: renderCard(card, t).blocks } });
      } catch (err) {
        throw toDeliveryError(err, `views.publish for ${userId}`);
      }
    },
  };
}
