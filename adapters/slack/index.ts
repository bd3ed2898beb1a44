import { App, HTTPReceiver, HTTPReceiverDeferredRequestError, type AppOptions } from '@slack/bolt';
import type { Bot } from '../../src/core/bot.ts';
import type { Logger } from '../../src/core/logger.ts';
import type { Notifier } from '../../src/core/notifier.ts';
import type { HttpHandler } from '../../src/http/server.ts';
import { boltLogger } from './bolt-logger.ts';
import { registerListeners } from './listeners.ts';
import { createSlackNotifier } from './notifier.ts';
import { SlackReplies } from './replies.ts';

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
    clientOptions: {
      ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
      // The outbox retries durably; a 429 must come back at once with Slack's Retry-After.
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      // A hung call would hold an outbox lease; a timeout is a retryable DeliveryError.
      timeout: 10_000,
    },
    ...(options.botUserId ? { botUserId: options.botUserId } : {}),
    ...(options.botId ? { botId: options.botId } : {}),
    ...(receiver ? { receiver } : { socketMode: true, appToken: options.appToken }),
  };
  const app = new App(appOptions);
  registerListeners(app, { bot, log, replies: new SlackReplies(bot) });

  let started = false;
  return {
    notifier: createSlackNotifier(app.client, bot.t),
    ...(receiver ? { httpHandler: httpHandlerFor(receiver) } : {}),
    async usergroupMembers(groupId) {
      try {
        const result = await app.client.usergroups.users.list({ usergroup: groupId });
        return result.users ?? [];
      } catch (err) {
        // A group Slack cannot list grants nobody the right to decide; the log says why.
        log.warn({ err, groupId }, 'could not list the members of a Slack user group');
        return [];
      }
    },
    async start() {
      if (started) return;
      await app.init();
      if (socketMode) await app.start();
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
