import type { App } from '@slack/bolt';
import { textCard } from '../../src/core/card.ts';
import { answering, type ListenerDeps } from './answering.ts';
import type { ReplyRoute } from './replies.ts';
import { answerCommand } from './commands.ts';
import { directMessageRequest, homeRequest, teamIdOf } from './incoming.ts';
import { registerButtons, registerForms } from './interactions.ts';
import { SEARCH_PREFIX, searchOptions } from './modal.ts';
import { renderCard } from './render.ts';
import { tenantGuard } from './tenant-guard.ts';

/** The command in manifest/slack; a staging app in the same workspace may call it /samverkan-test. */
export const slashCommand = '/samverkan';
const slashCommands = /^\/samverkan(-[a-z0-9-]+)?$/;

/**
 * Every way a person reaches the bot in Slack. Each handler acknowledges first (Slack allows
 * 3 seconds), then calls the Bot, then answers on the request; only modal submissions wait for
 * the Bot, because their ack carries the field errors. The workspace check comes first.
 */
export function registerListeners(app: App, deps: ListenerDeps): void {
  app.use(tenantGuard(deps.bot, deps.log));
  registerSlashCommand(app, deps);
  registerButtons(app, deps);
  registerForms(app, deps);
  registerHome(app, deps);
  registerFiles(app, deps);
  registerSearches(app, deps);
  app.error(async (err) => {
    deps.log.error({ err }, 'slack listener failed');
  });
}

/** `/samverkan …`: acknowledged at once (Slack allows 3 seconds), answered after. */
function registerSlashCommand(app: App, deps: ListenerDeps): void {
  app.command(slashCommands, async ({ command, ack, client }) => {
    await ack();
    await answerCommand(deps, command, client);
  });
}

/** The App Home tab shows the person's work (what `/samverkan mine` answers); the outbox re-publishes it when it changes. */
function registerHome(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const reply = await deps.bot.handleText('mine', homeRequest(teamIdOf(body) ?? '', event.user));
    if (reply.kind === 'form') return;
    const card = reply.kind === 'card' || reply.kind === 'file' ? reply.card : reply.kind === 'pending' ? reply.notice : textCard(deps.bot.errorText(reply.error), 'error');
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: renderCard(card, deps.bot.t).blocks } });
  });
}

/**
 * A file shared with the bot in its direct messages (`message.im`, subtype file_share) is a
 * register to import: downloaded with the bot token (files:read), then read as a dry run. Bolt
 * acknowledges the event at once; the answer is a message in the same DM.
 */
function registerFiles(app: App, deps: ListenerDeps): void {
  app.event('message', async ({ event, body, client }) => {
    if (event.channel_type !== 'im' || event.subtype !== 'file_share' || !event.files?.length) return;
    // The bot's own uploads (an export, a report) arrive as file shares too; Bolt's ignoreSelf
    // drops them, and this keeps it so if that setting ever changes.
    if ((event as { bot_id?: string }).bot_id) return;
    const route: ReplyRoute = { client, userId: event.user, channelId: event.channel };
    await answering(deps, route, async () => {
      const direct = directMessageRequest(teamIdOf(body) ?? '', event.user, event.channel);
      const request = deps.emails ? await deps.emails.of(client, direct) : direct;
      for (const file of event.files ?? []) {
        const url = file.url_private_download ?? file.url_private;
        const download = async () => {
          const response = await fetch(url ?? '', { headers: { authorization: `Bearer ${client.token ?? ''}` } });
          if (!response.ok) throw new Error(`downloading a shared file failed: HTTP ${response.status}`);
          return new Uint8Array(await response.arrayBuffer());
        };
        const offered = { name: file.name ?? file.title ?? 'file', ...(file.size !== undefined ? { size: file.size } : {}), download };
        await deps.replies.deliver(await deps.bot.handleFile(offered, request), route);
      }
    });
  });
}

/** An external select in a form asks for its options as the person types (block_suggestion). */
function registerSearches(app: App, deps: ListenerDeps): void {
  app.options<'block_suggestion'>({ action_id: new RegExp(`^${SEARCH_PREFIX}`), type: 'block_suggestion' }, async ({ options, body, ack }) => {
    const name = options.action_id.slice(SEARCH_PREFIX.length);
    const found = await deps.bot.handleSearch(name, options.value ?? '', homeRequest(teamIdOf(body) ?? '', body.user.id));
    await ack(searchOptions(found));
  });
}
