import { randomUUID } from 'node:crypto';
import { createApp, type SamverkanApp } from '../../src/app.ts';
import { readEnv } from '../../src/config/env.ts';
import { parseConfig } from '../../src/config/load.ts';
import { FakeClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { listen } from '../../src/http/server.ts';
import type { DialectName } from '../../db/connect.ts';
import { e2eConfig } from './app-harness.ts';
import { createTestDatabase } from './databases.ts';
import { startFakeBotConnector, type FakeBotConnector } from './fake-bot-connector.ts';
import { startFakeIdentityPlatform, type FakeIdentityPlatform } from './fake-identity-platform.ts';

export const TEST_APP_PASSWORD = 'fake-client-secret~0123456789';

export interface TeamsAuthHarness {
  /** A new one per start: botbuilder caches tokens per app id for the whole process. */
  readonly appId: string;
  readonly app: SamverkanApp;
  readonly clock: FakeClock;
  readonly identity: FakeIdentityPlatform;
  readonly connector: FakeBotConnector;
  readonly messagesUrl: string;
  tickAt(iso: string): ReturnType<SamverkanApp['scheduler']['tick']>;
  close(): Promise<void>;
}

/**
 * The bot as a municipality runs it with an Azure Bot registration (MICROSOFT_APP_ID and
 * password), pointed at a fake identity platform through botbuilder's own settings, as the
 * environment would: nothing in the app knows it is a test.
 */
export async function startAuthenticatedTeams(dialect: DialectName, start: string): Promise<TeamsAuthHarness> {
  const database = await createTestDatabase(dialect);
  const appId = randomUUID();
  const identity = await startFakeIdentityPlatform({ appId, password: TEST_APP_PASSWORD });
  const connector = await startFakeBotConnector();
  const clock = new FakeClock(start);
  const app = await createApp({
    config: parseConfig(e2eConfig, 'test'),
    configSource: 'test',
    env: readEnv(identity.env(appId, TEST_APP_PASSWORD)),
    clock,
    log: silentLogger(),
    store: database.open(),
  });
  const port = await listen(app.server, 0, '127.0.0.1');
  return {
    appId,
    app,
    clock,
    identity,
    connector,
    messagesUrl: `http://127.0.0.1:${port}/api/messages`,
    tickAt: (iso) => {
      clock.set(iso);
      return app.scheduler.tick();
    },
    close: async () => {
      await app.stop();
      await connector.close();
      await identity.close();
      await database.destroy();
    },
  };
}
