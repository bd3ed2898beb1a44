import type { Server } from 'node:http';
import { createSlackAdapter, slackEventsPath, type SlackAdapter } from '../adapters/slack/index.ts';
import { lazyTeamsAdapter, type LazyTeamsAdapter } from '../adapters/teams/lazy.ts';
import { openStore, type Store } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { migrateAsOwner, roleWarning } from '../db/roles.ts';
import { KyselyConversationStore } from '../db/repositories/people.ts';
import { wireCore } from './core-wiring.ts';
import type { Bot } from './core/bot.ts';
import { slackMode, type Env } from './config/env.ts';
import type { Config } from './config/schema.ts';
import type { Platform } from './core/actor.ts';
import { systemClock, toInstant, type Clock } from './core/clock.ts';
import { startAnswerProcesses, type AnswerProcesses } from './answer-processes/processes.ts';
import { createLogger, type Logger } from './core/logger.ts';
import type { Notifier } from './core/notifier.ts';
import { createHttpServer, listen, type Route } from './http/server.ts';
import { healthRoute } from './http/health.ts';
import { reportingRoutes } from './http/reporting.ts';
import { fileUrl, filesRoute } from './http/files.ts';
import { KyselyFileStore } from '../db/repositories/files.ts';
import { KyselySeenRequests } from '../db/repositories/seen-requests.ts';
import type { Scheduler } from './scheduler/scheduler.ts';
import type { UnreachableConversation } from './scheduler/reachability.ts';
import { wireScheduler } from './scheduler-wiring.ts';

export interface AppOptions {
  readonly config: Config;
  /** Where the configuration came from; undefined means built-in defaults (every tenant allowed). */
  readonly configSource: string | undefined;
  readonly env: Env;
  readonly clock?: Clock;
  readonly log?: Logger;
  /** An already open store (tests); otherwise DATABASE_URL is opened. */
  readonly store?: Store;
  readonly workerId?: string;
  /** Replaces an adapter's Notifier (scheduler tests that are about time, not a platform). */
  readonly notifiers?: Partial<Record<Platform, Notifier>>;
  /**
   * Processes that answer Slack slash commands after the ack (default SLACK_ANSWER_PROCESSES, 1).
   * 0 answers in the main process, as it must with an in-memory database or a clock that tests move.
   */
  readonly answerProcesses?: number;
  /** Slack: skip auth.test when the ids are known (tests and benchmarks). */
  readonly slackIdentity?: { readonly botUserId: string; readonly botId: string };
}

export interface SamverkanApp {
  readonly bot: Bot;
  readonly store: Store;
  readonly scheduler: Scheduler;
  readonly server: Server;
  readonly slack: SlackAdapter | undefined;
  readonly teams: LazyTeamsAdapter;
  /** Conversations the bot cannot post in yet (for /readyz details). */
  unreachable(): Promise<UnreachableConversation[]>;
  /** One line per part: what is enabled and where. */
  readonly summary: string[];
  /** The address people reach the bot's HTTP server at (PUBLIC_BASE_URL, else localhost:PORT). */
  publicBaseUrl(): string;
  /** Listens, connects Slack, starts the scheduler's clock; returns the port. */
  start(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

/** The Web API base URL as Bolt's client wants it: ending in `/`. */
function slackApiBase(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Wires config → db → workflows → adapters → scheduler → http. No logic of its own. */
export async function createApp(options: AppOptions): Promise<SamverkanApp> {
  const { config, env } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger();
  const summary: string[] = [];

  const store = options.store ?? openStore(env.DATABASE_URL);
  const applied = env.DATABASE_OWNER_URL ? await migrateAsOwner(env.DATABASE_OWNER_URL, store) : await migrateToLatest(store);
  summary.push(`Database: ${store.description}${applied.length ? ` (applied ${applied.join(', ')})` : ' (schema up to date)'}`);
  const roleProblem = await roleWarning(store);
  if (roleProblem) summary.push(`Database: WARNING: ${roleProblem}; set DATABASE_OWNER_URL and give the bot a role of its own (docs/database-roles.md)`);

  const now = () => toInstant(clock.now());
  const { bot, settings, outbox, modules, reporting } = wireCore({
    config,
    configSource: options.configSource,
    store,
    clock,
    log,
    // Approvers named by Slack user group are looked up when they press, through the Slack adapter.
    membersOf: async (platform, id) => (platform === 'slack' && slack ? slack.usergroupMembers(id) : []),
    publicBaseUrl: () => publicBaseUrl(),
  });
  const allowAll = options.configSource === undefined;
  summary.push(
    allowAll
      ? 'Configuration: built-in defaults. WARNING: every Slack workspace and Teams tenant is accepted; set SAMVERKAN_CONFIG to restrict them.'
      : `Configuration: ${options.configSource} (${config.municipality.name}, ${config.committees.length} committees, language ${config.municipality.language})`,
  );

  const notifiers = new Map<Platform, Notifier>();
  const fileStore = new KyselyFileStore(store.db, now);
  const routes: Route[] = [healthRoute(store), filesRoute(fileStore), ...reportingRoutes(reporting.http, clock)];
  // Known only once the server listens (port 0 in tests), so read it when a link is made.
  const publicBaseUrl = (): string => {
    if (env.PUBLIC_BASE_URL) return env.PUBLIC_BASE_URL;
    const address = server.address();
    return `http://localhost:${typeof address === 'object' && address ? address.port : env.PORT}`;
  };

  // botbuilder loads on the first Teams request, or now when Teams is set up for real (below).
  const teams = lazyTeamsAdapter({
    bot,
    conversations: new KyselyConversationStore(store.db, now),
    ...(env.MICROSOFT_APP_ID ? { appId: env.MICROSOFT_APP_ID } : {}),
    ...(env.MICROSOFT_APP_PASSWORD ? { appPassword: env.MICROSOFT_APP_PASSWORD } : {}),
    ...(env.MICROSOFT_APP_TENANT_ID ? { appTenantId: env.MICROSOFT_APP_TENANT_ID } : {}),
    ...(env.MICROSOFT_APP_TYPE === 'SingleTenant' || env.MICROSOFT_APP_TYPE === 'MultiTenant' ? { appType: env.MICROSOFT_APP_TYPE } : {}),
    linkFile: async (file) => fileUrl(publicBaseUrl(), await fileStore.put(file, 72), file.name),
    log,
  });
  if (env.MICROSOFT_APP_ID) await teams.load();
  notifiers.set('teams', teams.notifier);
  routes.push({ path: '/api/messages', handler: teams.httpHandler });
  summary.push(
    env.MICROSOFT_APP_ID
      ? `Teams: /api/messages, authenticated as app ${env.MICROSOFT_APP_ID}`
      : 'Teams: /api/messages in local mode (no MICROSOFT_APP_ID: for the Microsoft 365 Agents Playground; requests are not authenticated)',
  );

  const mode = slackMode(env);
  let slack: SlackAdapter | undefined;
  if (mode.kind === 'off') {
    summary.push(`Slack: off (${mode.reason})`);
  } else {
    slack = createSlackAdapter({
      bot,
      botToken: mode.botToken,
      ...(mode.kind === 'http' ? { signingSecret: mode.signingSecret } : { appToken: mode.appToken }),
      ...(env.SLACK_API_URL ? { apiUrl: slackApiBase(env.SLACK_API_URL) } : {}),
      ...(options.slackIdentity ?? {}),
      seenRequests: new KyselySeenRequests(store.db),
      log,
    });
    notifiers.set('slack', slack.notifier);
    if (slack.httpHandler) routes.push({ path: slackEventsPath, handler: slack.httpHandler });
    const api = env.SLACK_API_URL ? `, Web API ${env.SLACK_API_URL}` : '';
    summary.push(mode.kind === 'http' ? `Slack: ${slackEventsPath} over HTTP (signed requests)${api}` : `Slack: Socket Mode${api}`);
  }

  for (const [platform, notifier] of Object.entries(options.notifiers ?? {})) {
    if (notifier) notifiers.set(platform as Platform, notifier);
  }

  const outboxScheduling = wireScheduler({ env, store, outbox, notifiers, modules, settings, clock, log, ...(options.workerId ? { workerId: options.workerId } : {}) });
  const scheduler = outboxScheduling.scheduler;
  summary.push(outboxScheduling.summary);
  const { calendarPath, publicPath } = reporting.http;
  summary.push(
    `Reporting: calendar feeds ${calendarPath ? `at ${calendarPath}/<secret>.ics` : 'off'}; public list ${publicPath ? `at ${publicPath} and ${publicPath}.json` : 'off (reporting.publicFeed.enabled)'}`,
  );

  const server = createHttpServer(routes, (err) => log.error({ err }, 'http handler failed'));

  // Answer processes each open the store and read the clock themselves: only a store another
  // connection can open, and the real clock, can be shared with them.
  const wantedAnswerers = slack ? (options.answerProcesses ?? env.SLACK_ANSWER_PROCESSES) : 0;
  const answerersBlockedBy = !store.location ? 'an in-memory database' : clock !== systemClock ? 'a test clock' : undefined;
  const answerers = answerersBlockedBy ? 0 : wantedAnswerers;
  const answerersLine = (priority?: AnswerProcesses['priority']) =>
    answerers > 0
      ? `Slack commands: acked by the main process, answered in ${answerers} answer process${answerers === 1 ? '' : 'es'} (SLACK_ANSWER_PROCESSES)` +
        (priority === 'idle' ? ' in the idle CPU class' : priority === 'nice' ? ' at nice 10 (the idle CPU class needs Linux and chrt)' : '')
      : `Slack commands: acked and answered in the main process${wantedAnswerers > 0 && answerersBlockedBy ? ` (answer processes need a shared store and the real clock, not ${answerersBlockedBy})` : ' (SLACK_ANSWER_PROCESSES=0)'}`;
  const answerersLineAt = slack ? summary.push(answerersLine()) - 1 : -1;
  let answerProcesses: AnswerProcesses | undefined;

  return {
    bot,
    store,
    scheduler,
    server,
    slack,
    teams,
    summary,
    unreachable: () => outboxScheduling.unreachable(),
    publicBaseUrl,
    async start(port, host) {
      if (slack) await slack.start();
      const bound = await listen(server, port, host);
      if (slack && answerers > 0 && store.location && mode.kind !== 'off') {
        answerProcesses = await startAnswerProcesses({
          processes: answerers,
          log,
          data: {
            config,
            configSource: options.configSource,
            store: store.location,
            slack: { botToken: mode.botToken, ...(env.SLACK_API_URL ? { apiUrl: slackApiBase(env.SLACK_API_URL) } : {}) },
            publicBaseUrl: publicBaseUrl(),
            logLevel: log.level,
          },
        });
        slack.answerCommandsWith(answerProcesses.answer);
        summary[answerersLineAt] = answerersLine(answerProcesses.priority);
      }
      summary.push(...(await outboxScheduling.start()));
      return bound;
    },
    async stop() {
      await outboxScheduling.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      // Commands already acked are still answered before the answer processes go.
      slack?.answerCommandsWith(undefined);
      await answerProcesses?.close();
      if (slack) await slack.stop();
      await store.close();
    },
  };
}
