/**
 * The whole app (`createApp`, as `npm start` wires it: SQLite store, scheduler, Slack over HTTP,
 * Teams in local mode, the render pool) in a process of its own for bench/acks-under-reports.ts,
 * so the load generator does not share its event loop. Before it listens, the store gets a
 * large municipality's year (bench/annual-report.ts) and eight open deadlines.
 *
 * Configuration comes in environment variables (BENCH_SIGNING_SECRET, BENCH_SLACK_API_URL,
 * BENCH_TEAM_ID, BENCH_TENANT_ID, BENCH_DB). Over IPC it sends { port } when ready, and answers
 * 'loop-start' (resets its event-loop delay histogram) and 'loop-stop' (→ { loop: percentiles in ms, and
 * on Linux the main thread's shares of the window on a CPU and waiting for one); 'busy-start' and
 * 'busy-stop' (→ { busy }) start and end a thread that only spins, the runs' control;
 * 'stop' shuts it down.
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { openStore } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createApp } from '../src/app.ts';
import { readEnv } from '../src/config/env.ts';
import { parseConfig } from '../src/config/load.ts';
import { silentLogger } from '../src/core/logger.ts';
import { seed } from './annual-report.ts';
import { benchRequest, seedOpenDeadlines } from './seed.ts';

export interface LoopDelay {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /**
   * Linux only: the share of the window the main thread ran on a CPU, and the share it was ready
   * to run but waited for one (/proc/self/task/<tid>/schedstat). A busy thread that waits a lot
   * is short of CPU, not blocked.
   */
  readonly mainCpu?: number;
  readonly mainWait?: number;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`app-process: ${name} is not set`);
  return value;
}

const teamId = required('BENCH_TEAM_ID');
const database = required('BENCH_DB');
const engagements = Number(process.env.BENCH_ENGAGEMENTS ?? 2_000);
const seeding = openStore(`sqlite:${database}`);
await migrateToLatest(seeding);
await seed(seeding.db, engagements, engagements * 10);
await seeding.close();

const app = await createApp({
  config: parseConfig({ allow: { slackTeams: [teamId], teamsTenants: [required('BENCH_TENANT_ID')] } }, 'bench'),
  configSource: 'bench',
  env: readEnv({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: required('BENCH_SIGNING_SECRET'),
    SLACK_API_URL: required('BENCH_SLACK_API_URL'),
    DATABASE_URL: `sqlite:${database}`,
  }),
  slackIdentity: { botUserId: 'UBOT', botId: 'BBOT' },
  log: silentLogger(),
});
await seedOpenDeadlines(app.bot, benchRequest(teamId));
const port = await app.start(0, '127.0.0.1');

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const inMs = (ns: number) => ns / 1e6;
/** The main thread's time on a CPU and waiting for one so far, in ns, with the clock (Linux). */
function mainThreadTimes(): { run: number; wait: number; at: bigint } | undefined {
  try {
    const [run, wait] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return run === undefined || wait === undefined ? undefined : { run, wait, at: process.hrtime.bigint() };
  } catch {
    return undefined;
  }
}
function mainThreadShare(since: ReturnType<typeof mainThreadTimes>): Pick<LoopDelay, 'mainCpu' | 'mainWait'> {
  const now = mainThreadTimes();
  if (!since || !now) return {};
  const wall = Number(now.at - since.at);
  return { mainCpu: (now.run - since.run) / wall, mainWait: (now.wait - since.wait) / wall };
}
/**
 * The control for the runs with reports: a thread that does nothing but keep a CPU busy, at the
 * priority the render thread takes (src/render/worker.ts), with no heap to collect, nothing read
 * and nothing delivered. What it costs the answers is what sharing two cores costs, not the report.
 */
const BUSY_THREAD = `
  if (process.platform === 'linux') { try { require('node:os').setPriority(0, 19); } catch {} }
  for (;;) {}
`;
let busy: Worker | undefined;

let windowStart = mainThreadTimes();
process.on('message', (message) => {
  if (message === 'busy-start') {
    busy ??= new Worker(BUSY_THREAD, { eval: true });
    process.send?.({ busy: true });
  } else if (message === 'busy-stop') {
    const ended = busy?.terminate() ?? Promise.resolve();
    busy = undefined;
    void ended.then(() => process.send?.({ busy: false }));
  } else if (message === 'loop-start') {
    delay.reset();
    windowStart = mainThreadTimes();
  } else if (message === 'loop-stop') {
    const loop: LoopDelay = { p50: inMs(delay.percentile(50)), p99: inMs(delay.percentile(99)), max: inMs(delay.max), ...mainThreadShare(windowStart) };
    process.send?.({ loop });
  } else if (message === 'stop') {
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  }
});
process.send?.({ port });
