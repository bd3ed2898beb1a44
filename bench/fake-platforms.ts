/**
 * Slack's Web API and Teams' Bot Connector, faked in a process of their own for the benches: the
 * bot answers every command there, and received in the load generator's process those answers
 * would slow the generator and count against the bot (the real platforms are on other machines).
 * The parent talks to it over IPC:
 *
 *   → { id, op: 'reports' }   ← { id, value: { slack, teams } }  annual reports delivered so far
 *   → { id, op: 'reset' }     ← { id }                             forgets what was recorded
 *   → 'stop'
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFakeBotConnector } from '../test/support/fake-bot-connector.ts';
import { startFakeSlack } from '../test/support/fake-slack.ts';

export interface ReportsDelivered {
  /** Slack: completed file uploads (files.completeUploadExternal). */
  readonly slack: number;
  /** Teams: messages that link the report's Word document. */
  readonly teams: number;
}

export interface FakePlatforms {
  readonly slackApiUrl: string;
  /** A response_url that lands in the fake Slack. */
  readonly responseUrl: string;
  /** Put on Teams activities as `serviceUrl`. */
  readonly serviceUrl: string;
  reports(): Promise<ReportsDelivered>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

type Operation = { op: 'reports' } | { op: 'reset' };
type Ready = { slackApiUrl: string; responseUrl: string; serviceUrl: string };

export async function startFakePlatforms(teamId: string): Promise<FakePlatforms> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [teamId], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ready));
    child.once('exit', (code) => reject(new Error(`fake platforms exited with ${String(code)}`)));
  });
  let next = 0;
  const waiting = new Map<number, (value: unknown) => void>();
  child.on('message', (m) => {
    const reply = m as { id: number; value?: unknown };
    waiting.get(reply.id)?.(reply.value);
    waiting.delete(reply.id);
  });
  const call = (request: Operation): Promise<unknown> =>
    new Promise((resolve) => {
      const id = (next += 1);
      waiting.set(id, resolve);
      child.send({ ...request, id });
    });
  return {
    ...ready,
    reports: async () => (await call({ op: 'reports' })) as ReportsDelivered,
    reset: async () => {
      await call({ op: 'reset' });
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send('stop');
      await exited;
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const slack = await startFakeSlack({ teamId: process.argv[2] ?? 'T0001' });
  const connector = await startFakeBotConnector();
  let teamsSeen = 0;
  let teamsReports = 0;
  process.on('message', (m) => {
    if (m === 'stop') {
      void Promise.all([slack.close(), connector.close()]).then(() => process.exit(0));
      return;
    }
    const request = m as Operation & { id: number };
    if (request.op === 'reset') {
      slack.reset();
      connector.reset();
      teamsSeen = 0;
      teamsReports = 0;
      process.send?.({ id: request.id });
      return;
    }
    // Counted as they arrive: each activity is looked at once, not the whole growing log on every
    // poll (20 polls a second over thousands of answers took this process half a core, which the
    // bot then lacked on a two-core machine).
    const sent = connector.sent();
    for (; teamsSeen < sent.length; teamsSeen += 1) {
      if (JSON.stringify(sent[teamsSeen]?.activity).includes('.docx')) teamsReports += 1;
    }
    process.send?.({ id: request.id, value: { slack: slack.calls('files.completeUploadExternal').length, teams: teamsReports } });
  });
  process.send?.({ slackApiUrl: slack.url, responseUrl: slack.responseUrl('bench'), serviceUrl: connector.serviceUrl });
}
