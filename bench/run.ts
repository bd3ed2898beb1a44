/**
 * `npm run bench`: runs every benchmark, prints the tables, and rewrites the results section of
 * docs/benchmarks.md (between the bench:results markers) with this run's numbers.
 *
 *   BENCH_RATES=100,200,400,800  steady ack-latency loads, commands per second
 *   BENCH_ROUNDS=6         alternating rounds per steady rate (5 s each, after 2 s warm-up)
 *   BENCH_START_WARMUP=15  seconds at 200/s each ack-latency server gets after start, not recorded
 *   BENCH_MAX_STEAL=5      steady pairs of rounds with more CPU stolen (%) are run again (100: keep all)
 *   BENCH_SECONDS=20       measured seconds of the closed-loop ack-latency runs (warm-up: 5 s more)
 *   BENCH_CONNECTIONS=50   connections of the ack-latency runs
 *   BENCH_CLOSED=0         skip the closed-loop (saturation) runs
 *   BENCH_SINGLE=1         add the one-connection reference runs
 *   BENCH_CLAIM_REPS=…     claims measured per size (default 1000 SQLite, 500 PostgreSQL)
 *   BENCH_REPORT_REPS=3    annual reports built per size and dialect (bench/annual-report.ts)
 *   BENCH_DATABASE_URL=…   PostgreSQL (default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_SKIP_POSTGRES=1  SQLite only
 *   BENCH_NO_WRITE=1       print only, leave docs/benchmarks.md alone
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ackSlowest, ackSummary, ackTable, runAckLatency, type AckResult } from './ack-latency.ts';
import { answerCostTable, runAnswerCost, type AnswerCostResult } from './answer-cost.ts';
import { annualReportBench } from './annual-report.ts';
import { approvalsBench } from './approvals.ts';
import { claimPlans, claimTable, runOutboxClaim, type ClaimResult } from './outbox-claim.ts';
import { outboxDeliveryBench } from './outbox-delivery.ts';
import { markdownTable, textTable } from './stats.ts';

const docsPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'benchmarks.md');
const startMarker = '<!-- bench:results:start -->';
const endMarker = '<!-- bench:results:end -->';

interface RunInfo {
  readonly date: string;
  readonly machine: string;
  readonly node: string;
  readonly command: string;
  readonly loadBefore: number;
  loadAfter: number;
  seconds: number;
}

function describeCommand(): string {
  const knobs = Object.entries(process.env)
    .filter(([key]) => key.startsWith('BENCH_'))
    .map(([key, value]) => `${key}=${value ?? ''}`)
    .sort();
  const base = process.env.npm_lifecycle_event === 'bench' ? 'npm run bench' : `tsx ${process.argv.slice(1).map((a) => a.replace(/^.*\/bench\//, 'bench/')).join(' ')}`;
  return [...knobs, base].join(' ');
}

const envNumber = (name: string): number | undefined => (process.env[name] ? Number(process.env[name]) : undefined);

async function main(): Promise<void> {
  const started = Date.now();
  const cpu = cpus();
  const info: RunInfo = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: `${cpu[0]?.model.trim() ?? 'unknown CPU'} (${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB)`,
    node: process.version,
    command: describeCommand(),
    loadBefore: loadavg()[0] ?? 0,
    loadAfter: 0,
    seconds: 0,
  };
  console.log(`Samverkan benchmarks, ${info.date}\n${info.machine}, Node ${info.node}, load average ${info.loadBefore.toFixed(2)}\n`);

  console.log('1. Outbox claim (batch of 50)');
  const claimReps = envNumber('BENCH_CLAIM_REPS');
  const claim = await runOutboxClaim({
    ...(claimReps ? { reps: claimReps } : {}),
    ...(process.env.BENCH_DATABASE_URL ? { postgresUrl: process.env.BENCH_DATABASE_URL } : {}),
    skipPostgres: process.env.BENCH_SKIP_POSTGRES === '1',
  });
  const claimT = claimTable(claim);
  console.log(`\n${textTable(claimT.header, claimT.rows)}\n`);
  console.log(claimPlans(claim).join('\n'));

  console.log('\n2. Slash-command ack latency');
  const seconds = envNumber('BENCH_SECONDS');
  const connections = envNumber('BENCH_CONNECTIONS');
  const rounds = envNumber('BENCH_ROUNDS');
  const startWarmupSeconds = envNumber('BENCH_START_WARMUP');
  const maxStolenPercent = envNumber('BENCH_MAX_STEAL');
  const ack = await runAckLatency({
    ...(maxStolenPercent !== undefined ? { maxStolenPercent } : {}),
    ...(startWarmupSeconds !== undefined ? { startWarmupSeconds } : {}),
    ...(seconds ? { seconds } : {}),
    ...(connections ? { connections } : {}),
    ...(rounds ? { rounds } : {}),
    ...(process.env.BENCH_RATES ? { rates: process.env.BENCH_RATES.split(',').filter(Boolean).map(Number) } : {}),
    closedLoop: process.env.BENCH_CLOSED !== '0',
    single: process.env.BENCH_SINGLE === '1',
  });
  const ackT = ackTable(ack);
  console.log(`\n${textTable(ackT.header, ackT.rows)}\n`);
  console.log([...ackSummary(ack), ...ackSlowest(ack)].join('\n'));

  console.log('\n2b. CPU per answered command');
  const answerCost = await runAnswerCost();
  const costT = answerCostTable(answerCost);
  console.log(`\n${textTable(costT.header, costT.rows)}`);

  const annual = await annualReportBench();
  const approvals = await approvalsBench();
  const delivery = await outboxDeliveryBench();

  info.loadAfter = loadavg()[0] ?? 0;
  info.seconds = (Date.now() - started) / 1000;
  console.log(`\nDone in ${info.seconds.toFixed(0)} s; load average ${info.loadAfter.toFixed(2)}.`);
  if (process.env.BENCH_NO_WRITE === '1') return;
  writeResults(resultsMarkdown(info, claim, ack, answerCost) + annual + approvals + delivery);
  console.log(`Results written to docs/benchmarks.md.`);
}

function resultsMarkdown(info: RunInfo, claim: ClaimResult, ack: AckResult, answerCost: AnswerCostResult): string {
  const claimT = claimTable(claim);
  const ackT = ackTable(ack);
  const innerPlans = claim.dialects.flatMap((d) =>
    [d.small, d.large].flatMap((m) => [
      `${d.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${m.rows.toLocaleString('en-US')} rows, inner select:`,
      ...m.selectPlan.map((l) => `  ${l}`),
    ]),
  );
  const updatePlans = claim.dialects.flatMap((d) => [
    `${d.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${d.large.rows.toLocaleString('en-US')} rows, whole claim:`,
    ...d.large.updatePlan.map((l) => `  ${l}`),
  ]);
  return [
    '## Results',
    '',
    '_Written by `bench/run.ts`; the next run replaces this section._',
    '',
    `- Date: ${info.date}`,
    `- Machine: ${info.machine}; load average ${info.loadBefore.toFixed(2)} at the start, ${info.loadAfter.toFixed(2)} at the end`,
    `- Node: ${info.node}`,
    `- Command: \`${info.command}\` (${info.seconds.toFixed(0)} s)`,
    '',
    `### Outbox claim (batch of ${claim.batch}, ${claim.dueRows} rows due)`,
    '',
    markdownTable(claimT.header, claimT.rows),
    '',
    ...(claim.skipped.length ? [...claim.skipped.map((s) => `- ${s}`), ''] : []),
    '`halves`: median of the first and of the second half of the repetitions (a drift check).',
    '',
    '```',
    ...innerPlans,
    '',
    ...updatePlans,
    '```',
    '',
    `### Ack latency of \`${ack.command}\``,
    '',
    markdownTable(ackT.header, ackT.rows),
    '',
    ...ackSummary(ack).map((l) => `- ${l}`),
    '',
    `Latencies are of 2xx acks only; every other status is counted in \`non-2xx\` and makes the run invalid. Steady loads count from the moment each command was due. \`respond() seen\` counts the answers that reached the fake Slack (warm-ups included); \`answers late by\` is how long answers kept arriving after the load stopped (the longest over a rate's rounds). \`CPU stolen\` is the share of the machine's CPU time the hypervisor gave to other guests while the rounds were measured (/proc/stat); a steady pair of rounds with more than ${ack.steady[0]?.maxStolenPercent ?? 5}% stolen in either round was set aside and run again (at most as many times as there are rounds), and the summary says how many. Samverkan's answer in the preflight request began: "${ack.sampleAnswer.slice(0, 100).replace(/\s+/g, ' ')}${ack.sampleAnswer.length > 100 ? '…' : ''}"`,
    '',
    `### CPU per answered \`${ack.command}\` (median of ${answerCost.rounds} rounds of ${answerCost.answers.toLocaleString('en-US')})`,
    '',
    markdownTable(answerCostTable(answerCost).header, answerCostTable(answerCost).rows),
    '',
    '',
  ].join('\n');
}

function writeResults(section: string): void {
  const block = `${startMarker}\n${section}${endMarker}\n`;
  const current = existsSync(docsPath) ? readFileSync(docsPath, 'utf8') : '# Benchmarks\n\n';
  const start = current.indexOf(startMarker);
  const end = current.indexOf(endMarker);
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start)}${block}${current.slice(end + endMarker.length).replace(/^\n/, '')}`
      : `${current.trimEnd()}\n\n${block}`;
  writeFileSync(docsPath, next);
}

await main();
