/**
 * A server under load for bench/ack-latency.ts, run in its own process so the load generator
 * does not share its event loop:
 *
 *   samverkan  the whole app (`createApp`): SQLite store, scheduler, Teams and Slack adapters
 *   bare       a Bolt 5 App on an HTTPReceiver whose `/samverkan` handler only acks
 *
 * Both serve `/slack/events` from a plain Node HTTP server on 127.0.0.1. Configuration comes in
 * environment variables (BENCH_SIGNING_SECRET, BENCH_SLACK_API_URL, BENCH_TEAM_ID, BENCH_DB);
 * the port goes back over IPC, and a 'stop' message shuts the server down. Diagnostics:
 * BENCH_DIAG=1 prints each server's GC pauses and event-loop delay when it stops;
 * BENCH_LOOP_MONITOR=1 prints event-loop stalls over 100 ms as they happen.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { benchRequest, seedOpenDeadlines } from './seed.ts';

export type AckTargetKind = 'samverkan' | 'bare';

export interface TargetReady {
  readonly port: number;
  /** Open deadlines put in before the load, so `deadlines` answers with a real list (Samverkan). */
  readonly seeded: number;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`ack-target: ${name} is not set`);
  return value;
}

async function startSamverkan(): Promise<{ ready: TargetReady; stop: () => Promise<void> }> {
  // Imported here, so the bare server's process loads none of Samverkan.
  const { createApp } = await import('../src/app.ts');
  const { readEnv } = await import('../src/config/env.ts');
  const { parseConfig } = await import('../src/config/load.ts');
  const { silentLogger } = await import('../src/core/logger.ts');
  const teamId = required('BENCH_TEAM_ID');
  const env = readEnv({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: required('BENCH_SIGNING_SECRET'),
    SLACK_API_URL: required('BENCH_SLACK_API_URL'),
    DATABASE_URL: `sqlite:${required('BENCH_DB')}`,
  });
  const config = parseConfig({ allow: { slackTeams: [teamId] } }, 'bench');
  const app = await createApp({
    config,
    configSource: 'bench',
    env,
    slackIdentity: { botUserId: 'UBOT', botId: 'BBOT' },
    log: silentLogger(),
  });
  const seeded = await seedOpenDeadlines(app.bot, benchRequest(teamId));
  const port = await app.start(0, '127.0.0.1');
  watchServer(app.server);
  return { ready: { port, seeded }, stop: () => app.stop() };
}

async function startBare(): Promise<{ ready: TargetReady; stop: () => Promise<void> }> {
  const signingSecret = required('BENCH_SIGNING_SECRET');
  const receiver = new HTTPReceiver({ signingSecret, endpoints: ['/slack/events'], logLevel: LogLevel.ERROR });
  // The same App options as adapters/slack, so the difference measured is Samverkan's own work.
  const app = new App({
    token: 'xoxb-bench',
    receiver,
    botId: 'BBOT',
    botUserId: 'UBOT',
    deferInitialization: true,
    tokenVerificationEnabled: false,
    convoStore: false,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: required('BENCH_SLACK_API_URL'), retryConfig: { retries: 0 } },
  });
  app.command('/samverkan', async ({ ack }) => {
    await ack();
  });
  await app.init();
  const server = createServer((req, res) => receiver.requestListener(req, res));
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  watchServer(server);
  return {
    ready: { port, seeded: 0 },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// Diagnostics: BENCH_LOOP_MONITOR=1 prints every quarter second in which the event loop stalled.
if (process.env.BENCH_LOOP_MONITOR === '1') {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  setInterval(() => {
    if (delay.max > 100e6) console.error(`[${process.argv[2]}] ${new Date().toISOString()} event loop stalled up to ${(delay.max / 1e6).toFixed(0)} ms`);
    delay.reset();
  }, 250).unref();
}

/** With BENCH_LOOP_MONITOR=1: acks that took over 500 ms from the server's point of view. */
function watchServer(server: Server): void {
  if (process.env.BENCH_LOOP_MONITOR !== '1') return;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const start = performance.now();
    res.on('finish', () => {
      const took = performance.now() - start;
      if (took > 500) console.error(`[${process.argv[2]}] ${new Date().toISOString()} ${req.method} ${req.url} acked after ${took.toFixed(0)} ms`);
    });
  });
}

// Diagnostics: BENCH_DIAG=1 prints, at stop, the main thread's GC pauses and event-loop delay.
if (process.env.BENCH_DIAG === '1') {
  const { PerformanceObserver } = await import('node:perf_hooks');
  const pauses: number[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push(entry.duration);
  }).observe({ entryTypes: ['gc'] });
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  process.on('message', (message) => {
    if (message !== 'stop') return;
    const sorted = [...pauses].sort((a, b) => a - b);
    const over = (limit: number) => sorted.filter((p) => p > limit).length;
    console.error(
      `[${process.argv[2]}] gc: ${pauses.length} pauses, total ${sorted.reduce((a, b) => a + b, 0).toFixed(0)} ms, >2 ms ${over(2)}, >5 ms ${over(5)}, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms; ` +
        `loop delay p50 ${(delay.percentile(50) / 1e6).toFixed(2)} p99 ${(delay.percentile(99) / 1e6).toFixed(2)} max ${(delay.max / 1e6).toFixed(1)} ms`,
    );
  });
}

const kind = process.argv[2] as AckTargetKind;
if (kind !== 'samverkan' && kind !== 'bare') throw new Error(`ack-target: unknown target ${String(kind)}`);
if (!process.send) throw new Error('ack-target: start it with child_process.fork');
const target = kind === 'samverkan' ? await startSamverkan() : await startBare();
process.on('message', (message) => {
  if (message !== 'stop') return;
  target.stop().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
});
process.send(target.ready);
