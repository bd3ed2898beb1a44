import { ActivityTypes, TurnContext, type Activity, type CloudAdapter } from 'botbuilder';
import { teamsText } from './text.ts';
import type { Bot } from '../../src/core/bot.ts';
import type { Logger } from '../../src/core/logger.ts';
import type { ConversationStore } from '../../src/core/ports.ts';
import { botWasAdded, commandText, isPersonal, isUninstall, requestOf, storedConversationOf, tenantOf } from './activity.ts';
import { textCard } from '../../src/core/card.ts';
import type { Reply, SettledReply } from '../../src/core/reply.ts';
import { handleCardAction } from './invoke.ts';
import { answerSubmitFallback, submitFallbackOf } from './submit-fallback.ts';
import type { MemberEmails } from './member-emails.ts';
import { cardMessage, errorCard, invokeResponseActivity, linkFiles, messageResponse, replyActivity, type FileLinker } from './reply.ts';

export interface TurnDeps {
  readonly bot: Bot;
  readonly conversations: ConversationStore;
  readonly log: Logger;
  readonly linkFile?: FileLinker;
  readonly emails?: MemberEmails;
  /** The bot's Microsoft App ID, for proactive replies; empty in local mode. */
  readonly appId?: string;
}

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';
/** A typeahead picker (`Input.ChoiceSet` with `Data.Query`) asking for choices. */
const SEARCH_INVOKE = 'application/search';

/** The choices for what the person typed, as Teams' search response wants them. */
async function searchResponse(activity: TurnContext['activity'], tenant: string, deps: TurnDeps, email: string | undefined): Promise<Partial<Activity>> {
  const value = (activity.value ?? {}) as { queryText?: unknown; dataset?: unknown; queryOptions?: { top?: unknown } };
  const found = await deps.bot.handleSearch(String(value.dataset ?? ''), String(value.queryText ?? ''), requestOf(activity, tenant, email));
  const top = typeof value.queryOptions?.top === 'number' && value.queryOptions.top > 0 ? value.queryOptions.top : 15;
  const results = found.slice(0, top).map((o) => ({ title: teamsText(o.label), value: o.value }));
  return { type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse', value: { results } } } };
}

/** The logic CloudAdapter runs for each incoming activity. */
export function createTurnHandler(deps: TurnDeps): (ctx: TurnContext) => Promise<void> {
  const { bot, log } = deps;
  const remember = referenceSaver(deps);

  return async (ctx) => {
    const activity = ctx.activity;
    const tenantId = tenantOf(activity);
    if (!bot.isAllowed('teams', tenantId)) {
      log.warn({ tenantId, type: activity.type }, 'refused a tenant that is not configured');
      await refuse(ctx, bot);
      return;
    }
    const tenant = tenantId ?? '';
    if (!isUninstall(activity)) await remember(ctx, tenant);

    switch (activity.type) {
      case ActivityTypes.Message: {
        const email = await deps.emails?.of(ctx);
        const submitted = submitFallbackOf(activity);
        if (submitted) {
          await answerSubmitFallback(ctx, tenant, deps, submitted, email);
          return;
        }
        const file = isPersonal(activity) ? sharedFileOf(activity) : undefined;
        const reply = file
          ? await bot.handleFile({ name: file.name, download: () => download(file.url) }, requestOf(activity, tenant, email))
          : await bot.handleText(commandText(activity), requestOf(activity, tenant, email));
        await ctx.sendActivity(replyActivity(keptPersonal(await linkFiles(reply, deps.linkFile, bot), isPersonal(activity), bot), bot));
        if (reply.kind === 'pending') answerLater(ctx, reply.result, deps);
        return;
      }
      case ActivityTypes.Invoke: {
        // Other invokes (sign-in, message extensions) are not used; CloudAdapter answers 501.
        if (activity.name === SEARCH_INVOKE) {
          await ctx.sendActivity(await searchResponse(activity, tenant, deps, await deps.emails?.of(ctx)));
          return;
        }
        if (activity.name !== ADAPTIVE_CARD_ACTION) return;
        const body = await handleCardAction(ctx, tenant, deps, await deps.emails?.of(ctx));
        await ctx.sendActivity(invokeResponseActivity(body));
        return;
      }
      default:
        // conversationUpdate and installationUpdate: the saved reference is all they are for.
        return;
    }
  };
}

/** A file attached in the personal chat (the manifest's supportsFiles): Teams gives a download address. */
const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

function sharedFileOf(activity: TurnContext['activity']): { name: string; url: string } | undefined {
  const attachment = (activity.attachments ?? []).find((a) => a.contentType === FILE_DOWNLOAD_INFO);
  const url = (attachment?.content as { downloadUrl?: unknown } | undefined)?.downloadUrl;
  return attachment && typeof url === 'string' ? { name: attachment.name ?? 'file', url } : undefined;
}

/** The download address is pre-authorized and short-lived; it is fetched once, at once. */
async function download(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`downloading an attached file failed: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Sends the result of slow work (the person already has the notice) as a proactive message once
 * it is ready, so the request that asked for it is answered at once and holds nothing open.
 */
function answerLater(ctx: TurnContext, result: Promise<SettledReply>, deps: TurnDeps): void {
  const reference = TurnContext.getConversationReference(ctx.activity);
  const adapter = ctx.adapter as CloudAdapter;
  void (async () => {
    const activity = replyActivity(await linkFiles(await result, deps.linkFile, deps.bot), deps.bot);
    await adapter.continueConversationAsync(deps.appId ?? '', reference, async (later) => {
      await later.sendActivity(activity);
    });
  })().catch((err: unknown) => deps.log.error({ err }, 'could not send the result of slow work in Teams'));
}

/**
 * Everyone in a channel or group chat sees every reply, so a personal view asked for there is
 * not shown: the reply says where to ask instead.
 */
function keptPersonal(reply: Reply, inPersonalChat: boolean, bot: Bot): Reply {
  if (inPersonalChat || reply.kind !== 'card' || reply.visibility !== 'personal') return reply;
  return { kind: 'card', card: textCard(bot.t('teams.personalOnly')), visibility: 'public' };
}

async function refuse(ctx: TurnContext, bot: Bot): Promise<void> {
  // "Workspace" is Slack's word; in Teams it is the organization (tenant).
  const text = bot.t('teams.tenantNotAllowed');
  const activity = ctx.activity;
  if (activity.type === ActivityTypes.Invoke && activity.name === ADAPTIVE_CARD_ACTION) {
    await ctx.sendActivity(invokeResponseActivity(messageResponse(text)));
  } else if (activity.type === ActivityTypes.Message || (activity.type === ActivityTypes.ConversationUpdate && botWasAdded(activity))) {
    await ctx.sendActivity(cardMessage(errorCard(text), text));
  }
}

/**
 * Saves the conversation reference on every contact, so the scheduler can message the
 * conversation later. Skips the write when this process already saved the same reference.
 */
function referenceSaver(deps: TurnDeps): (ctx: TurnContext, tenantId: string) => Promise<void> {
  const lastSaved = new Map<string, string>();
  const MAX_REMEMBERED = 10_000;
  return async (ctx, tenantId) => {
    const entry = storedConversationOf(ctx.activity, tenantId);
    if (!entry.conversationId) return;
    const key = `${entry.conversationId}\u0000${entry.userId ?? ''}`;
    if (lastSaved.get(key) === entry.reference) return;
    try {
      await deps.conversations.save(entry);
      if (lastSaved.size >= MAX_REMEMBERED) lastSaved.clear();
      lastSaved.set(key, entry.reference);
    } catch (err) {
      // Answering the person matters more than the reference; the next activity tries again.
      deps.log.error({ err, conversationId: entry.conversationId }, 'could not save the Teams conversation reference');
    }
  };
}

/** `onTurnError`: a bug or an outage. Log it and tell the person in their language. */
export function createTurnErrorHandler(bot: Bot, log: Logger): (ctx: TurnContext, error: Error) => Promise<void> {
  return async (ctx, error) => {
    log.error({ err: error, type: ctx.activity.type, name: ctx.activity.name }, 'Teams turn failed');
    const text = bot.errorText({ code: 'error.internal' });
    try {
      if (ctx.activity.type === ActivityTypes.Invoke) {
        await ctx.sendActivity(invokeResponseActivity(messageResponse(text)));
      } else if (ctx.activity.type === ActivityTypes.Message) {
        await ctx.sendActivity(cardMessage(errorCard(text), text));
      }
    } catch (err) {
      log.error({ err }, 'could not tell the person about the failed turn');
    }
  };
}
