import type { Activity } from 'botbuilder';
import type { Bot } from '../../src/core/bot.ts';
import { textCard, type Card } from '../../src/core/card.ts';
import type { FileAttachment, Reply } from '../../src/core/reply.ts';
import { ADAPTIVE_CARD_TYPE, cardAttachment, renderCard, renderForm, type AdaptiveCard } from './render.ts';
import { teamsText } from './text.ts';

/** Replies → message activities and `adaptiveCard/action` invoke responses. */

export type ReplyRenderer = Pick<Bot, 't' | 'errorText'>;

export function cardMessage(card: AdaptiveCard, summary?: string): Partial<Activity> {
  return { type: 'message', attachments: [cardAttachment(card)], ...(summary ? { summary: teamsText(summary) } : {}) };
}

export function cardActivity(card: Card): Partial<Activity> {
  return cardMessage(renderCard(card), card.summary);
}

/**
 * A short error card. A card rather than message text, because Teams reads message text as
 * HTML and markdown, and error messages show syntax such as `<date>`.
 */
export function errorCard(text: string): AdaptiveCard {
  return renderCard(textCard(text, 'error'));
}

/** Stores a file for download and returns its address (the bot's `/files/…` route). */
export type FileLinker = (file: FileAttachment) => Promise<string>;

/**
 * Teams cannot take a bot's file in a channel or group chat, so files become download links on
 * the reply's card. Without a file store the card says the file could not be handed over.
 */
export async function linkFiles(reply: Reply, linkFile: FileLinker | undefined, bot: ReplyRenderer): Promise<Reply> {
  if (reply.kind !== 'file') return reply;
  if (!linkFile) return { kind: 'card', card: textCard(bot.t('teams.fileUnavailable'), 'error'), visibility: 'private' };
  const links = await Promise.all(reply.files.map(async (file) => ({ label: file.name, url: await linkFile(file) })));
  return { kind: 'card', card: { ...reply.card, links: [...(reply.card.links ?? []), ...links] }, visibility: 'private' };
}

/** `ownMessage`: the card becomes a message of its own (not an invoke response in place of another). */
export function replyAdaptiveCard(reply: Reply, bot: ReplyRenderer, ownMessage = false): AdaptiveCard {
  switch (reply.kind) {
    case 'card':
    case 'file':
      return renderCard(reply.card);
    case 'form':
      return renderForm(reply.form, bot.t, {}, ownMessage);
    case 'error':
      return errorCard(bot.errorText(reply.error));
    case 'pending':
      return renderCard(reply.notice);
  }
}

export function replyActivity(reply: Reply, bot: ReplyRenderer): Partial<Activity> {
  const summary =
    reply.kind === 'card' || reply.kind === 'file'
      ? reply.card.summary
      : reply.kind === 'form'
        ? reply.form.title
        : reply.kind === 'pending'
          ? reply.notice.summary
          : bot.errorText(reply.error);
  return cardMessage(replyAdaptiveCard(reply, bot, true), summary);
}

/** The body of an `adaptiveCard/action` invoke response (Universal Actions). */
export interface InvokeBody {
  readonly statusCode: number;
  readonly type: string;
  readonly value: unknown;
}

/** Shows the card in place of the clicked one, for the person who clicked. */
export function cardResponse(card: AdaptiveCard): InvokeBody {
  return { statusCode: 200, type: ADAPTIVE_CARD_TYPE, value: card };
}

/** Leaves the card as it is and shows a short message to the person who clicked. */
export function messageResponse(text: string): InvokeBody {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: teamsText(text) };
}

export function replyResponse(reply: Reply, bot: ReplyRenderer): InvokeBody {
  if (reply.kind === 'error') return messageResponse(bot.errorText(reply.error));
  return cardResponse(replyAdaptiveCard(reply, bot));
}

export function invokeResponseActivity(body: InvokeBody): Partial<Activity> {
  return { type: 'invokeResponse', value: { status: 200, body } };
}
