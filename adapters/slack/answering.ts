import type { Bot } from '../../src/core/bot.ts';
import type { Logger } from '../../src/core/logger.ts';
import { errorReply } from '../../src/core/reply.ts';
import type { SlackEmails } from './emails.ts';
import type { ReplyRoute, SlackReplies } from './replies.ts';

export interface AnsweringDeps {
  readonly bot: Bot;
  readonly log: Logger;
  readonly replies: SlackReplies;
  /** Verified e-mail addresses, which link a person to Teams; absent in tests of other things. */
  readonly emails?: SlackEmails;
}

export type ListenerDeps = AnsweringDeps;

/**
 * Runs the work after an ack. A failure there would otherwise leave the person with silence,
 * so they get the generic error message and the log gets the cause.
 */
export async function answering(deps: AnsweringDeps, route: ReplyRoute, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    deps.log.error({ err }, 'answering a Slack request failed');
    try {
      await deps.replies.deliver(errorReply({ code: 'error.internal' }), route, true);
    } catch (apologyErr) {
      deps.log.error({ err: apologyErr }, 'could not tell the person about the failure');
    }
  }
}
