import type { AllMiddlewareArgs, AnyMiddlewareArgs, App, Middleware, SlackCommandMiddlewareArgs, SlashCommand } from '@slack/bolt';
import { textCard } from '../../src/core/card.ts';
import type { ListenerDeps } from './answering.ts';
import { commandJob } from './commands.ts';
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

/**
 * The slash command, as global middleware right after the workspace check rather than as an
 * `app.command` listener. Bolt runs every registered listener's middleware chain for every
 * request; the command is the request that comes most often and has the tightest deadline, so
 * it is acked and handed over here and stops the chain: on the acking thread that is less work
 * and, above all, less short-lived garbage for the collector to copy (docs/benchmarks.md).
 */
function registerSlashCommand(app: App, deps: ListenerDeps): void {
  const handled: Middleware<AnyMiddlewareArgs> = (args) => {
    const body = args.body as Partial<SlashCommand>;
    if (typeof body.command !== 'string' || !slashCommands.test(body.command)) return args.next();
    return acked(args as SlackCommandMiddlewareArgs & AllMiddlewareArgs, deps);
  };
  app.use(handled);
}

async function acked({ command, ack }: SlackCommandMiddlewareArgs, deps: ListenerDeps): Promise<void> {
  await ack();
  // Not awaited: that would keep Bolt's whole request context alive until the answer is done.
  // answerCommand reports its own failures to the person.
  deps.answerCommand(commandJob(command)).catch((err: unknown) => deps.log.error({ err }, 'answering a slash command failed'));
}

/** The App Home tab shows the person's work (what `/samverkan mine` answers); the outbox re-publishes it when it changes. */
function registerHome(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const reply = await deps.bot.handleText('mine', homeRequest(teamIdOf(body) ?? '', event.user));
    if (reply.kind === 'form') return;
    const card = reply.kind === 'card' || reply.kind === 'file' ? reply.card : textCard(deps.bot.errorText(reply.error), 'error');
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: renderCard(card, deps.bot.t).blocks } });
  });
}
