/**
 * The outbox claim with 1,000 and with 1,000,000 pending rows, on SQLite and PostgreSQL, through
 * the real store (`KyselyOutboxStore.claimDue`). The claim reads the partial index
 * `outbox_claimable` (next_attempt_at WHERE status = 'pending') and stops after a batch, so its
 * time should hardly depend on how many rows wait in the future: target 1M/1k < 2.
 *
 *   npx tsx bench/outbox-claim.ts        (BENCH_CLAIM_REPS, BENCH_DATABASE_URL, BENCH_SKIP_POSTGRES=1)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  CompiledQuery,
  sql,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { dropSchema, ensureSchema, openStore, type DialectName, type Store } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { KyselyOutboxStore } from '../db/repositories/outbox.ts';
import { countOutbox, fillOutbox } from './outbox-fill.ts';
import { median, ms, msCell, percentile, ratio, sleep, textTable } from './stats.ts';

export const claimSizes = [1_000, 1_000_000] as const;
const batch = 50;
/** Rows due now in every fill: more than one batch, so each claim finds a full batch. */
const dueRows = 200;
const warmup = 100;

export interface ClaimMeasurement {
  readonly dialect: DialectName;
  readonly rows: number;
  readonly reps: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  /** Median of the first and the second half of the repetitions: a drift check. */
  readonly halvesMs: readonly [number, number];
  readonly fillSeconds: number;
  /** The claim's inner select, then the whole UPDATE, as the database plans them. */
  readonly selectPlan: string[];
  readonly updatePlan: string[];
  readonly usesIndex: boolean;
}

export interface ClaimDialectResult {
  readonly dialect: DialectName;
  readonly small: ClaimMeasurement;
  readonly large: ClaimMeasurement;
  /** median(1M) / median(1k). */
  readonly ratio: number;
  readonly p95Ratio: number;
}

export interface ClaimResult {
  readonly batch: number;
  readonly dueRows: number;
  readonly dialects: ClaimDialectResult[];
  /** Why a dialect was not measured (PostgreSQL unreachable). */
  readonly skipped: string[];
}

export interface ClaimOptions {
  readonly reps?: number;
  readonly postgresUrl?: string;
  readonly skipPostgres?: boolean;
  readonly log?: (line: string) => void;
}

export async function runOutboxClaim(options: ClaimOptions = {}): Promise<ClaimResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const postgresUrl = options.postgresUrl ?? 'postgres://postgres@127.0.0.1:5432/test';
  const dialects: ClaimDialectResult[] = [];
  const skipped: string[] = [];

  const sqliteDir = mkdtempSync(join(tmpdir(), 'samverkan-bench-'));
  try {
    dialects.push(
      await measureDialect('sqlite', options.reps ?? 1000, log, async (rows) => {
        const store = openStore(`sqlite:${join(sqliteDir, `outbox-${rows}.sqlite`)}`);
        return { store, dispose: () => store.close() };
      }),
    );
  } finally {
    rmSync(sqliteDir, { recursive: true, force: true });
  }

  if (options.skipPostgres) {
    skipped.push('PostgreSQL: skipped (BENCH_SKIP_POSTGRES)');
  } else if (!(await reachable(postgresUrl))) {
    skipped.push(`PostgreSQL: not reachable at ${postgresUrl.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, '//$1@')}`);
  } else {
    dialects.push(
      await measureDialect('postgres', options.reps ?? 500, log, async (rows) => {
        const schema = `bench_outbox_${process.pid}_${rows}`;
        await ensureSchema(postgresUrl, schema);
        const store = openStore(postgresUrl, { schema, poolSize: 2 });
        return {
          store,
          dispose: async () => {
            await store.close();
            await dropSchema(postgresUrl, schema);
          },
        };
      }),
    );
  }
  for (const line of skipped) log(`  ${line}`);
  return { batch, dueRows, dialects, skipped };
}

type Open = (rows: number) => Promise<{ store: Store; dispose: () => Promise<void> }>;

async function measureDialect(dialect: DialectName, reps: number, log: (line: string) => void, open: Open): Promise<ClaimDialectResult> {
  const opened: { store: Store; dispose: () => Promise<void> }[] = [];
  try {
    const sizes: Prepared[] = [];
    for (const rows of claimSizes) {
      const handle = await open(rows);
      opened.push(handle);
      sizes.push(await prepare(handle.store, rows, log));
    }
    // Interleaved, in alternating order: background load and caches affect both sizes alike.
    for (let i = 0; i < warmup + reps; i += 1) {
      const order = i % 2 === 0 ? sizes : [...sizes].reverse();
      for (const size of order) {
        const elapsed = await claimOnce(size, i);
        if (i >= warmup) size.timings.push(elapsed);
      }
    }
    const [small, large] = sizes.map((s) => summarize(s, reps)) as [ClaimMeasurement, ClaimMeasurement];
    return { dialect, small, large, ratio: large.medianMs / small.medianMs, p95Ratio: large.p95Ms / small.p95Ms };
  } finally {
    for (const handle of opened) await handle.dispose();
  }
}

interface Prepared {
  readonly store: Store;
  readonly outbox: KyselyOutboxStore;
  readonly rows: number;
  readonly now: string;
  readonly leaseUntil: string;
  readonly fillSeconds: number;
  readonly plans: { select: string[]; update: string[] };
  readonly timings: number[];
}

/**
 * Kysely's Migrator lists the tables of every schema to see whether its own exist; on a database
 * shared with test runs that create and drop schemas, that listing can fail with "schema … does
 * not exist" (3F000) or a vanished relation (42P01). Only set-up is retried, never a measurement.
 */
async function migrate(store: Store): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await migrateToLatest(store);
      return;
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (attempt >= 5 || (code !== '3F000' && code !== '42P01')) throw err;
      await sleep(200 * attempt);
    }
  }
}

async function prepare(store: Store, rows: number, log: (line: string) => void): Promise<Prepared> {
  await migrate(store);
  const base = Math.floor(Date.now() / 1000);
  const now = new Date(base * 1000).toISOString();
  const leaseUntil = new Date((base + 300) * 1000).toISOString();

  const fillStart = performance.now();
  await fillOutbox(store, { rows, due: dueRows, base });
  const fillSeconds = (performance.now() - fillStart) / 1000;
  const counted = await countOutbox(store, now);
  if (counted.rows !== rows || counted.due !== dueRows) {
    throw new Error(`${store.dialect} fill: expected ${rows} rows / ${dueRows} due, got ${counted.rows} / ${counted.due}`);
  }
  log(`  ${store.dialect} ${rows.toLocaleString('en-US')} rows: filled in ${fillSeconds.toFixed(1)} s`);
  const plans = await explainClaim(store, now, leaseUntil);
  const outbox = new KyselyOutboxStore(store.db, store.dialect);
  return { store, outbox, rows, now, leaseUntil, fillSeconds, plans, timings: [] };
}

/** One timed claim of a batch; then, untimed, the batch is put back so every claim finds as many due rows. */
async function claimOnce(size: Prepared, i: number): Promise<number> {
  const start = performance.now();
  const claimed = await size.outbox.claimDue(size.now, size.leaseUntil, batch, 'bench');
  const elapsed = performance.now() - start;
  if (claimed.length !== batch) throw new Error(`claim ${i} returned ${claimed.length} rows, expected ${batch}`);
  await size.store.db
    .updateTable('outbox')
    .set({ next_attempt_at: sql`due_at`, attempts: 0, claimed_by: null })
    .where(
      'id',
      'in',
      claimed.map((r) => r.id),
    )
    .execute();
  return elapsed;
}

function summarize(size: Prepared, reps: number): ClaimMeasurement {
  const { timings } = size;
  const half = Math.floor(timings.length / 2);
  return {
    dialect: size.store.dialect,
    rows: size.rows,
    reps,
    medianMs: median(timings),
    p95Ms: percentile(timings, 95),
    halvesMs: [median(timings.slice(0, half)), median(timings.slice(half))],
    fillSeconds: size.fillSeconds,
    selectPlan: size.plans.select,
    updatePlan: size.plans.update,
    usesIndex: size.plans.select.some((line) => line.includes('outbox_claimable')),
  };
}

/** Records the root nodes of the queries it sees, so the bench can explain the store's own SQL. */
class QueryRecorder implements KyselyPlugin {
  readonly seen: { node: RootOperationNode; queryId: QueryId }[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.seen.push({ node: args.node, queryId: args.queryId });
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/**
 * Explains the claim exactly as `claimDue` builds it: the UPDATE is captured from one real call
 * inside a transaction that is rolled back, and its inner select is compiled on its own.
 */
async function explainClaim(store: Store, now: string, leaseUntil: string): Promise<{ select: string[]; update: string[] }> {
  const recorder = new QueryRecorder();
  const rollback = new Error('rollback');
  try {
    await store.db.transaction().execute(async (trx) => {
      await new KyselyOutboxStore(trx.withPlugin(recorder), store.dialect).claimDue(now, leaseUntil, batch, 'explain');
      throw rollback;
    });
  } catch (err) {
    if (err !== rollback) throw err;
  }
  const update = recorder.seen.find((q) => q.node.kind === 'UpdateQueryNode');
  if (!update) throw new Error('claimDue issued no UPDATE');
  const select = findNode(update.node, 'SelectQueryNode');
  if (!select) throw new Error("claimDue's UPDATE has no inner select");
  const executor = store.db.getExecutor();
  return {
    select: await explain(store, executor.compileQuery(select as RootOperationNode, update.queryId)),
    update: await explain(store, executor.compileQuery(update.node, update.queryId)),
  };
}

function findNode(node: unknown, kind: OperationNode['kind']): OperationNode | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  for (const value of Object.values(node)) {
    if (typeof value !== 'object' || value === null) continue;
    if ((value as OperationNode).kind === kind) return value as OperationNode;
    const inner = findNode(value, kind);
    if (inner) return inner;
  }
  return undefined;
}

async function explain(store: Store, query: CompiledQuery): Promise<string[]> {
  if (store.dialect === 'sqlite') {
    const result = await store.db.executeQuery<{ id: number; parent: number; detail: string }>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
    );
    // Indent each step under its parent, as the sqlite3 shell does.
    const depth = new Map<number, number>([[0, -1]]);
    return result.rows.map((r) => {
      const d = (depth.get(r.parent) ?? -1) + 1;
      depth.set(r.id, d);
      return `${'  '.repeat(d)}${r.detail}`;
    });
  }
  const result = await store.db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN ${query.sql}`, [...query.parameters]));
  return result.rows.map((r) => r['QUERY PLAN']);
}

async function reachable(url: string): Promise<boolean> {
  const store = openStore(url, { poolSize: 1 });
  try {
    await sql`SELECT 1`.execute(store.db);
    return true;
  } catch {
    return false;
  } finally {
    await store.close();
  }
}

export function claimTable(result: ClaimResult): { header: string[]; rows: string[][] } {
  const header = ['dialect', 'pending rows', 'median', 'p95', 'halves', 'reps', 'index used', '1M/1k (median)', '1M/1k (p95)', 'target < 2'];
  const rows: string[][] = [];
  for (const d of result.dialects) {
    for (const m of [d.small, d.large]) {
      const isLarge = m === d.large;
      rows.push([
        d.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL',
        m.rows.toLocaleString('en-US'),
        msCell(m.medianMs),
        msCell(m.p95Ms),
        `${ms(m.halvesMs[0])} / ${ms(m.halvesMs[1])}`,
        String(m.reps),
        m.usesIndex ? 'outbox_claimable' : 'NO',
        isLarge ? ratio(d.ratio) : '',
        isLarge ? ratio(d.p95Ratio) : '',
        isLarge ? (d.ratio < 2 ? 'met' : 'MISSED') : '',
      ]);
    }
  }
  return { header, rows };
}

export function claimPlans(result: ClaimResult): string[] {
  const out: string[] = [];
  for (const d of result.dialects) {
    for (const m of [d.small, d.large]) {
      out.push(`${d.dialect === 'sqlite' ? 'SQLite EXPLAIN QUERY PLAN' : 'PostgreSQL EXPLAIN'}, ${m.rows.toLocaleString('en-US')} rows, inner select:`);
      out.push(...m.selectPlan.map((l) => `  ${l}`));
      out.push('  whole claim (the UPDATE … RETURNING * that claimDue sends):');
      out.push(...m.updatePlan.map((l) => `    ${l}`));
    }
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runOutboxClaim({
    ...(process.env.BENCH_CLAIM_REPS ? { reps: Number(process.env.BENCH_CLAIM_REPS) } : {}),
    ...(process.env.BENCH_DATABASE_URL ? { postgresUrl: process.env.BENCH_DATABASE_URL } : {}),
    skipPostgres: process.env.BENCH_SKIP_POSTGRES === '1',
  });
  const table = claimTable(result);
  console.log(`\n${textTable(table.header, table.rows)}\n`);
  console.log(claimPlans(result).join('\n'));
}
