import { App, HTTPReceiver, HTTPReceiverDeferredRequestError, type AppOptions } from '@slack/bolt';
import { ConfigError } from '../../src/config/load.ts';
import type { Bot } from '../../src/core/bot.ts';
import type { Logger } from '../../src/core/logger.ts';
import type { Notifier } from '../../src/core/notifier.ts';
import type { HttpHandler } from '../../src/http/server.ts';
import { boltLogger } from './bolt-logger.ts';
import { registerListeners } from './listeners.ts';
import { createSlackNotifier } from './notifier.ts';
import { SlackEmails } from './emails.ts';
import { SlackReplies } from './replies.ts';
import { guardSlackRequests, type SeenRequests } from './request-guard.ts';
import { slackClientOptions, usergroupMembers } from './commands.ts';

export { slashCommand } from './listeners.ts';

/** The path Slack posts slash commands, interactivity and events to (see manifest/slack). */
export const slackEventsPath = '/slack/events';

export interface SlackAdapterOptions {
  readonly bot: Bot;
  /** xoxb- token of the workspace installation. */
  readonly botToken: string;
  /** HTTP mode: Slack signs every request with it; the adapter then offers `httpHandler`. */
  readonly signingSecret?: string;
  /** Socket Mode (xapp- token): no public URL, no HTTP handler; wins over `signingSecret`. */
  readonly appToken?: string;
  /** Web API base URL (GovSlack, a proxy, a test fake), ending in `/`. */
  readonly apiUrl?: string;
  readonly log: Logger;
  /** With both ids the adapter never calls auth.test; otherwise it does once, in `start()`. */
  readonly botUserId?: string;
  readonly botId?: string;
  /** Remembers slash commands already carried out, so a replay or a retry runs once. */
  readonly seenRequests?: SeenRequests;
}

export interface SlackAdapter {
  readonly notifier: Notifier;
  /** Serves `/slack/events` on the bot's HTTP server; absent in Socket Mode. */
  readonly httpHandler?: HttpHandler;
  /** The members of a Slack user group (usergroups.users.list), for approvers named by group. */
  usergroupMembers(groupId: string): Promise<string[]>;
  /** Checks the token (auth.test) and, in Socket Mode, connects. Call before serving requests. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { bot, log } = options;
  const socketMode = options.appToken !== undefined && options.appToken !== '';
  if (!socketMode && !options.signingSecret) {
    throw new Error('Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)');
  }
  if (options.apiUrl !== undefined && !options.apiUrl.endsWith('/')) {
    throw new Error(`SLACK_API_URL must end with "/" (got ${options.apiUrl})`);
  }
  const logger = boltLogger(log.child({ component: 'slack' }));
  const knowsItself = options.botUserId !== undefined && options.botId !== undefined;

  const receiver =
    socketMode || !options.signingSecret
      ? undefined
      : new HTTPReceiver({ signingSecret: options.signingSecret, endpoints: [slackEventsPath], logger });

  const appOptions: AppOptions = {
    token: options.botToken,
    logger,
    // auth.test runs in start(), not in the constructor, so a bad token fails start() loudly.
    deferInitialization: true,
    tokenVerificationEnabled: !knowsItself,
    convoStore: false,
    clientOptions: slackClientOptions(options.apiUrl),
    ...(options.botUserId ? { botUserId: options.botUserId } : {}),
    ...(options.botId ? { botId: options.botId } : {}),
    ...(receiver ? { receiver } : { socketMode: true, appToken: options.appToken }),
  };
  const app = new App(appOptions);
  const replies = new SlackReplies(bot);
  registerListeners(app, { bot, log, replies, emails: new SlackEmails(log) });

  let started = false;
  return {
    notifier: createSlackNotifier(app.client, bot.t),
    ...(receiver && options.signingSecret
      ? {
          httpHandler: guardSlackRequests(httpHandlerFor(receiver), {
            signingSecret: options.signingSecret,
            log,
            ...(options.seenRequests ? { seen: options.seenRequests } : {}),
          }),
        }
      : {}),
    usergroupMembers: (groupId) => usergroupMembers(app.client, groupId, log),
    async start() {
      if (started) return;
      try {
        await app.init();
        if (socketMode) await app.start();
      } catch (err) {
        throw new ConfigError(startFailure(err, options.apiUrl ?? 'https://slack.com/api/', socketMode), { cause: err });
      }
      started = true;
      log.info({ mode: socketMode ? 'socket' : 'http' }, 'slack adapter started');
    },
    async stop() {
      if (!started) return;
      started = false;
      if (socketMode) await app.stop();
    },
  };
}

/** Delegates to Bolt's receiver, which verifies the signature and answers 401 when it is wrong. */
function httpHandlerFor(receiver: HTTPReceiver): HttpHandler {
  return (req, res) => {
    try {
      receiver.requestListener(req, res);
    } catch (err) {
      // Bolt throws this for a path or method it does not serve, e.g. GET /slack/events.
      if (!(err instanceof HTTPReceiverDeferredRequestError)) throw err;
      res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed');
    }
  };
}

/**
 * What an administrator reads when Slack does not start: which setting to look at, not a stack.
 * @slack/web-api marks a refusal by Slack with `slack_webapi_platform_error` and the error code in
 * `data.error`, and a request that never got an answer with `slack_webapi_request_error`.
 */
function startFailure(err: unknown, apiUrl: string, socketMode: boolean): string {
  const e = err as { code?: string; data?: { error?: string }; original?: { message?: string; cause?: { message?: string } }; message?: string };
  if (e.code === 'slack_webapi_platform_error') {
    const tokens = socketMode ? 'SLACK_BOT_TOKEN (xoxb-) and SLACK_APP_TOKEN (xapp-, with connections:write)' : 'SLACK_BOT_TOKEN, the xoxb- token of the installed app';
    return `Slack refused to start: it answered "${e.data?.error ?? 'error'}". Check ${tokens}.`;
  }
  if (e.code === 'slack_webapi_request_error') {
    const why = [e.original?.message, e.original?.cause?.message].filter(Boolean).join(': ');
    return `Slack's Web API at ${apiUrl} could not be reached (${why || 'no answer'}). Check SLACK_API_URL, and that this server may open HTTPS connections to it.`;
  }
  return `Slack did not start: ${e.message ?? String(err)}`;
}
