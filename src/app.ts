import type { Server } from 'node:http';
import { createSlackAdapter, slackEventsPath, type SlackAdapter } from '../adapters/slack/index.ts';
import { lazyTeamsAdapter, type LazyTeamsAdapter } from '../adapters/teams/lazy.ts';
import { type Store } from '../db/connect.ts';
import { roleWarning } from '../db/roles.ts';
import { openDatabase } from './open-database.ts';
import { KyselyConversationStore } from '../db/repositories/people.ts';
import { wireCore } from './core-wiring.ts';
import type { Bot } from './core/bot.ts';
import { slackMode, type Env } from './config/env.ts';
import { demoSummary } from './config/demo.ts';
import { teamsCloudSettings } from './config/env-teams.ts';
import type { Config } from './config/schema.ts';
import type { Platform } from './core/actor.ts';
import { systemClock, toInstant, type Clock } from './core/clock.ts';
import { createLogger, type Logger } from './core/logger.ts';
import type { Notifier } from './core/notifier.ts';
import { createHttpServer, listen, type Route } from './http/server.ts';
import { StartupError } from './startup-error.ts';
import { healthRoute, readyRoute, type Readiness } from './http/health.ts';
import { metricsRoute } from './http/metrics-route.ts';
import { createMetrics, type Metrics } from './metrics/metrics.ts';
import { countingNotifier } from './metrics/counting-notifier.ts';
import { readOutboxStats } from '../db/repositories/outbox-stats.ts';
import { reportingRoutes } from './http/reporting.ts';
import { fileUrl, filesRoute } from './http/files.ts';
import { KyselyFileStore } from '../db/repositories/files.ts';
import { createRenderPool, type RenderPool } from './render/pool.ts';
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
  /** Another render worker module (tests of a worker that fails or hangs). */
  readonly renderEntry?: URL;
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
  /** The worker threads documents are rendered in. */
  readonly renderer: RenderPool;
  readonly metrics: Metrics;
  /** What /readyz reports: starting until start() is done, stopping from the first moment of stop(). */
  readiness(): Readiness;
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

  const { store, applied } = await openDatabase(options.store, env.DATABASE_URL, env.DATABASE_OWNER_URL);
  summary.push(`Database: ${store.description}${applied.length ? ` (applied ${applied.join(', ')})` : ' (schema up to date)'}`);
  const roleProblem = await roleWarning(store);
  if (roleProblem) summary.push(`Database: WARNING: ${roleProblem}; set DATABASE_OWNER_URL and give the bot a role of its own (docs/database-roles.md)`);

  const now = () => toInstant(clock.now());
  const renderer = createRenderPool({
    threads: env.RENDER_THREADS,
    timeoutMs: env.RENDER_TIMEOUT_SECONDS * 1000,
    log,
    ...(options.renderEntry ? { entry: options.renderEntry } : {}),
  });
  const { bot, settings, outbox, modules, reporting } = wireCore({
    renderer,
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
      ? demoSummary(config.municipality.name)
      : `Configuration: ${options.configSource} (${config.municipality.name}, ${config.committees.length} committees, language ${config.municipality.language})`,
  );

  const notifiers = new Map<Platform, Notifier>();
  const fileStore = new KyselyFileStore(store.db, now);
  let readiness: Readiness = { ready: false, state: 'starting' };
  const metrics = createMetrics({ outboxStats: () => readOutboxStats(store.db, now()), now: () => new Date(now()) });
  bot.onCommand(metrics.command);
  const routes: Route[] = [
    healthRoute(),
    readyRoute(store, () => readiness),
    metricsRoute(metrics),
    filesRoute(fileStore),
    ...reportingRoutes(reporting.http, clock),
  ];
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
    cloud: teamsCloudSettings(env),
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

  const outboxScheduling = wireScheduler({
    env,
    store,
    outbox,
    notifiers: new Map([...notifiers].map(([platform, notifier]) => [platform, countingNotifier(notifier, metrics)])),
    modules,
    settings,
    clock,
    log,
    ...(options.workerId ? { workerId: options.workerId } : {}),
  });
  const scheduler = outboxScheduling.scheduler;
  summary.push(
    `Documents: rendered in ${env.RENDER_THREADS} worker thread${env.RENDER_THREADS === 1 ? '' : 's'} (RENDER_THREADS), stopped after ${env.RENDER_TIMEOUT_SECONDS} s (RENDER_TIMEOUT_SECONDS)`,
  );
  summary.push(outboxScheduling.summary);
  const { calendarPath, publicPath } = reporting.http;
  summary.push(
    `Reporting: calendar feeds ${calendarPath ? `at ${calendarPath}/<secret>.ics` : 'off'}; public list ${publicPath ? `at ${publicPath} and ${publicPath}.json` : 'off (reporting.publicFeed.enabled)'}`,
  );

  const server = createHttpServer(
    routes,
    (err) => log.error({ err }, 'http handler failed'),
    (req) => metrics.requestTimer(req.method ?? 'GET'),
  );

  return {
    bot,
    store,
    scheduler,
    server,
    slack,
    teams,
    renderer,
    metrics,
    readiness: () => readiness,
    summary,
    unreachable: () => outboxScheduling.unreachable(),
    publicBaseUrl,
    async start(port, host) {
      if (slack) await slack.start();
      let bound: number;
      try {
        bound = await listen(server, port, host);
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        const where = `${host ?? 'every interface'} port ${port}`;
        if (code === 'EADDRINUSE') throw new StartupError(`Samverkan: cannot listen on ${where}: another program uses it (set PORT, or stop the other program)`, { cause: err });
        if (code === 'EACCES') throw new StartupError(`Samverkan: cannot listen on ${where}: not allowed (ports below 1024 need privileges; set PORT)`, { cause: err });
        if (code === 'EADDRNOTAVAIL') throw new StartupError(`Samverkan: cannot listen on ${where}: this machine has no such address (HOST)`, { cause: err });
        throw err;
      }
      summary.push(...(await outboxScheduling.start()));
      if (readiness.state === 'starting') readiness = { ready: true, state: 'ready' };
      return bound;
    },
    async stop() {
      readiness = { ready: false, state: 'stopping' };
      await outboxScheduling.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await renderer.close();
      if (slack) await slack.stop();
      await store.close();
    },
  };
}
