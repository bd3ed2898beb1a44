import { QuietCloudAdapter } from './quiet-adapter.ts';
import type { Bot } from '../../src/core/bot.ts';
import type { Logger } from '../../src/core/logger.ts';
import type { Notifier } from '../../src/core/notifier.ts';
import type { ConversationStore } from '../../src/core/ports.ts';
import type { HttpHandler } from '../../src/http/server.ts';
import { BadRequest, botResponse, readBotRequest, sendPlain } from './http.ts';
import { createTeamsNotifier } from './notifier.ts';
import { createTurnErrorHandler, createTurnHandler } from './turn.ts';
import type { FileLinker } from './reply.ts';
import { MemberEmails } from './member-emails.ts';
import { TeamsCredentialFactory } from './credentials.ts';
import { StrictBotFrameworkAuthentication } from './authentication.ts';
import { isLoopbackServiceUrl } from './loopback.ts';

export interface TeamsAdapterOptions {
  readonly bot: Bot;
  readonly conversations: ConversationStore;
  /** The bot's Microsoft App ID. Without it the adapter runs in local mode (Agents Playground). */
  readonly appId?: string;
  readonly appPassword?: string;
  readonly appTenantId?: string;
  readonly appType?: 'MultiTenant' | 'SingleTenant';
  readonly log: Logger;
  /** botbuilder's cloud settings (ChannelService, ToChannelFromBotLoginUrl, …); unset means the public cloud. */
  readonly cloud?: Readonly<Record<string, string>>;
  /** Turns a file reply into a download link; without it file replies say they cannot be delivered. */
  readonly linkFile?: FileLinker;
}

export interface TeamsAdapter {
  readonly notifier: Notifier;
  /** Mount on `/api/messages`. */
  readonly httpHandler: HttpHandler;
}

/**
 * Teams through botbuilder's CloudAdapter. With an app id every request must carry a Bot
 * Framework JWT. Without one (local mode) requests are accepted unauthenticated and replies go
 * to the activity's `serviceUrl` without a token: what the Microsoft 365 Agents Playground and
 * the tests' fake Bot Connector expect.
 */
export function createTeamsAdapter(options: TeamsAdapterOptions): TeamsAdapter {
  const { bot, conversations } = options;
  const log = options.log.child({ platform: 'teams' });
  const appId = options.appId?.trim() || undefined;

  const config = authConfig(options, appId);
  const credentials = appId
    ? new TeamsCredentialFactory({
        appId,
        appType: options.appType ?? 'MultiTenant',
        ...(options.appPassword ? { appPassword: options.appPassword } : {}),
        ...(options.appTenantId ? { appTenantId: options.appTenantId } : {}),
      })
    : undefined;
  const adapter = new QuietCloudAdapter(new StrictBotFrameworkAuthentication(config, credentials));
  adapter.onTurnError = createTurnErrorHandler(bot, log);
  const logic = createTurnHandler({
    bot,
    conversations,
    log,
    emails: new MemberEmails(log),
    ...(appId ? { appId } : {}),
    ...(options.linkFile ? { linkFile: options.linkFile } : {}),
  });
  if (!appId) log.warn('Teams adapter in local mode: no MICROSOFT_APP_ID, requests are not authenticated');

  const httpHandler: HttpHandler = async (req, res) => {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendPlain(res, 405, 'Method not allowed');
      return;
    }
    // CloudAdapter would refuse this too, but only after writing the error to the console.
    if (appId && !req.headers.authorization) {
      log.warn('refused a Teams request without Authorization');
      sendPlain(res, 401, 'Unauthorized');
      return;
    }
    let request;
    try {
      request = await readBotRequest(req);
    } catch (err) {
      if (!(err instanceof BadRequest)) throw err;
      sendPlain(res, err.status, err.message);
      return;
    }
    // Unauthenticated, the bot would post its answer (with whatever it read) to any URL a
    // sender names; only the Agents Playground and tests on this machine are answered.
    const serviceUrl = request.body?.serviceUrl;
    if (!appId && !isLoopbackServiceUrl(serviceUrl)) {
      log.warn({ serviceUrl }, 'refused a Teams request in local mode: serviceUrl is not on this machine');
      sendPlain(res, 403, 'Forbidden: without MICROSOFT_APP_ID only a serviceUrl on this machine (loopback) is answered');
      return;
    }
    await adapter.processRequest(request, botResponse(res), logic, log);
  };

  return {
    notifier: createTeamsNotifier({ adapter, appId: appId ?? '', conversations, log }),
    httpHandler,
  };
}

function authConfig(options: TeamsAdapterOptions, appId: string | undefined): Record<string, string> {
  if (!appId) return {};
  return {
    MicrosoftAppId: appId,
    MicrosoftAppType: options.appType ?? 'MultiTenant',
    ...(options.appPassword ? { MicrosoftAppPassword: options.appPassword } : {}),
    ...(options.appTenantId ? { MicrosoftAppTenantId: options.appTenantId } : {}),
    ...options.cloud,
  };
}
