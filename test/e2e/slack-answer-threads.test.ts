import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandsOverloaded } from '../../adapters/slack/commands.ts';
import { createApp, type SamverkanApp } from '../../src/app.ts';
import { readEnv } from '../../src/config/env.ts';
import { parseConfig } from '../../src/config/load.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { e2eConfig, SIGNING_SECRET, SLACK_TEAM, startApp, type AppHarness } from '../support/app-harness.ts';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { post, slashCommand } from '../support/slack-requests.ts';

/** Linux's SCHED_IDLE policy number, as /proc/<pid>/task/<tid>/stat gives it (field 41). */
const SCHED_IDLE = 5;
const idleClassAvailable = process.platform === 'linux' && spawnSync('chrt', ['--version']).status === 0;

/** How many of this process's threads the kernel runs in the idle class. */
function threadsInIdleClass(): number {
  return readdirSync('/proc/self/task').filter((tid) => {
    const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // Field 41 of stat, counted from the state (field 3) after the command name.
    return Number(fields[41 - 3]) === SCHED_IDLE;
  }).length;
}

/**
 * Slash commands acked on the main thread and answered on an answer thread, as `npm start` runs
 * them: the thread has its own connection to the same store and its own Bot from the same
 * configuration, so what one command writes the next one reads, whichever thread answers.
 */
describe.each(dialects)('Slack: commands answered on an answer thread (%s)', (dialect) => {
  let app: SamverkanApp | undefined;
  let slack: FakeSlack;
  let database: TestDatabase;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
    await slack?.close();
    await database?.destroy();
  });

  async function start(threads: number) {
    database = await createTestDatabase(dialect);
    slack = await startFakeSlack();
    app = await createApp({
      config: parseConfig(e2eConfig, 'test'),
      configSource: 'test',
      env: readEnv({ SLACK_BOT_TOKEN: 'xoxb-e2e', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url }),
      log: silentLogger(),
      store: database.open(),
      slackIdentity: { botUserId: 'UBOT', botId: 'BBOT' },
      answerThreads: threads,
    });
    const port = await app.start(0, '127.0.0.1');
    return `http://127.0.0.1:${port}/slack/events`;
  }

  let sent = 0;
  async function command(url: string, text: string) {
    const id = `r${++sent}`;
    const request = slashCommand({ text, responseUrl: slack.responseUrl(id), teamId: SLACK_TEAM, channelId: 'C0KFN', userId: 'U0ANNA' }, { signingSecret: SIGNING_SECRET });
    const result = await post(url, request);
    expect(result.status).toBe(200);
    return JSON.stringify((await slack.waitFor('response', (c) => c.id === id, 10_000)).body);
  }

  it('adds and lists a deadline, and refuses a bad date in Swedish, from the answer thread', async () => {
    const url = await start(1);
    // On Linux with chrt (as here and in CI) the thread moves itself to the idle CPU class, so it
    // never holds up an ack; the kernel agrees. Elsewhere it stays niced and the line says why.
    if (idleClassAvailable) {
      expect(app?.summary).toContain('Slack commands: acked on the main thread, answered on 1 answer thread (SLACK_ANSWER_THREADS) in the idle CPU class');
      expect(threadsInIdleClass()).toBe(1);
    } else {
      expect(app?.summary).toContain('Slack commands: acked on the main thread, answered on 1 answer thread (SLACK_ANSWER_THREADS) at nice 10 (the idle CPU class needs Linux and chrt)');
    }
    const year = new Date().getUTCFullYear() + 1;
    expect(await command(url, `frist ny "Slutrapport Nordplus" ${year}-03-18`)).toContain(`Frist D1 registrerad: Slutrapport Nordplus, sista dag 18 mars ${year}.`);
    expect(await command(url, 'frister')).toContain('D1 · 18 mars');
    // The thread read the configuration: the committees it names are the ones it knows.
    expect(await command(url, 'samarbete ny "Vänort Kuopio" typ=vänort nämnd=xyz')).toContain('Det finns ingen nämnd ”xyz”. Nämnder: ks, kfn.');
    expect(await command(url, 'frist ny "Ansökan" 31 februari')).toContain('31 februari');
    // What the thread wrote is in the store the main thread (and its scheduler) reads.
    const rows = await app!.store.db.selectFrom('deadlines').select(['title']).execute();
    expect(rows.map((r) => r.title)).toEqual(['Slutrapport Nordplus']);
  });

  it('opens the form for a bare `engagement add` from the answer thread', async () => {
    const url = await start(1);
    const request = slashCommand({ text: 'engagement add', responseUrl: slack.responseUrl('form'), teamId: SLACK_TEAM, channelId: 'C0KFN', userId: 'U0ANNA', triggerId: 'trigger-1' }, { signingSecret: SIGNING_SECRET });
    expect((await post(url, request)).status).toBe(200);
    const opened = await slack.waitFor('views.open', () => true, 10_000);
    expect((opened.body as { trigger_id: string }).trigger_id).toBe('trigger-1');
  });
});

/** What the person sees when the answer threads cannot answer (the threads stubbed by a failing answerer). */
describe('Slack: a command the answer threads cannot take', () => {
  let h: AppHarness;
  afterEach(async () => h?.close());

  async function answerTo(text: string): Promise<string> {
    const request = slashCommand({ text, responseUrl: h.slack.responseUrl('x'), teamId: SLACK_TEAM, channelId: 'C0KFN', userId: 'U0ANNA' }, { signingSecret: SIGNING_SECRET });
    expect((await post(`${h.baseUrl}/slack/events`, request)).status).toBe(200);
    return JSON.stringify((await h.slack.waitFor('response', (c) => c.id === 'x')).body);
  }

  it('tells the person to try again when too many commands wait, and stores nothing', async () => {
    h = await startApp('sqlite', '2026-11-23T09:00:00Z');
    h.app.slack?.answerCommandsWith(async () => {
      throw new CommandsOverloaded();
    });
    const answer = await answerTo('frist ny "Slutrapport" 18 dec');
    expect(answer).toContain('Samverkan har för mycket att göra just nu, så ditt kommando utfördes inte. Försök igen om en stund.');
    expect(answer).toContain('"response_type":"ephemeral"');
    expect(await h.app.store.db.selectFrom('deadlines').select('id').execute()).toEqual([]);
  });

  it('says the answer was lost, and how to check, when a thread fails', async () => {
    h = await startApp('sqlite', '2026-11-23T09:00:00Z');
    h.app.slack?.answerCommandsWith(async () => {
      throw new Error('the answer thread exited');
    });
    expect(await answerTo('frister')).toContain('Ditt kommando kom fram till Samverkan, men svaret kom bort på vägen.');
  });

  it('answers on the main thread again when the threads are gone', async () => {
    h = await startApp('sqlite', '2026-11-23T09:00:00Z');
    h.app.slack?.answerCommandsWith(async () => {
      throw new Error('unused');
    });
    h.app.slack?.answerCommandsWith(undefined);
    expect(await answerTo('frister')).toContain('Inga öppna frister.');
  });
});
