import type { Target } from '../core/actor.ts';
import type { OutboxMessage } from '../core/outbox.ts';
import type { MunicipalitySettings } from '../core/settings.ts';
import type { Translate } from '../i18n/index.ts';
import type { DeliveryHandler } from './ports.ts';
import type { UnreachableConversation } from './reachability.ts';

export const unreachableNoticeKind = 'scheduler.unreachable';

const keyOf = (t: Target) => `${t.platform}:${t.kind === 'conversation' ? t.conversationId : `user:${t.userId}`}`;

/** Every configured conversation, with the name a person knows it by. */
export function configuredConversations(settings: MunicipalitySettings): Array<{ target: Target; name: string }> {
  return [
    ...settings.coordinator.targets.map((target) => ({ target, name: 'coordinator' })),
    ...settings.committees.flatMap((c) => c.targets.map((target) => ({ target, name: c.name }))),
  ];
}

/**
 * Tells the coordinator, once, that the bot cannot post in a conversation yet and should be
 * added there (through the outbox, like every side effect; the dedupe key makes it once across
 * restarts and replicas). Sent to the coordinator's other places, not the unreachable one.
 */
export function unreachableNotices(o: {
  readonly settings: MunicipalitySettings;
  readonly t: Translate;
  readonly now: () => string;
  readonly enqueue: (messages: readonly OutboxMessage[]) => Promise<void>;
  readonly onError: (err: unknown) => void;
}): { readonly handler: DeliveryHandler; notify(conversation: UnreachableConversation): void } {
  const names = new Map(configuredConversations(o.settings).map((c) => [keyOf(c.target), c.name]));
  const place = (platform: string, id: string, key: string) => {
    const name = names.get(key);
    const where = platform === 'slack' && !id.startsWith('U') ? `<#${id}>` : id;
    return name && name !== 'coordinator' ? `${name} (${where})` : where;
  };
  return {
    handler: async (row) => {
      const { platform, conversation, key } = row.payload as { platform: string; conversation: string; key: string };
      if (!row.target) return { action: 'drop', reason: 'no coordinator to tell' };
      const text = o.t('scheduler.unreachable', { place: place(platform, conversation, key), platform: platform === 'slack' ? 'Slack' : 'Teams' });
      return { action: 'send', target: row.target, card: { title: o.t('scheduler.unreachable.title'), tone: 'warning', sections: [{ type: 'text', text }], summary: text } };
    },
    notify(conversation) {
      const key = keyOf(conversation.target);
      const to = o.settings.coordinator.targets.filter((t) => keyOf(t) !== key);
      if (to.length === 0) return;
      const id = conversation.target.kind === 'conversation' ? conversation.target.conversationId : conversation.target.userId;
      o.enqueue(
        to.map((target) => ({
          kind: unreachableNoticeKind,
          target,
          payload: { platform: conversation.target.platform, conversation: id, key },
          dueAt: o.now(),
          dedupeKey: `unreachable:${key}:${keyOf(target)}`,
        })),
      ).catch(o.onError);
    },
  };
}
