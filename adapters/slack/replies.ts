import type { RespondArguments, webApi } from '@slack/bolt';
import type { Bot } from '../../src/core/bot.ts';
import { textCard, type Card, type Form } from '../../src/core/card.ts';
import type { Reply } from '../../src/core/reply.ts';
import { encodeMetadata, renderModal, type FormOrigin } from './modal.ts';
import { isEmptyCard, renderCard, type SlackMessage } from './render.ts';
import { postToResponseUrl } from './response-url.ts';

/** Answers on a response_url: Bolt's `respond()`, or `respondTo` below; what it resolves to is not read. */
export type Respond = (message: string | RespondArguments) => Promise<unknown>;

/** How to answer the person behind one request. */
export interface ReplyRoute {
  readonly client: webApi.WebClient;
  readonly userId: string;
  /** The conversation a public reply goes to; without it, the person's DMs with the app. */
  readonly channelId?: string;
  /** The request's response_url; private replies go there as ephemeral messages, else to DMs. */
  readonly respond?: Respond;
  /** Needed to open a modal; Slack honours it for 3 seconds after the click or command. */
  readonly triggerId?: string;
  /** Where a form opened from this request came from, for its submission. */
  readonly origin?: FormOrigin;
}

/** The message that holds a button or opened a form, to be replaced. */
export interface CardLocation {
  readonly channelId?: string;
  readonly messageTs?: string;
  /** Ephemeral messages cannot be edited with chat.update, only through their response_url. */
  readonly ephemeralRespond?: Respond;
}

/** Turns Replies and Cards into Slack messages and modals on the right channel. */
export class SlackReplies {
  constructor(private readonly bot: Bot) {}

  private message(reply: Extract<Reply, { kind: 'card' | 'error' }>): SlackMessage {
    const card = reply.kind === 'card' ? reply.card : textCard(this.bot.errorText(reply.error), 'error');
    return renderCard(card, this.bot.t);
  }

  /** `forcePrivate` is for button replies, which the core defines as seen by the presser only. */
  async deliver(reply: Reply, route: ReplyRoute, forcePrivate = false): Promise<void> {
    if (reply.kind === 'form') {
      await this.openForm(reply.form, route);
      return;
    }
    if (reply.kind === 'file') {
      await this.uploadFiles(reply, route);
      return;
    }
    if (reply.kind === 'pending') {
      await this.deliver({ kind: 'card', card: reply.notice, visibility: 'private' }, route);
      await this.deliver(await reply.result, route, forcePrivate);
      return;
    }
    if (reply.kind === 'card' && isEmptyCard(reply.card)) return;
    const message = this.message(reply);
    const isPublic = reply.kind === 'card' && reply.visibility === 'public' && !forcePrivate;
    if (route.respond) {
      await route.respond(respondArgs(message, { response_type: isPublic ? 'in_channel' : 'ephemeral', replace_original: false }));
      return;
    }
    const channel = isPublic && route.channelId ? route.channelId : route.userId;
    await route.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false });
  }

  /**
   * Documents go to the person's direct messages with the app: an ephemeral message cannot hold a
   * file, and a report asked for in a channel is still the asker's to pass on.
   */
  private async uploadFiles(reply: Extract<Reply, { kind: 'file' }>, route: ReplyRoute): Promise<void> {
    const opened = await route.client.conversations.open({ users: route.userId });
    const channel = opened.channel?.id ?? route.userId;
    await route.client.files.uploadV2({
      channel_id: channel,
      initial_comment: reply.card.summary,
      file_uploads: reply.files.map((f) => ({ file: Buffer.from(f.data), filename: f.name, title: f.name })),
    });
    await this.deliver({ kind: 'card', card: reply.card, visibility: 'private' }, route);
  }

  async openForm(form: Form, route: ReplyRoute): Promise<void> {
    if (!route.triggerId) {
      await this.deliver({ kind: 'card', card: textCard(this.bot.t('slack.formUnavailable'), 'warning'), visibility: 'private' }, route);
      return;
    }
    await route.client.views.open({ trigger_id: route.triggerId, view: this.modal(form, route.origin) });
  }

  modal(form: Form, origin: FormOrigin = {}) {
    return renderModal(form, this.bot.t, encodeMetadata(form.state, origin));
  }

  async replace(card: Card, where: CardLocation, client: webApi.WebClient): Promise<boolean> {
    const message = renderCard(card, this.bot.t);
    if (where.ephemeralRespond) {
      await where.ephemeralRespond(respondArgs(message, { replace_original: true }));
      return true;
    }
    if (!where.channelId || !where.messageTs) return false;
    await client.chat.update({ channel: where.channelId, ts: where.messageTs, text: message.text, blocks: message.blocks });
    return true;
  }
}

function respondArgs(message: SlackMessage, extra: Pick<RespondArguments, 'response_type' | 'replace_original'>): RespondArguments {
  return { ...extra, text: message.text, blocks: message.blocks };
}

/** A response_url (a command's, or one kept in a modal's metadata), used the way Bolt's respond() uses it. */
export function respondTo(responseUrl: string): Respond {
  return (message) => postToResponseUrl(responseUrl, typeof message === 'string' ? { text: message } : message);
}
