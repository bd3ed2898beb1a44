import { webApi, type SlashCommand } from '@slack/bolt';
import type { Bot } from '../../src/core/bot.ts';
import type { Logger } from '../../src/core/logger.ts';
import { answering } from './answering.ts';
import type { SlackEmails } from './emails.ts';
import { commandRequest } from './incoming.ts';
import { respondTo, type ReplyRoute, type SlackReplies } from './replies.ts';
import { unescapeSlackText } from './text.ts';

export interface CommandAnswerDeps {
  readonly bot: Bot;
  readonly log: Logger;
  readonly replies: SlackReplies;
  readonly emails?: SlackEmails;
}

/**
 * Runs an acknowledged slash command through the Bot and answers the person on the command's
 * response_url (Slack accepts answers there for 30 minutes), or opens the form it asks for.
 */
export async function answerCommand(deps: CommandAnswerDeps, command: SlashCommand, client: webApi.WebClient): Promise<void> {
  const route: ReplyRoute = {
    client,
    userId: command.user_id,
    channelId: command.channel_id,
    respond: respondTo(command.response_url),
    triggerId: command.trigger_id,
    origin: { channelId: command.channel_id },
  };
  await answering(deps, route, async () => {
    const request = deps.emails ? await deps.emails.of(client, commandRequest(command)) : commandRequest(command);
    const reply = await deps.bot.handleText(unescapeSlackText(command.text), request);
    await deps.replies.deliver(reply, route);
  });
}

/** The Web API client options every Samverkan Slack client uses. */
export function slackClientOptions(apiUrl: string | undefined): webApi.WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    // The outbox retries durably; a 429 must come back at once with Slack's Retry-After.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    // A hung call would hold an outbox lease; a timeout is a retryable DeliveryError.
    timeout: 10_000,
  };
}

/** The members of a Slack user group (usergroups.users.list), for approvers named by group. */
export async function usergroupMembers(client: webApi.WebClient, groupId: string, log: Logger): Promise<string[]> {
  try {
    const result = await client.usergroups.users.list({ usergroup: groupId });
    return result.users ?? [];
  } catch (err) {
    // A group Slack cannot list grants nobody the right to decide; the log says why.
    log.warn({ err, groupId }, 'could not list the members of a Slack user group');
    return [];
  }
}
