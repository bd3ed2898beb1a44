import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createTeamsAdapter } from '../../adapters/teams/index.ts';
import type { Store } from '../../db/connect.ts';
import { KyselyFileStore } from '../../db/repositories/files.ts';
import { Bot } from '../../src/core/bot.ts';
import { FakeClock, toInstant } from '../../src/core/clock.ts';
import type { Command } from '../../src/core/command.ts';
import { ok } from '../../src/core/errors.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { Router } from '../../src/core/router.ts';
import { fileUrl, filesRoute } from '../../src/http/files.ts';
import { createHttpServer, listen } from '../../src/http/server.ts';
import { migratedStore } from '../support/databases.ts';
import { adaptiveCardOf, startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector.ts';
import { MemoryDirectory } from '../support/memory-directory.ts';
import { MemoryConversationStore } from '../support/memory-teams-stores.ts';
import { messageActivity, post } from '../support/teams-activities.ts';

/** Teams takes no bot files in channels: a file reply becomes a download link the bot serves. */
describe('Teams: file replies', () => {
  let server: Server | undefined;
  let connector: FakeBotConnector | undefined;
  let closeStore: (() => Promise<void>) | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await connector?.close();
    await closeStore?.();
  });

  it('links each file; the link downloads it; a wrong token gets a bare 404', async () => {
    const data = new TextEncoder().encode('\uFEFFdatum;organ;beslut\n2026-03-01;KS;godkänd\n');
    const router = new Router().command('calendar', async () => ({
      kind: 'file',
      card: { summary: 'Beslut 2026', sections: [{ type: 'text', text: 'Här är exporten.' }] },
      files: [{ name: 'beslut 2026.csv', mimeType: 'text/csv; charset=utf-8', data }],
    }));
    const clock = new FakeClock('2026-11-23T09:00:00Z');
    const bot = new Bot({
      router,
      parse: () => ok({ name: 'calendar', args: {} } as Command),
      directory: new MemoryDirectory(),
      clock,
      settings: { locale: 'sv', timeZone: 'Europe/Stockholm', allowedTenants: {} },
      log: silentLogger(),
    });
    const opened = await migratedStore('sqlite');
    closeStore = opened.close;
    const store: Store = opened.store;
    const files = new KyselyFileStore(store.db, () => toInstant(clock.now()));
    let base = '';
    const teams = createTeamsAdapter({
      bot,
      conversations: new MemoryConversationStore(),
      log: silentLogger(),
      linkFile: async (file) => fileUrl(base, await files.put(file, 72), file.name),
    });
    server = createHttpServer([{ path: '/api/messages', handler: teams.httpHandler }, filesRoute(files)], () => undefined);
    const port = await listen(server, 0, '127.0.0.1');
    base = `http://127.0.0.1:${port}`;
    connector = await startFakeBotConnector();

    await post(`${base}/api/messages`, messageActivity({ serviceUrl: connector.serviceUrl, text: 'kalender' }));
    const card = adaptiveCardOf(connector.sent().at(-1)?.activity) as { actions?: { type: string; title: string; url: string }[] };
    const link = card.actions?.find((a) => a.type === 'Action.OpenUrl');
    expect(link?.title).toBe('beslut 2026.csv');

    const download = await fetch(link!.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''beslut%202026.csv");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(data);

    const wrong = await fetch(`${base}/files/${'x'.repeat(32)}/beslut.csv`);
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toBe('Not found');

    // Links expire: three days later the same address reveals nothing.
    clock.advance({ hours: 73 });
    expect((await fetch(link!.url)).status).toBe(404);
  });
});
