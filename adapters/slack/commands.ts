import { webApi, type SlashCommand } from '@slack/bolt';
import type { Bot, IncomingRequest } from '../../src/core/bot.ts';
import type { Logger } from '../../src/core/logger.ts';
import { errorReply } from '../../src/core/reply.ts';
import type { MessageKey } from '../../src/i18n/index.ts';
import { answering } from './answering.ts';
import { commandRequest } from './incoming.ts';
import { respondTo, type ReplyRoute, type SlackReplies } from './replies.ts';
import { unescapeSlackText } from './text.ts';

/**
 * One acknowledged slash command, still to be answered: plain data, so it can be handed to an
 * answer process (src/answer-processes) as well as answered where it was received.
 */
export interface SlackCommandJob {
  /** What the person typed, Slack's escaping undone. */
  readonly text: string;
  readonly request: IncomingRequest;
  readonly userId: string;
  readonly channelId: string;
  /** Private answers go here as ephemeral messages; Slack accepts them for 30 minutes. */
  readonly responseUrl: string;
  /** Opens a form; Slack honours it for 3 seconds. */
  readonly triggerId: string;
}

export type CommandAnswerer = (job: SlackCommandJob) => Promise<void>;

/** Thrown by an answerer that cannot take more work now; the person is told to try again. */
export class CommandsOverloaded extends Error {
  constructor(message = 'too many commands waiting to be answered') {
    super(message);
    this.name = 'CommandsOverloaded';
  }
}

export function commandJob(command: SlashCommand): SlackCommandJob {
  return {
    text: unescapeSlackText(command.text),
    request: commandRequest(command),
    userId: command.user_id,
    channelId: command.channel_id,
    responseUrl: command.response_url,
    triggerId: command.trigger_id,
  };
}

function routeOf(job: SlackCommandJob, client: webApi.WebClient): ReplyRoute {
  return {
    client,
    userId: job.userId,
    channelId: job.channelId,
    respond: respondTo(job.responseUrl),
    triggerId: job.triggerId,
    origin: { channelId: job.channelId },
  };
}

export interface CommandAnswerDeps {
  readonly bot: Bot;
  readonly log: Logger;
  readonly replies: SlackReplies;
  readonly client: webApi.WebClient;
}

/** Runs the command through the Bot and answers the person; the same in any process. */
export function commandAnswerer(deps: CommandAnswerDeps): CommandAnswerer {
  return async (job) => {
    const route = routeOf(job, deps.client);
    await answering(deps, route, async () => {
      const reply = await deps.bot.handleText(job.text, job.request);
      await deps.replies.deliver(reply, route);
    });
  };
}

/** Tells the person their command got no answer, privately, on its response_url. */
export async function answerWithError(deps: CommandAnswerDeps, job: SlackCommandJob, code: MessageKey): Promise<void> {
  try {
    await deps.replies.deliver(errorReply({ code }), routeOf(job, deps.client), true);
  } catch (err) {
    deps.log.error({ err }, 'could not tell the person their command was not answered');
  }
}

export interface SlackClientOptions {
  /** xoxb- token of the workspace installation. */
  readonly botToken: string;
  /** Web API base URL (GovSlack, a proxy, a test fake), ending in `/`. */
  readonly apiUrl?: string;
}

/** The Web API client options every Samverkan Slack client uses, in any process. */
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

export function slackWebClient(options: SlackClientOptions): webApi.WebClient {
  return new webApi.WebClient(options.botToken, slackClientOptions(options.apiUrl));
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
