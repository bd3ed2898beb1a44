/**
 * `npm run bench`: runs every benchmark, prints the tables, and rewrites the results section of
 * docs/benchmarks.md (between the bench:results markers) with this run's numbers.
 *
 *   BENCH_ACK_RATE=200       quick commands per second in the acks-under-reports runs
 *   BENCH_ACK_SECONDS=20     measured seconds of each of those runs
 *   BENCH_CLAIM_REPS=…       claims measured per size (default 1000 SQLite, 500 PostgreSQL)
 *   BENCH_IMPORT_ROWS=2000   rows of the register import (bench/import-stall.ts)
 *   BENCH_REPORT_REPS=3      annual reports built per size and dialect (bench/annual-report.ts)
 *   BENCH_DATABASE_URL=…     PostgreSQL (default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_SKIP_POSTGRES=1    SQLite only
 *   BENCH_NO_WRITE=1         print only, leave docs/benchmarks.md alone
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acksTable, acksVerdict, runAcksUnderReports, type AcksUnderReports } from './acks-under-reports.ts';
import { annualReportBench } from './annual-report.ts';
import { approvalsBench } from './approvals.ts';
import { claimPlans, claimTable, runOutboxClaim, type ClaimResult } from './outbox-claim.ts';
import { outboxDeliveryBench } from './outbox-delivery.ts';
import { importStallBench } from './import-stall.ts';
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

  console.log('1. Acks under heavy work: quick commands while annual reports are built');
  const acks = await runAcksUnderReports();
  console.log(`\n${acksTable(acks)}\n\n${acksVerdict(acks).join('\n')}\n`);

  console.log('2. Outbox claim (batch of 50)');
  const claimReps = envNumber('BENCH_CLAIM_REPS');
  const claim = await runOutboxClaim({
    ...(claimReps ? { reps: claimReps } : {}),
    ...(process.env.BENCH_DATABASE_URL ? { postgresUrl: process.env.BENCH_DATABASE_URL } : {}),
    skipPostgres: process.env.BENCH_SKIP_POSTGRES === '1',
  });
  const claimT = claimTable(claim);
  console.log(`\n${textTable(claimT.header, claimT.rows)}\n`);
  console.log(claimPlans(claim).join('\n'));

  const annual = await annualReportBench();
  const approvals = await approvalsBench();
  const delivery = await outboxDeliveryBench();
  const importStall = await importStallBench();

  info.loadAfter = loadavg()[0] ?? 0;
  info.seconds = (Date.now() - started) / 1000;
  console.log(`\nDone in ${info.seconds.toFixed(0)} s; load average ${info.loadAfter.toFixed(2)}.`);
  if (process.env.BENCH_NO_WRITE === '1') return;
  writeResults(resultsMarkdown(info, acks, claim) + annual + approvals + delivery + importStall);
  console.log(`Results written to docs/benchmarks.md.`);
}

function resultsMarkdown(info: RunInfo, acks: AcksUnderReports, claim: ClaimResult): string {
  const claimT = claimTable(claim);
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
    `### Acks under heavy work (${acks.rate} quick commands a second for ${acks.seconds} s per run)`,
    '',
    acksTable(acks, true),
    '',
    ...acksVerdict(acks).map((l) => `- ${l}`),
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
