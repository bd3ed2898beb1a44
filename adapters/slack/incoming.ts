import type { BlockAction, SlashCommand, ViewSubmitAction } from '@slack/bolt';
import type { Actor, Target } from '../../src/core/actor.ts';
import type { IncomingRequest } from '../../src/core/bot.ts';
import type { FormOrigin } from './modal.ts';

/** The workspace a payload comes from: slash commands and events carry team_id, interactivity team.id. */
export function teamIdOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { team_id?: unknown; team?: { id?: unknown } | null; user?: { team_id?: unknown } };
  for (const candidate of [b.team_id, b.team?.id, b.user?.team_id]) {
    if (typeof candidate === 'string' && candidate !== '') return candidate;
  }
  return undefined;
}

/** Direct-message channel ids start with D; slash commands there also say `directmessage`. */
function isDirectChannel(channelId: string | undefined): boolean {
  return channelId?.startsWith('D') ?? false;
}

function actor(tenantId: string, userId: string, name: string | undefined): Actor {
  return { platform: 'slack', tenantId, userId, ...(name ? { name } : {}) };
}

function conversation(tenantId: string, conversationId: string): Target {
  return { kind: 'conversation', platform: 'slack', conversationId, tenantId };
}

/** Where a request without a channel (App Home, a modal) answers: the person's DMs with the app. */
function request(who: Actor, channelId: string | undefined): IncomingRequest {
  if (!channelId) {
    return { actor: who, conversation: { kind: 'user', platform: 'slack', userId: who.userId, tenantId: who.tenantId }, isDirect: true };
  }
  return { actor: who, conversation: conversation(who.tenantId, channelId), isDirect: isDirectChannel(channelId) };
}

export function commandRequest(command: SlashCommand): IncomingRequest {
  const who = actor(command.team_id, command.user_id, command.user_name);
  return {
    actor: who,
    conversation: conversation(who.tenantId, command.channel_id),
    isDirect: command.channel_name === 'directmessage' || isDirectChannel(command.channel_id),
  };
}

export function actionRequest(body: BlockAction): IncomingRequest {
  return request(actor(teamIdOf(body) ?? '', body.user.id, body.user.name ?? body.user.username), actionChannel(body));
}

export function viewRequest(body: ViewSubmitAction, origin: FormOrigin): IncomingRequest {
  return request(actor(teamIdOf(body) ?? '', body.user.id, body.user.name), origin.channelId);
}

/** A message in the person's direct messages with the bot (a file shared there). */
export function directMessageRequest(teamId: string, userId: string, channelId: string): IncomingRequest {
  const who = actor(teamId, userId, undefined);
  return { actor: who, conversation: conversation(who.tenantId, channelId), isDirect: true };
}

export function homeRequest(teamId: string, userId: string): IncomingRequest {
  return request(actor(teamId, userId, undefined), undefined);
}

/** The channel of the message that holds a button; ephemeral messages only name it in `container`. */
export function actionChannel(body: BlockAction): string | undefined {
  return body.channel?.id ?? stringField(body.container, 'channel_id');
}

/** The ts of the message that holds a button, if the button sits in a message (not a modal or App Home). */
export function actionMessageTs(body: BlockAction): string | undefined {
  return body.message?.ts ?? stringField(body.container, 'message_ts');
}

export function isEphemeralAction(body: BlockAction): boolean {
  return body.container?.is_ephemeral === true;
}

function stringField(record: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = record?.[key];
  return typeof value === 'string' ? value : undefined;
}
