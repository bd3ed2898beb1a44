/**
 * The whole app as `npm start` wires it (createApp, Bolt's HTTP receiver, the outbox store),
 * listening on a free port against an in-process fake Slack, on a temporary SQLite file or a
 * PostgreSQL schema of its own: what the Slack benchmarks send signed requests to.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type SamverkanApp } from '../src/app.ts';
import { readEnv } from '../src/config/env.ts';
import { parseConfig } from '../src/config/load.ts';
import { silentLogger } from '../src/core/logger.ts';
import { listen } from '../src/http/server.ts';
import { dropSchema, ensureSchema, openStore, type Store } from '../db/connect.ts';
import { startFakeSlack, type FakeSlack } from '../test/support/fake-slack.ts';

export const signingSecret = 'bench-signing-secret-0123456789';
export const teamId = 'T0BENCH';

export interface BenchApp {
  readonly app: SamverkanApp;
  readonly slack: FakeSlack;
  /** Where Slack's events, commands and interactions are posted. */
  readonly url: string;
  readonly database: 'SQLite' | 'PostgreSQL';
  close(): Promise<void>;
}

/** `name` names the temporary folder and schema; `config` is a configuration file's content. */
export async function startBenchApp(name: string, config: object, postgresUrl: string | undefined): Promise<BenchApp> {
  const slack = await startFakeSlack({ teamId });
  const dir = mkdtempSync(join(tmpdir(), `samverkan-bench-${name}-`));
  const schema = `bench_${name}_${process.pid}`;
  let store: Store;
  if (postgresUrl) {
    await ensureSchema(postgresUrl, schema);
    store = openStore(postgresUrl, { schema, poolSize: 10 });
  } else {
    store = openStore(`sqlite:${join(dir, 'bench.sqlite')}`);
  }
  const app = await createApp({
    config: parseConfig({ ...config, allow: { slackTeams: [teamId] } }, 'bench'),
    configSource: 'bench',
    env: readEnv({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: slack.url }),
    log: silentLogger(),
    store,
    slackIdentity: { botUserId: 'UBOT', botId: 'BBOT' },
  });
  await app.slack?.start();
  const port = await listen(app.server, 0, '127.0.0.1');
  return {
    app,
    slack,
    url: `http://127.0.0.1:${port}/slack/events`,
    database: postgresUrl ? 'PostgreSQL' : 'SQLite',
    close: async () => {
      await app.stop();
      await slack.close();
      if (postgresUrl) await dropSchema(postgresUrl, schema);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
