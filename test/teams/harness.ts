import type { Server } from 'node:http';
import { createTeamsAdapter } from '../../adapters/teams/index.ts';
import type { Bot } from '../../src/core/bot.ts';
import { silentLogger, type Logger } from '../../src/core/logger.ts';
import type { Notifier } from '../../src/core/notifier.ts';
import { createHttpServer, listen } from '../../src/http/server.ts';
import type { Locale } from '../../src/i18n/index.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector.ts';
import { MemoryConversationStore } from '../support/memory-teams-stores.ts';
import { TEST_TENANT_ID } from '../support/teams-activities.ts';
import { createTestBot, type Seen } from './test-bot.ts';

/** The bot's real HTTP server with the Teams adapter on /api/messages, and a fake Bot Connector. */
export interface TeamsHarness {
  /** `http://127.0.0.1:<port>/api/messages` */
  readonly url: string;
  readonly connector: FakeBotConnector;
  readonly conversations: MemoryConversationStore;
  readonly notifier: Notifier;
  readonly bot: Bot;
  readonly seen: Seen;
  readonly serverErrors: unknown[];
  close(): Promise<void>;
}

export async function startTeamsHarness(
  options: { appId?: string; appPassword?: string; allowedTenants?: readonly string[]; locale?: Locale; log?: Logger } = {},
): Promise<TeamsHarness> {
  const connector = await startFakeBotConnector();
  const conversations = new MemoryConversationStore();
  const { bot, seen } = createTestBot({ allowedTenants: options.allowedTenants ?? [TEST_TENANT_ID], ...(options.locale ? { locale: options.locale } : {}) });
  const teams = createTeamsAdapter({
    bot,
    conversations,
    log: options.log ?? silentLogger(),
    ...(options.appId ? { appId: options.appId } : {}),
    ...(options.appPassword ? { appPassword: options.appPassword } : {}),
  });
  const serverErrors: unknown[] = [];
  const server: Server = createHttpServer([{ path: '/api/messages', handler: teams.httpHandler }], (err) => serverErrors.push(err));
  const port = await listen(server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    connector,
    conversations,
    notifier: teams.notifier,
    bot,
    seen,
    serverErrors,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.close();
    },
  };
}
