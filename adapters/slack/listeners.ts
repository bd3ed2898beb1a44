import type { App } from '@slack/bolt';
import { textCard } from '../../src/core/card.ts';
import type { ListenerDeps } from './answering.ts';
import { answerCommand } from './commands.ts';
import { homeRequest, teamIdOf } from './incoming.ts';
import { registerButtons, registerForms } from './interactions.ts';
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
