/**
 * CPU per answered slash command: what an answer process spends on one `/samverkan deadlines`
 * (parse, store, render, the POST to response_url), and how much of it the response_url POST is.
 * Three variants run in the same process, interleaved in rounds, against one local HTTP server
 * that stands in for Slack's response_url:
 *
 *   answer (fetch)      the whole answer, POSTed with the global fetch (what Samverkan did before)
 *   answer              the whole answer as Samverkan sends it (adapters/slack/response-url.ts)
 *   handle only         the Bot's work alone: parse, store, card (no rendering, no POST)
 *
 * The ratio answer / answer (fetch) is the point; absolute CPU depends on the machine. The
 * receiving server runs in this process too, so each figure includes its share, alike for all.
 *
 *   npx tsx bench/answer-cost.ts   (BENCH_ANSWERS=3000 per variant and round, BENCH_ROUNDS=3)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { commandAnswerer, slackWebClient, type SlackCommandJob } from '../adapters/slack/commands.ts';
import { SlackReplies } from '../adapters/slack/replies.ts';
import { openStore } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { parseConfig } from '../src/config/load.ts';
import { systemClock } from '../src/core/clock.ts';
import { silentLogger } from '../src/core/logger.ts';
import { wireCore } from '../src/core-wiring.ts';
import { benchRequest, seedOpenDeadlines } from './seed.ts';
import { median, ratio, textTable } from './stats.ts';

export interface AnswerCostRow {
  readonly variant: string;
  /** Median over rounds of CPU ms (user + system, this process) per command. */
  readonly cpuMs: number;
  readonly vsFetch: number;
}

export interface AnswerCostResult {
  readonly rows: AnswerCostRow[];
  readonly answers: number;
  readonly rounds: number;
}

export async function runAnswerCost(options: { answers?: number; rounds?: number } = {}): Promise<AnswerCostResult> {
  const answers = options.answers ?? 3000;
  const rounds = options.rounds ?? 3;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-bench-answer-'));
  const store = openStore(`sqlite:${join(dir, 'answer.sqlite')}`);
  try {
    await migrateToLatest(store);
    const log = silentLogger();
    const { bot } = wireCore({
      config: parseConfig({ allow: { slackTeams: ['T0001'] } }, 'bench'),
      configSource: 'bench',
      store,
      clock: systemClock,
      log,
      membersOf: async () => [],
      publicBaseUrl: () => base,
    });
    const request = benchRequest('T0001');
    await seedOpenDeadlines(bot, request);
    const job: SlackCommandJob = { text: 'deadlines', request, userId: 'U0001', channelId: 'C0001', responseUrl: `${base}/response`, triggerId: 'bench' };
    const answer = commandAnswerer({ bot, log, replies: new SlackReplies(bot), client: slackWebClient({ botToken: 'xoxb-bench', apiUrl: `${base}/api/` }) });
    // The previous way: the answer rendered the same, POSTed with fetch (Bolt's respond() does so too).
    const replies = new SlackReplies(bot);
    const client = slackWebClient({ botToken: 'xoxb-bench', apiUrl: `${base}/api/` });
    const withFetch = async () => {
      const reply = await bot.handleText(job.text, job.request);
      await replies.deliver(reply, {
        client,
        userId: job.userId,
        respond: async (message) => {
          const res = await fetch(job.responseUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          await res.arrayBuffer();
        },
      });
    };
    const variants: { name: string; run: () => Promise<unknown> }[] = [
      { name: 'answer (fetch)', run: withFetch },
      { name: 'answer', run: () => answer(job) },
      { name: 'handle only', run: () => bot.handleText(job.text, job.request) },
    ];
    const samples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
    for (const v of variants) for (let i = 0; i < 300; i += 1) await v.run();
    for (let round = 0; round < rounds; round += 1) {
      for (const v of round % 2 === 0 ? variants : [...variants].reverse()) {
        const before = process.cpuUsage();
        for (let i = 0; i < answers; i += 1) await v.run();
        const used = process.cpuUsage(before);
        samples.get(v.name)?.push((used.user + used.system) / 1000 / answers);
      }
    }
    const fetchMs = median(samples.get('answer (fetch)') ?? []);
    const rows = variants.map((v) => {
      const cpuMs = median(samples.get(v.name) ?? []);
      return { variant: v.name, cpuMs, vsFetch: cpuMs / fetchMs };
    });
    return { rows, answers, rounds };
  } finally {
    await store.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
}

export function answerCostTable(result: AnswerCostResult): { header: string[]; rows: string[][] } {
  return {
    header: ['variant', 'CPU per command', 'vs answer (fetch)'],
    rows: result.rows.map((r) => [r.variant, `${r.cpuMs.toFixed(3)} ms`, ratio(r.vsFetch)]),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runAnswerCost({
    ...(process.env.BENCH_ANSWERS ? { answers: Number(process.env.BENCH_ANSWERS) } : {}),
    ...(process.env.BENCH_ROUNDS ? { rounds: Number(process.env.BENCH_ROUNDS) } : {}),
  });
  const table = answerCostTable(result);
  console.log(textTable(table.header, table.rows));
}
