import { createApp, type SamverkanApp } from '../../src/app.ts';
import { readEnv } from '../../src/config/env.ts';
import { parseConfig } from '../../src/config/load.ts';
import { FakeClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { listen } from '../../src/http/server.ts';
import type { DialectName } from '../../db/connect.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import { startFakeBotConnector, type FakeBotConnector } from './fake-bot-connector.ts';
import { startFakeSlack, type FakeSlack } from './fake-slack.ts';
import { TEST_CHANNEL_ID, TEST_TENANT_ID } from './teams-activities.ts';

export const SIGNING_SECRET = 'e2e-signing-secret-0123456789';
export const SLACK_TEAM = 'T0TYRESO';

/** A Tyresö-like configuration with both platforms' channels for the culture committee. */
export const e2eConfig = {
  municipality: { name: 'Tyresö kommun', language: 'sv', timeZone: 'Europe/Stockholm', reminderTime: '08:00' },
  coordinator: { people: { slack: ['U0COORD'] }, channel: { slack: 'C0INTL' } },
  committees: [
    { id: 'ks', name: 'Kommunstyrelsen', channel: { slack: 'C0KS' } },
    { id: 'kfn', name: 'Kultur- och fritidsnämnden', channel: { slack: 'C0KFN', teams: TEST_CHANNEL_ID } },
  ],
  allow: { slackTeams: [SLACK_TEAM], teamsTenants: [TEST_TENANT_ID] },
};

export interface AppHarness {
  readonly app: SamverkanApp;
  readonly clock: FakeClock;
  readonly slack: FakeSlack;
  readonly connector: FakeBotConnector;
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  tickAt(iso: string): ReturnType<SamverkanApp['scheduler']['tick']>;
  close(): Promise<void>;
}

/**
 * The whole bot as `npm start` wires it (real Bolt HTTP receiver, real CloudAdapter, real store
 * and scheduler) on a random port, with a fake Slack Web API and a fake Bot Connector, and a
 * clock the test moves. The scheduler is ticked by the test instead of node-cron.
 */
export interface AppHarnessOptions {
  /** More environment (e.g. RENDER_TIMEOUT_SECONDS). */
  readonly env?: Readonly<Record<string, string>>;
  /** Another render worker module (a worker that fails or hangs). */
  readonly renderEntry?: URL;
  /** Start as `npm start` does with no configuration file (the demo municipality). */
  readonly noConfigFile?: boolean;
}

export async function startApp(dialect: DialectName, start: string, config: object = e2eConfig, options: AppHarnessOptions = {}): Promise<AppHarness> {
  const database: TestDatabase = await createTestDatabase(dialect);
  const slack = await startFakeSlack();
  const connector = await startFakeBotConnector();
  const clock = new FakeClock(start);
  const app = await createApp({
    config: parseConfig(config, 'test'),
    configSource: options.noConfigFile ? undefined : 'test',
    env: readEnv({ SLACK_BOT_TOKEN: 'xoxb-e2e', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url, ...options.env }),
    ...(options.renderEntry ? { renderEntry: options.renderEntry } : {}),
    clock,
    log: silentLogger(),
    store: database.open(),
    slackIdentity: { botUserId: 'UBOT', botId: 'BBOT' },
  });
  await app.slack?.start();
  const port = await listen(app.server, 0, '127.0.0.1');
  return {
    app,
    clock,
    slack,
    connector,
    baseUrl: `http://127.0.0.1:${port}`,
    tickAt: (iso) => {
      clock.set(iso);
      return app.scheduler.tick();
    },
    close: async () => {
      await app.stop();
      await slack.close();
      await connector.close();
      await database.destroy();
    },
  };
}
