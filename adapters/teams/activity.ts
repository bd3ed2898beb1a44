import { TurnContext } from 'botbuilder';
import type { Activity, ConversationReference } from 'botbuilder';
import type { Actor, Target } from '../../src/core/actor.ts';
import type { IncomingRequest } from '../../src/core/bot.ts';
import type { StoredConversation } from '../../src/core/ports.ts';

/** Teams activity → the core's request shapes. Pure functions of the activity. */

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : undefined;
  return activity.conversation?.tenantId || fromChannelData || undefined;
}

export function isPersonal(activity: Partial<Activity>): boolean {
  return activity.conversation?.conversationType === 'personal';
}

/**
 * The conversation a request belongs to. In a channel Teams puts the thread into the id
 * (`19:…@thread.tacv2;messageid=…`); the channel itself is what targets, stored references and
 * message refs name, so a reminder later starts a new post instead of replying in an old thread.
 */
export function conversationIdOf(activity: Partial<Activity>): string {
  const id = activity.conversation?.id ?? '';
  if (activity.conversation?.conversationType !== 'channel') return id;
  const channelData = activity.channelData as { channel?: { id?: unknown } } | undefined;
  const channelId = channelData?.channel?.id;
  return typeof channelId === 'string' && channelId ? channelId : (id.split(';')[0] ?? id);
}

export function actorOf(activity: Partial<Activity>, tenantId: string, email?: string): Actor {
  const from = activity.from;
  return {
    platform: 'teams',
    tenantId,
    userId: from?.id ?? '',
    ...(from?.aadObjectId ? { aadObjectId: from.aadObjectId } : {}),
    ...(from?.name ? { name: from.name } : {}),
    ...(email ? { email } : {}),
  };
}

/** `email` comes from the member look-up (MemberEmails); the activity itself carries none. */
export function requestOf(activity: Partial<Activity>, tenantId: string, email?: string): IncomingRequest {
  const conversation: Target = {
    kind: 'conversation',
    platform: 'teams',
    conversationId: conversationIdOf(activity),
    tenantId,
  };
  return { actor: actorOf(activity, tenantId, email), conversation, isDirect: isPersonal(activity) };
}

/**
 * What the scheduler needs to message this conversation later. The reference points at the
 * conversation (channel, not thread) and carries no activity id, so a proactive message is a new
 * message rather than a reply to whatever was said last.
 */
export function storedConversationOf(activity: Partial<Activity>, tenantId: string): StoredConversation {
  const reference: Partial<ConversationReference> = TurnContext.getConversationReference(activity);
  delete reference.activityId;
  const conversationId = conversationIdOf(activity);
  if (reference.conversation) reference.conversation = { ...reference.conversation, id: conversationId };
  const personal = isPersonal(activity);
  return {
    platform: 'teams',
    tenantId,
    conversationId,
    ...(personal && activity.from?.id ? { userId: activity.from.id } : {}),
    reference: JSON.stringify(reference),
  };
}

interface MentionEntity {
  readonly type: 'mention';
  readonly text?: string;
  readonly mentioned?: { readonly id?: string; readonly name?: string };
}

function mentionsOf(activity: Partial<Activity>): MentionEntity[] {
  return (activity.entities ?? []).filter((e): e is MentionEntity & typeof e => e.type === 'mention');
}

// Formatting tags the Teams clients may wrap a message in. Anything else that looks like a tag
// is left alone: it may be part of what the person typed.
const FORMATTING_TAG = /<\/?(?:p|div|span|b|i|u|s|strong|em|pre|code|br)\b[^>]*>/gi;

/**
 * The command text of a message: the bot's own mention removed, other mentions rewritten to
 * `<@id|Name>` (what the grammar understands), formatting tags and HTML entities undone.
 */
export function commandText(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  const botId = activity.recipient?.id;
  for (const mention of mentionsOf(activity)) {
    const id = mention.mentioned?.id;
    const name = mention.mentioned?.name ?? '';
    const tag = mention.text ?? `<at>${name}</at>`;
    if (!id) continue;
    const replacement = id === botId ? ' ' : `<@${id}|${mentionLabel(tag, name)}>`;
    text = text.split(tag).join(replacement);
  }
  // Newer Teams clients mention a person by each part of the name (<at>Anna</at> <at>Berg</at>),
  // all with the same id: join them back into one mention.
  const adjacent = /<@([^|>]+)\|([^>]*)>\s*<@\1\|([^>]*)>/;
  while (adjacent.test(text)) text = text.replace(adjacent, (_all, id: string, a: string, b: string) => `<@${id}|${a} ${b}>`);
  text = text.replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n').replace(FORMATTING_TAG, '');
  return decodeEntities(text).replace(/\u00a0/g, ' ').trim();
}

function mentionLabel(tag: string, name: string): string {
  const inner = /^<at[^>]*>([\s\S]*)<\/at>$/i.exec(tag)?.[1] ?? name;
  // `|` and `>` would end the label early in `<@id|label>`.
  return decodeEntities(inner).replace(/[|<>]/g, '').trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** True when a conversationUpdate says the bot itself was added (installed in a team or chat). */
export function botWasAdded(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return (activity.membersAdded ?? []).some((m) => m.id === botId);
}

/** True when the bot is being removed; its reference is useless from then on and is not saved. */
export function isUninstall(activity: Partial<Activity>): boolean {
  if (activity.type === 'installationUpdate') return String(activity.action ?? '').startsWith('remove');
  const botId = activity.recipient?.id;
  return activity.type === 'conversationUpdate' && (activity.membersRemoved ?? []).some((m) => m.id === botId);
}
