/**
 * The annual report (R6) for a large municipality: 2,000 engagements and 20,000 events in the
 * year (deadlines, visits and their reports, applications, decisions), on SQLite and PostgreSQL,
 * against a baseline of 200 engagements and 2,000 events in the same run. What is measured is
 * what `annual <year>` does: read the year through the repository, build the report, render the
 * Word document (with the chart) and the Markdown.
 *
 * The documents are rendered as the app renders them, in its worker pool (src/render). Each
 * measurement runs in a child process of its own, so its peak memory (maxRSS, the worker thread
 * included) is the report's and nothing else's; an idle child that only opens the store and the
 * pool gives the floor. Targets: at most 150 MB over idle, at most 2.5× the time of the small report.
 * Both starts are measured: the production one (the compiled build, made first) and `npm start`.
 *
 *   npx tsx bench/annual-report.ts   (BENCH_REPORT_REPS, BENCH_DATABASE_URL, BENCH_SKIP_POSTGRES=1,
 *                                     BENCH_REPORT_SOURCES=0 for the production start only)
 */
import { reportPeriod } from '../workflows/reporting/rules.ts';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import { dropSchema, ensureSchema, openStore, type DialectName, type Store } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { engagementTypes } from '../src/core/command.ts';
import { silentLogger } from '../src/core/logger.ts';
import type { RenderPool } from '../src/render/pool.ts';
import { count, markdownTable, median, ms, ratio, textTable } from './stats.ts';

export const reportSizes = [
  { engagements: 200, events: 2_000 },
  { engagements: 2_000, events: 20_000 },
] as const;
const YEAR = 2026;
const COMMITTEES = 20;
const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface ReportMeasurement {
  readonly dialect: DialectName;
  readonly mode: StartMode;
  readonly engagements: number;
  readonly events: number;
  readonly medianMs: number;
  readonly peakRssMb: number;
  readonly idleRssMb: number;
  readonly docxKb: number;
}

interface ChildResult {
  readonly times: number[];
  readonly maxRssMb: number;
  readonly docxBytes: number;
}

/** Fills one store with a year of a municipality of the given size. */
export async function seed(db: Kysely<Database>, engagements: number, events: number): Promise<void> {
  const at = `${YEAR}-01-02T09:00:00.000Z`;
  const person = JSON.stringify({ platform: 'slack', tenantId: 'T0', userId: 'U0', name: 'Anna Andersson' });
  const day = (i: number) => {
    const d = new Date(Date.UTC(YEAR, 0, 1 + (i % 360)));
    return d.toISOString().slice(0, 10);
  };
  const chunks = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
  };
  await chunks(
    Array.from({ length: engagements }, (_, i) => ({
      title: `Samarbete ${i + 1} med en partnerkommun`,
      type: engagementTypes[i % engagementTypes.length] ?? 'other',
      committee_id: `n${i % COMMITTEES}`,
      partner: `Partnerort ${i + 1}`,
      country: ['LV', 'FR', 'ZA', 'FI', 'DE'][i % 5] ?? null,
      funder: i % 3 === 0 ? 'ICLD (Sida)' : i % 3 === 1 ? 'Nordplus' : null,
      start_date: i % 4 === 0 ? `${YEAR - 2}-03-01` : day(i),
      end_date: i % 5 === 0 ? day(i + 90) : null,
      contact_key: null,
      contact_json: null,
      status: 'running',
      created_by_key: 'k',
      created_at: at,
      updated_at: at,
    })),
    (rows) => db.insertInto('engagements').values(rows).execute(),
  );
  // Of the events: half deadlines, a fifth visits (half of them reported), 15 % applications, 15 % decisions.
  const deadlines = Math.round(events * 0.5);
  const visits = Math.round(events * 0.1);
  const reports = Math.round(events * 0.1);
  const applications = Math.round(events * 0.15);
  const decisions = events - deadlines - visits - reports - applications;
  await chunks(
    Array.from({ length: deadlines }, (_, i) => ({
      title: `Frist ${i + 1}`,
      due_date: day(i),
      due_time: null,
      due_at: `${day(i)}T21:59:59.000Z`,
      engagement_id: (i % engagements) + 1,
      committee_id: `n${i % engagements % COMMITTEES}`,
      owner_key: 'k',
      owner_json: person,
      channels_json: '[]',
      remind_days: '30,14,7,1',
      status: i % 2 ? 'done' : 'open',
      done_at: null,
      done_by_json: null,
      created_by_key: 'k',
      created_at: at,
    })),
    (rows) => db.insertInto('deadlines').values(rows).execute(),
  );
  await chunks(
    Array.from({ length: visits }, (_, i) => ({
      engagement_id: (i % engagements) + 1,
      direction: i % 3 ? 'out' : 'in',
      from_date: day(i * 7),
      to_date: day(i * 7 + 3),
      place: `Ort ${i}`,
      lead_key: 'k',
      lead_json: person,
      participants: 1 + (i % 12),
      status: 'done',
      created_by_key: 'k',
      created_at: at,
      cancelled_at: null,
    })),
    (rows) => db.insertInto('visits').values(rows).execute(),
  );
  await chunks(
    Array.from({ length: reports }, (_, i) => ({
      visit_id: (i % visits) + 1,
      version: Math.floor(i / visits) + 1,
      purpose: 'Erfarenhetsutbyte',
      activities: 'Studiebesök och workshop',
      participants: 'Tjänstepersoner',
      results: 'Ny plan',
      costs: '12 000 kr',
      follow_ups: 'Återbesök',
      filed_by_key: 'k',
      filed_by_json: person,
      filed_at: `${day(i * 7 + 10)}T09:00:00.000Z`,
    })),
    (rows) => db.insertInto('visit_reports').values(rows).execute(),
  );
  await chunks(
    Array.from({ length: applications }, (_, i) => ({
      engagement_id: (i % engagements) + 1,
      call_text: `Utlysning ${i % 7}`,
      call_id: null,
      closes_on: null,
      amount: 50_000 + i,
      prestudy: 0,
      matter: 'application',
      body: 'ks',
      consult_body: null,
      rule_text: null,
      status: 'submitted',
      requested_by_key: 'k',
      requested_by_json: person,
      created_at: `${day(i)}T09:00:00.000Z`,
      updated_at: at,
      submitted_at: `${day(i + 5)}T09:00:00.000Z`,
      closed_at: null,
    })),
    (rows) => db.insertInto('applications').values(rows).execute(),
  );
  await chunks(
    Array.from({ length: decisions }, (_, i) => ({
      application_id: (i % applications) + 1,
      round: Math.floor(i / applications) + 1,
      body: 'ks',
      outcome: 'approved',
      reference: `KS § ${i + 1}, ${YEAR}.${i}`,
      comment: '',
      decided_by_key: 'k',
      decided_by_json: person,
      decided_at: `${day(i + 2)}T14:00:00.000Z`,
    })),
    (rows) => db.insertInto('decisions').values(rows).execute(),
  );
}

const committees = Array.from({ length: COMMITTEES }, (_, i) => ({ id: `n${i}`, name: `Nämnd ${i + 1}` }));

/** What `annual <year>` does after parsing: the app's worker pool reads the year, builds and renders the report. */
async function buildOnce(store: Store, renderer: RenderPool): Promise<number> {
  if (!store.location) throw new Error('the benchmark needs a database a render thread can open');
  const query = {
    municipality: 'Bänkkommun',
    year: YEAR,
    compiledOn: `${YEAR + 1}-01-20`,
    committees,
    period: reportPeriod(`${YEAR}-01-01`, `${YEAR}-12-31`, 'Europe/Stockholm'),
    locale: 'sv' as const,
    zone: 'Europe/Stockholm',
  };
  const { files } = await renderer.run('annual-report', { query, store: store.location });
  return files[0]?.data.byteLength ?? 0;
}

/**
 * How the app is started: `compiled` as in production (`npm run build`, `node dist/src/main.js`:
 * the render thread loads plain JavaScript), `sources` as `npm start` (the thread registers tsx
 * and transpiles its modules again).
 */
export type StartMode = 'compiled' | 'sources';

/** Runs in the child: `--child <url> <schema|-> <reps|0> <mode>`. */
async function child(url: string, schema: string, reps: number, mode: StartMode): Promise<void> {
  const { createRenderPool } = (mode === 'compiled'
    ? await import(new URL('../dist/src/render/pool.js', import.meta.url).href)
    : await import('../src/render/pool.ts')) as typeof import('../src/render/pool.ts');
  const store = openStore(url, schema === '-' ? {} : { schema });
  // As the app has it: one render thread, started by the first report (the idle child starts none).
  const renderer = createRenderPool({ threads: 1, timeoutMs: 600_000, log: silentLogger() });
  const times: number[] = [];
  let docxBytes = 0;
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    docxBytes = await buildOnce(store, renderer);
    times.push(performance.now() - start);
  }
  await renderer.close();
  await store.close();
  const result: ChildResult = { times, maxRssMb: process.resourceUsage().maxRSS / 1024, docxBytes };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runChild(url: string, schema: string, reps: number, mode: StartMode): ChildResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', url, schema, String(reps), mode], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ChildResult;
}

export async function measureAnnualReport(reps = Number(process.env.BENCH_REPORT_REPS ?? 3)): Promise<ReportMeasurement[]> {
  const dialects: DialectName[] = process.env.BENCH_SKIP_POSTGRES === '1' ? ['sqlite'] : ['sqlite', 'postgres'];
  const modes: StartMode[] = process.env.BENCH_REPORT_SOURCES === '0' ? ['compiled'] : ['compiled', 'sources'];
  // The production start runs the compiled build: make it from the sources being measured.
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
  const results: ReportMeasurement[] = [];
  for (const dialect of dialects) {
    for (const size of reportSizes) {
      const dir = mkdtempSync(join(tmpdir(), 'samverkan-bench-report-'));
      const schema = `bench_report_${randomBytes(4).toString('hex')}`;
      const url = dialect === 'sqlite' ? `sqlite:${join(dir, 'bench.sqlite')}` : postgresUrl;
      if (dialect === 'postgres') await ensureSchema(url, schema);
      try {
        const store = openStore(url, dialect === 'postgres' ? { schema } : {});
        await migrateToLatest(store);
        await seed(store.db, size.engagements, size.events);
        await store.close();
        const childSchema = dialect === 'postgres' ? schema : '-';
        for (const mode of modes) {
          const idle = runChild(url, childSchema, 0, mode);
          // One untimed run first in the same child would hide cold-start costs a user does pay; keep them in.
          const measured = runChild(url, childSchema, reps, mode);
          results.push({
            dialect,
            mode,
            ...size,
            medianMs: median(measured.times),
            peakRssMb: measured.maxRssMb,
            idleRssMb: idle.maxRssMb,
            docxKb: measured.docxBytes / 1024,
          });
        }
      } finally {
        if (dialect === 'postgres') await dropSchema(url, schema);
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  return results;
}

export function reportTable(results: readonly ReportMeasurement[], markdown = false): string {
  const header = ['dialect', 'start', 'engagements', 'events', 'median ms', 'vs 200', 'peak RSS MB', 'over idle MB', 'docx KB'];
  const rows = results.map((r) => {
    const base = results.find((b) => b.dialect === r.dialect && b.mode === r.mode && b.engagements === reportSizes[0].engagements);
    return [
      r.dialect,
      r.mode === 'compiled' ? 'node dist' : 'npm start',
      count(r.engagements),
      count(r.events),
      ms(r.medianMs),
      base ? ratio(r.medianMs / base.medianMs) : '—',
      r.peakRssMb.toFixed(0),
      (r.peakRssMb - r.idleRssMb).toFixed(0),
      r.docxKb.toFixed(0),
    ];
  });
  return markdown ? markdownTable(header, rows) : textTable(header, rows);
}

/** For `bench/run.ts`: measures, prints the table, and returns the results section's Markdown. */
export async function annualReportBench(): Promise<string> {
  console.log('\n3. Annual report (R6): 200 and 2,000 engagements');
  const results = await measureAnnualReport();
  console.log(`\n${reportTable(results)}`);
  return [
    '### Annual report (R6)',
    '',
    reportTable(results, true),
    '',
    '`vs 200`: median time against the 200-engagement, 2,000-event report on the same dialect in this run (target ≤ 2.5×). `over idle MB`: peak RSS of the measuring process, render thread included, minus that of a process that only opened the store and the pool (target ≤ 150 MB).',
    '',
  ].join('\n');
}

if (process.argv[2] === '--child') {
  await child(process.argv[3] ?? '', process.argv[4] ?? '-', Number(process.argv[5] ?? 0), process.argv[6] === 'sources' ? 'sources' : 'compiled');
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await measureAnnualReport();
  console.log('Annual report (R6): read the year, build, render .docx with chart and .md; each in its own process');
  console.log(reportTable(results));
}
