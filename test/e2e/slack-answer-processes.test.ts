import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SlashCommand } from '@slack/bolt';
import { commandJob, CommandsOverloaded } from '../../adapters/slack/commands.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { startAnswerProcesses } from '../../src/answer-processes/processes.ts';
import { SCHED_IDLE, threadPolicies } from '../../src/answer-processes/priority.ts';
import { createApp, type SamverkanApp } from '../../src/app.ts';
import { readEnv } from '../../src/config/env.ts';
import { parseConfig } from '../../src/config/load.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { e2eConfig, SIGNING_SECRET, SLACK_TEAM, startApp, type AppHarness } from '../support/app-harness.ts';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { post, slashCommand } from '../support/slack-requests.ts';

const idleClassAvailable = process.platform === 'linux' && spawnSync('chrt', ['--version']).status === 0;

/** The answer processes: this process's children that run Samverkan's answerer, as `ps` finds them. */
function answerProcesses(): number[] {
  const children = readdirSync('/proc/self/task').flatMap((tid) => readFileSync(`/proc/self/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  return children.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('answer-processes/boot.mjs');
    } catch {
      return false; // gone meanwhile
    }
  });
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Slash commands acked by the main process and answered in an answer process, as `npm start` runs
 * them: the process has its own connection to the same store and its own Bot from the same
 * configuration, so what one command writes the next one reads, whichever process answers.
 */
describe.each(dialects)('Slack: commands answered in an answer process (%s)', (dialect) => {
  let app: SamverkanApp | undefined;
  let slack: FakeSlack;
  let database: TestDatabase;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
    await slack?.close();
    await database?.destroy();
  });

  async function start(processes: number) {
    database = await createTestDatabase(dialect);
    slack = await startFakeSlack();
    app = await createApp({
      config: parseConfig(e2eConfig, 'test'),
      configSource: 'test',
      env: readEnv({ SLACK_BOT_TOKEN: 'xoxb-e2e', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url }),
      log: silentLogger(),
      store: database.open(),
      slackIdentity: { botUserId: 'UBOT', botId: 'BBOT' },
      answerProcesses: processes,
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

  it('adds and lists a deadline, and refuses a bad date in Swedish, from the answer process', async () => {
    const url = await start(1);
    const [pid] = answerProcesses();
    expect(answerProcesses()).toHaveLength(1);
    // On Linux with chrt (as here and in CI) the process starts in the idle CPU class, every thread
    // of it (V8's collector and compiler helpers too), so it never holds up an ack; the kernel
    // agrees. Elsewhere it is only niced and the line says why.
    if (idleClassAvailable) {
      expect(app?.summary).toContain('Slack commands: acked by the main process, answered in 1 answer process (SLACK_ANSWER_PROCESSES) in the idle CPU class');
      const policies = threadPolicies(pid!);
      expect(policies.length).toBeGreaterThan(4);
      expect(policies.every((policy) => policy === SCHED_IDLE)).toBe(true);
      // The acking process itself stays in the normal class.
      expect(threadPolicies('self').some((policy) => policy === SCHED_IDLE)).toBe(false);
    } else {
      expect(app?.summary).toContain('Slack commands: acked by the main process, answered in 1 answer process (SLACK_ANSWER_PROCESSES) at nice 10 (the idle CPU class needs Linux and chrt)');
    }
    const year = new Date().getUTCFullYear() + 1;
    expect(await command(url, `frist ny "Slutrapport Nordplus" ${year}-03-18`)).toContain(`Frist D1 registrerad: Slutrapport Nordplus, sista dag 18 mars ${year}.`);
    expect(await command(url, 'frister')).toContain('D1 · 18 mars');
    // The process read the configuration: the committees it names are the ones it knows.
    expect(await command(url, 'samarbete ny "Vänort Kuopio" typ=vänort nämnd=xyz')).toContain('Det finns ingen nämnd ”xyz”. Nämnder: ks, kfn.');
    expect(await command(url, 'frist ny "Ansökan" 31 februari')).toContain('31 februari');
    // What the process wrote is in the store the main process (and its scheduler) reads.
    const rows = await app!.store.db.selectFrom('deadlines').select(['title']).execute();
    expect(rows.map((r) => r.title)).toEqual(['Slutrapport Nordplus']);
    // Stopping the app lets the answer process go.
    await app!.stop();
    app = undefined;
    expect(answerProcesses()).toEqual([]);
  });

  it('opens the form for a bare `engagement add` from the answer process', async () => {
    const url = await start(1);
    const request = slashCommand({ text: 'engagement add', responseUrl: slack.responseUrl('form'), teamId: SLACK_TEAM, channelId: 'C0KFN', userId: 'U0ANNA', triggerId: 'trigger-1' }, { signingSecret: SIGNING_SECRET });
    expect((await post(url, request)).status).toBe(200);
    const opened = await slack.waitFor('views.open', () => true, 10_000);
    expect((opened.body as { trigger_id: string }).trigger_id).toBe('trigger-1');
  });

  it('says the answer was lost when the answer process dies holding it, and answers again once it is restarted', async () => {
    const url = await start(1);
    const [first] = answerProcesses();
    // Stopped, the process takes the command and cannot answer; killed, it never will.
    process.kill(first!, 'SIGSTOP');
    const year = new Date().getUTCFullYear() + 1;
    const lost = command(url, `frist ny "Rapport" ${year}-05-04`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.kill(first!, 'SIGKILL');
    expect(await lost).toContain('Ditt kommando kom fram till Samverkan, men svaret kom bort på vägen.');
    // A new process takes its place, in the same class, and answers.
    const second = await until('a new answer process', () => answerProcesses().find((pid) => pid !== first));
    if (idleClassAvailable) expect(threadPolicies(second).every((policy) => policy === SCHED_IDLE)).toBe(true);
    expect(await command(url, `frist ny "Slutrapport" ${year}-06-01`)).toContain('Frist D');
    expect(await command(url, 'frister')).toContain('Slutrapport');
  });
});

/** What the person sees when the answer processes cannot answer (stubbed by a failing answerer). */
describe('Slack: a command the answer processes cannot take', () => {
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

  it('says the answer was lost, and how to check, when an answer process fails', async () => {
    h = await startApp('sqlite', '2026-11-23T09:00:00Z');
    h.app.slack?.answerCommandsWith(async () => {
      throw new Error('the answer process exited');
    });
    expect(await answerTo('frister')).toContain('Ditt kommando kom fram till Samverkan, men svaret kom bort på vägen.');
  });

  it('answers in the main process again when the answer processes are gone', async () => {
    h = await startApp('sqlite', '2026-11-23T09:00:00Z');
    h.app.slack?.answerCommandsWith(async () => {
      throw new Error('unused');
    });
    h.app.slack?.answerCommandsWith(undefined);
    expect(await answerTo('frister')).toContain('Inga öppna frister.');
  });
});

/** The answer processes' own bound on waiting commands, with a process that cannot answer. */
describe('Slack answer processes: a full queue', () => {
  it('refuses the command beyond maxWaiting with CommandsOverloaded, and answers the waiting ones once the process runs again', async () => {
    const database = await createTestDatabase('sqlite');
    const slack = await startFakeSlack();
    const store = database.open();
    await migrateToLatest(store);
    const processes = await startAnswerProcesses({
      processes: 1,
      maxWaiting: 2,
      log: silentLogger(),
      data: { config: parseConfig(e2eConfig, 'test'), configSource: 'test', store: store.location!, slack: { botToken: 'xoxb-e2e', apiUrl: `${slack.url}` }, publicBaseUrl: 'http://localhost', logLevel: 'silent' },
    });
    const [pid] = answerProcesses();
    try {
      process.kill(pid!, 'SIGSTOP');
      const job = (id: string) =>
        commandJob({ command: '/samverkan', text: 'frister', team_id: SLACK_TEAM, user_id: 'U0ANNA', user_name: 'anna', channel_id: 'C0KFN', channel_name: 'kfn', response_url: slack.responseUrl(id), trigger_id: 't' } as SlashCommand);
      const waiting = [processes.answer(job('a')), processes.answer(job('b'))];
      await expect(processes.answer(job('c'))).rejects.toBeInstanceOf(CommandsOverloaded);
      process.kill(pid!, 'SIGCONT');
      await Promise.all(waiting);
      expect(JSON.stringify((await slack.waitFor('response', (c) => c.id === 'b', 10_000)).body)).toContain('Inga öppna frister.');
    } finally {
      process.kill(pid!, 'SIGCONT');
      await processes.close();
      await store.close();
      await slack.close();
      await database.destroy();
    }
  });
});

describe('Slack answer processes: a process that cannot start', () => {
  it('fails the start with the reason, and leaves no process behind', async () => {
    const store = { url: 'sqlite:/dev/null/samverkan.sqlite', options: {} };
    const errors: string[] = [];
    await expect(
      startAnswerProcesses({
        processes: 1,
        restartDelayMs: 50,
        log: { ...silentLogger(), error: (...args: unknown[]) => void errors.push(JSON.stringify(args)) } as ReturnType<typeof silentLogger>,
        data: { config: parseConfig(e2eConfig, 'test'), configSource: 'test', store, slack: { botToken: 'xoxb-e2e' }, publicBaseUrl: 'http://localhost', logLevel: 'silent' },
      }),
    ).rejects.toThrow('the Slack answer process exited (code 1) while starting');
    // Past the restart delay, nothing was started again.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(answerProcesses()).toEqual([]);
  });
});
