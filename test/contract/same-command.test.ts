import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, slackEventsPath, type SlackAdapter } from '../../adapters/slack/index.ts';
import { createTeamsAdapter } from '../../adapters/teams/index.ts';
import { parseCommand } from '../../src/commands/index.ts';
import { Bot } from '../../src/core/bot.ts';
import { FakeClock } from '../../src/core/clock.ts';
import type { Command } from '../../src/core/command.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { Reply } from '../../src/core/reply.ts';
import { Router } from '../../src/core/router.ts';
import { createHttpServer, listen } from '../../src/http/server.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { MemoryDirectory } from '../support/memory-directory.ts';
import { MemoryConversationStore } from '../support/memory-teams-stores.ts';
import { post as postSlack, slashCommand } from '../support/slack-requests.ts';
import { messageActivity, post as postTeams } from '../support/teams-activities.ts';

/**
 * The adapter contract: the same intent typed in Slack and in Teams reaches the core as the
 * same Command. Slack escapes `&<>` and sends mentions as `<@U…|name>`; Teams sends HTML
 * entities and `<at>` tags with the bot's own mention in front. Each case below is what the
 * platform really sends for what the person typed.
 */
const cases: { intent: string; slack: string; teams: string }[] = [
  {
    intent: 'a deadline with an ampersand, a Swedish date and a time',
    slack: 'frist ny "Rapport R&amp;D" 15 okt 2027 17:00 remind=14,7',
    teams: 'frist ny &quot;Rapport R&amp;D&quot; 15 okt 2027 17:00 remind=14,7',
  },
  {
    intent: 'an engagement with quoted values',
    slack: 'samarbete ny "Vänort Cesis" type=vänort committee=kfn partner="Cēsis novads" country=lv',
    teams: 'samarbete ny "Vänort Cesis" type=vänort committee=kfn partner="Cēsis novads" country=lv',
  },
  { intent: 'a list filtered by committee', slack: 'frister alla nämnd=kfn', teams: 'frister alla nämnd=kfn' },
  { intent: 'help for one command', slack: 'hjälp frist skjut', teams: 'hjälp frist skjut' },
];

describe('adapter contract: Slack and Teams produce the same Command', () => {
  const seen: Command[] = [];
  let counter = 0;
  let server: Server;
  let slack: FakeSlack;
  let connector: FakeBotConnector;
  let slackAdapter: SlackAdapter;
  let base = '';

  beforeAll(async () => {
    const router = new Router();
    const reply = async (): Promise<Reply> => ({ kind: 'card', card: { summary: 'ok', sections: [] }, visibility: 'private' });
    for (const name of ['deadline.add', 'engagement.add', 'deadlines', 'help'] as const) router.command(name, reply);
    const bot = new Bot({
      router,
      parse: (text, today) => {
        const result = parseCommand(text, today);
        if (result.ok) seen.push(result.value);
        return result;
      },
      directory: new MemoryDirectory(),
      clock: new FakeClock('2026-11-23T09:00:00Z'),
      settings: { locale: 'sv', timeZone: 'Europe/Stockholm', allowedTenants: {} },
      log: silentLogger(),
    });
    slack = await startFakeSlack();
    connector = await startFakeBotConnector();
    slackAdapter = createSlackAdapter({
      bot,
      botToken: 'xoxb-contract',
      signingSecret: 'contract-secret-123',
      apiUrl: slack.url,
      botUserId: slack.botUserId,
      botId: slack.botId,
      log: silentLogger(),
    });
    await slackAdapter.start();
    const teams = createTeamsAdapter({ bot, conversations: new MemoryConversationStore(), log: silentLogger() });
    server = createHttpServer(
      [
        { path: slackEventsPath, handler: slackAdapter.httpHandler! },
        { path: '/api/messages', handler: teams.httpHandler },
      ],
      () => undefined,
    );
    base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });

  afterAll(async () => {
    await slackAdapter.stop();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await slack.close();
    await connector.close();
  });

  it.each(cases)('$intent', async ({ slack: slackText, teams: teamsText }) => {
    seen.length = 0;
    const id = `c${++counter}`;
    // Slack puts the already-escaped text in the form body; URLSearchParams encodes it once more.
    const slackResult = await postSlack(
      `${base}${slackEventsPath}`,
      slashCommand({ text: slackText, responseUrl: slack.responseUrl(id), teamId: slack.teamId }, { signingSecret: 'contract-secret-123' }),
    );
    expect(slackResult.status).toBe(200);
    await slack.waitFor("response", (c) => c.id === id);
    await postTeams(`${base}/api/messages`, messageActivity({ serviceUrl: connector.serviceUrl, place: 'channel', text: teamsText }));
    expect(seen).toHaveLength(2);
    expect(seen[1]).toEqual(seen[0]);
  });
});
