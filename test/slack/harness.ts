import type { Server } from 'node:http';
import { createSlackAdapter, slackEventsPath, type SlackAdapter } from '../../adapters/slack/index.ts';
import { Bot } from '../../src/core/bot.ts';
import { FakeClock } from '../../src/core/clock.ts';
import type { Command, CommandName } from '../../src/core/command.ts';
import { fail, ok, type Result } from '../../src/core/errors.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { Router } from '../../src/core/router.ts';
import { createHttpServer, listen } from '../../src/http/server.ts';
import type { Locale } from '../../src/i18n/index.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { MemoryDirectory } from '../support/memory-directory.ts';
import { post, type PostResult, type SlackRequest, type SignOptions } from '../support/slack-requests.ts';

export const signingSecret = 'test-signing-secret';
export const sign: SignOptions = { signingSecret };

/**
 * A stand-in for the real grammar (src/commands, written separately): the first word names the
 * command, the rest is kept as `rest`, so tests can see what text reached the core.
 */
const words: Record<string, CommandName> = {
  help: 'help',
  hjälp: 'help',
  frister: 'deadlines',
  kalender: 'calendar',
  beslut: 'approvals',
  rapport: 'report',
  besök: 'visits',
  mine: 'mine',
};

export function testParse(text: string): Result<Command> {
  const [first = '', ...rest] = text.trim().split(/\s+/);
  const name = words[first.toLowerCase()];
  if (!name) return fail('error.notAvailable', { command: first });
  return ok({ name, args: { rest: rest.join(' ') } } as unknown as Command);
}

/** A real Bot over a test router, in Swedish unless told otherwise; no allow-list means any workspace. */
export function testBot(router: Router = new Router(), options: { allowedTeams?: readonly string[]; locale?: Locale } = {}): Bot {
  return new Bot({
    router,
    parse: testParse,
    directory: new MemoryDirectory(),
    clock: new FakeClock('2026-10-01T08:00:00Z'),
    settings: {
      locale: options.locale ?? 'sv',
      timeZone: 'Europe/Stockholm',
      allowedTenants: options.allowedTeams ? { slack: options.allowedTeams } : {},
    },
    log: silentLogger(),
  });
}

export interface SlackHarness {
  readonly slack: FakeSlack;
  readonly adapter: SlackAdapter;
  readonly bot: Bot;
  readonly eventsUrl: string;
  send(request: SlackRequest): Promise<PostResult>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly router: Router;
  readonly allowedTeams?: readonly string[];
  readonly locale?: Locale;
  /** Pass the ids to skip auth.test. */
  readonly knowBotIds?: boolean;
}

/** A real Bot and Slack adapter behind the bot's real HTTP server, talking to the fake Web API. */
export async function startSlackHarness(options: HarnessOptions): Promise<SlackHarness> {
  const slack = await startFakeSlack();
  const log = silentLogger();
  const bot = testBot(options.router, { allowedTeams: options.allowedTeams ?? [slack.teamId], ...(options.locale ? { locale: options.locale } : {}) });
  const adapter = createSlackAdapter({
    bot,
    botToken: 'xoxb-test-token',
    signingSecret,
    apiUrl: slack.url,
    log,
    ...(options.knowBotIds ? { botUserId: slack.botUserId, botId: slack.botId } : {}),
  });
  await adapter.start();
  const handler = adapter.httpHandler;
  if (!handler) throw new Error('HTTP mode should offer an httpHandler');
  const server: Server = createHttpServer([{ path: slackEventsPath, handler }], (err) => log.error({ err }, 'http'));
  const port = await listen(server, 0, '127.0.0.1');
  const eventsUrl = `http://127.0.0.1:${port}${slackEventsPath}`;
  return {
    slack,
    adapter,
    bot,
    eventsUrl,
    send: (request) => post(eventsUrl, request),
    async close() {
      await adapter.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await slack.close();
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
