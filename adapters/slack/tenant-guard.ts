import type { AckFn, AllMiddlewareArgs, AnyMiddlewareArgs, Middleware, RespondFn } from '@slack/bolt';
import type { Bot } from '../../src/core/bot.ts';
import type { Logger } from '../../src/core/logger.ts';
import { teamIdOf } from './incoming.ts';

/**
 * A global middleware that refuses workspaces the configuration does not name: the person gets
 * the localized refusal, and no listener runs. Events are acknowledged by Bolt before this.
 */
export function tenantGuard(bot: Bot, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const teamId = teamIdOf(args.body);
    if (bot.isAllowed('slack', teamId)) {
      await args.next();
      return;
    }
    log.warn({ teamId }, 'refused a request from a Slack workspace that is not allowed');
    await refuse(args, bot.errorText({ code: 'error.tenantNotAllowed' }));
  };
}

async function refuse(args: AnyMiddlewareArgs & AllMiddlewareArgs, text: string): Promise<void> {
  const { ack, respond } = args as { ack?: AckFn<unknown>; respond?: RespondFn };
  const body = args.body as { command?: unknown; type?: unknown; view?: { title?: unknown } };
  if (!ack) return;
  if (typeof body.command === 'string') {
    await ack({ response_type: 'ephemeral', text });
    return;
  }
  if (body.type === 'view_submission') {
    // A modal can only be answered with another view; this one keeps the form's title.
    await ack({
      response_action: 'update',
      view: { type: 'modal', title: body.view?.title, blocks: [{ type: 'section', text: { type: 'plain_text', text } }] },
    });
    return;
  }
  await ack();
  if (respond) await respond({ response_type: 'ephemeral', replace_original: false, text });
}
