/**
 * What a large register import costs everyone else (issue 14): while the coordinator's workbook of
 * 2,000 engagements is tried (the dry run) and then imported (Confirm), colleagues keep typing
 * `deadlines`. Measured: the time from each command to its answer (response_url, as the fake
 * Slack timestamps it), alone and while the import runs, in the same process; and how long the
 * coordinator waits for the dry run and for the import itself.
 *
 * The dry run and the import each run in one transaction. On SQLite the process has one
 * connection, so every other query waits for that transaction: this measures how long.
 *
 *   npx tsx bench/import-stall.ts     (BENCH_IMPORT_ROWS=2000, BENCH_DATABASE_URL=postgres://… for PostgreSQL)
 */
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { blockAction, eventCallback, findButton, post, slashCommand } from '../test/support/slack-requests.ts';
import { signingSecret, startBenchApp, teamId, type BenchApp } from './slack-app.ts';
import { markdownTable, ms, percentile, ratio, textTable } from './stats.ts';

const sign = { signingSecret };
const coordinator = 'U0COORD';
/** A colleague types `deadlines` this often. */
const EVERY_MS = 100;
const ALONE_MS = 8_000;

function start(postgresUrl: string | undefined): Promise<BenchApp> {
  const config = {
    committees: [{ id: 'kfn', name: 'Kultur- och fritidsnämnden', channel: { slack: 'C0KFN' } }],
    coordinator: { people: { slack: [coordinator] }, channel: { slack: 'C0INTL' } },
  };
  return startBenchApp('import', config, postgresUrl);
}

async function workbook(rows: number, offset: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('samarbeten');
  sheet.addRow(['titel', 'typ', 'nämnd', 'partner', 'land']);
  for (let i = 0; i < rows; i++) sheet.addRow([`Skolutbyte ${offset + i}`, 'skola', 'kfn', `Partnerskola ${offset + i}`, 'FI']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

let sequence = 0;

/** `deadlines` every EVERY_MS until `until()` says stop; the command → answer times. */
async function colleagues(b: BenchApp, until: () => boolean): Promise<number[]> {
  const times: number[] = [];
  const pending: Promise<void>[] = [];
  while (!until()) {
    const id = `colleague-${++sequence}`;
    const t0 = Date.now();
    pending.push(
      (async () => {
        const res = await post(b.url, slashCommand({ text: 'frister', responseUrl: b.slack.responseUrl(id), teamId, channelId: 'C0KFN', userId: 'U0ANNA' }, sign));
        if (res.status !== 200) throw new Error(`deadlines answered HTTP ${res.status}`);
        const answer = await b.slack.waitFor('response', (c) => c.id === id, 120_000);
        times.push(answer.at - t0);
      })(),
    );
    await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
  }
  await Promise.all(pending);
  return times;
}

export interface ImportStallResult {
  readonly database: string;
  readonly rows: number;
  readonly alone: number[];
  readonly during: number[];
  readonly dryRunMs: number;
  readonly confirmMs: number;
  readonly imported: number;
}

/** The coordinator shares the workbook in the bot's DM and presses Import; colleagues type meanwhile. */
async function importWhileTyping(b: BenchApp, bytes: Uint8Array, during: number[]): Promise<{ dryRunMs: number; confirmMs: number }> {
  let done = false;
  const typing = colleagues(b, () => done);
  try {
    const dm = `D0${coordinator}`;
    const mine = () => b.slack.calls('chat.postMessage').filter((c) => c.body.channel === coordinator || c.body.channel === dm);
    const before = mine().length;
    const file = b.slack.hostFile('register.xlsx', bytes);
    const t0 = Date.now();
    const event = { type: 'message', subtype: 'file_share', channel_type: 'im', channel: dm, user: coordinator, text: '', ts: `${Date.now() / 1000}`, files: [{ ...file, title: 'register.xlsx', mimetype: 'application/octet-stream' }] };
    await post(b.url, eventCallback(event, sign, teamId));
    const answer = await b.slack.waitFor('chat.postMessage', () => mine().length > before, 120_000);
    const dryRunMs = answer.at - t0;
    const card = mine()[before]!;
    const button = findButton(card.body.blocks, { action: 'register.import.confirm' });
    const id = `confirm-${++sequence}`;
    const t1 = Date.now();
    await post(b.url, blockAction({ actionId: button.actionId, value: button.value, responseUrl: b.slack.responseUrl(id), messageTs: String(card.body.ts ?? '1.0'), channelId: dm, teamId, userId: coordinator }, sign));
    // The card in the DM is replaced by the result (chat.update, or the response_url where there is no message).
    const result = () => b.slack.calls().find((c) => c.at >= t1 && ['chat.update', 'response'].includes(c.method) && JSON.stringify(c.body).includes('Importerat av'));
    for (const until = Date.now() + 120_000; !result() && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 20));
    const shown = result();
    if (!shown) throw new Error('the import did not finish within 120 s');
    return { dryRunMs, confirmMs: shown.at - t1 };
  } finally {
    done = true;
    during.push(...(await typing));
  }
}

export async function runImportStall(options: { readonly rows?: number; readonly postgresUrl?: string } = {}): Promise<ImportStallResult> {
  const rows = options.rows ?? 2_000;
  const b = await start(options.postgresUrl);
  try {
    for (let m = 1; m <= 8; m++) {
      const id = `seed-${++sequence}`;
      await post(b.url, slashCommand({ text: `frist ny "Slutrapport ${m}" 2099-${String(m).padStart(2, '0')}-15`, responseUrl: b.slack.responseUrl(id), teamId, channelId: 'C0KFN', userId: 'U0ANNA' }, sign));
      await b.slack.waitFor('response', (c) => c.id === id, 10_000);
    }
    // A small unmeasured import warms up the workers, the JIT and the statements.
    await importWhileTyping(b, await workbook(50, 0), []);
    const startedAlone = Date.now();
    const alone = await colleagues(b, () => Date.now() - startedAlone > ALONE_MS);
    const during: number[] = [];
    const { dryRunMs, confirmMs } = await importWhileTyping(b, await workbook(rows, 1_000), during);
    const imported = (await b.app.store.db.selectFrom('engagements').select('id').execute()).length - 50;
    return { database: b.database, rows, alone, during, dryRunMs, confirmMs, imported };
  } finally {
    await b.close();
  }
}

export function importStallTable(runs: readonly ImportStallResult[]): { header: string[]; rows: string[][] } {
  const header = ['database', '`deadlines` answered', 'samples', 'p50', 'p99', 'max'];
  const row = (r: ImportStallResult, name: string, s: number[]) => [r.database, name, String(s.length), `${ms(percentile(s, 50))} ms`, `${ms(percentile(s, 99))} ms`, `${ms(Math.max(...s))} ms`];
  return { header, rows: runs.flatMap((r) => [row(r, 'alone', r.alone), row(r, `during a ${r.rows.toLocaleString('en-US')}-row import`, r.during)]) };
}

export function importStallSummary(r: ImportStallResult): string {
  const valid = r.imported === r.rows ? '' : ` (INVALID: ${r.imported} of ${r.rows} imported)`;
  return `${r.database}: dry run answered in ${ms(r.dryRunMs)} ms, the import in ${ms(r.confirmMs)} ms${valid}; p99 answer during / alone ${ratio(percentile(r.during, 99) / percentile(r.alone, 99))}, longest wait ${ms(Math.max(...r.during))} ms`;
}

/** For bench/run.ts: SQLite, then PostgreSQL unless BENCH_SKIP_POSTGRES=1; prints and returns a Markdown section. */
export async function importStallBench(): Promise<string> {
  const rows = process.env.BENCH_IMPORT_ROWS ? Number(process.env.BENCH_IMPORT_ROWS) : 2_000;
  console.log(`\n6. A ${rows.toLocaleString('en-US')}-row register import while colleagues type \`deadlines\` every ${EVERY_MS} ms`);
  const runs = [await runImportStall({ rows })];
  if (process.env.BENCH_SKIP_POSTGRES !== '1') runs.push(await runImportStall({ rows, postgresUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' }));
  const table = importStallTable(runs);
  console.log(`\n${textTable(table.header, table.rows)}\n${runs.map(importStallSummary).join('\n')}`);
  return ['### A large register import while others work (issue 14)', '', markdownTable(table.header, table.rows), '', ...runs.map((r) => `- ${importStallSummary(r)}`), '', ''].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = process.env.BENCH_IMPORT_ROWS ? Number(process.env.BENCH_IMPORT_ROWS) : 2_000;
  const result = await runImportStall({ rows, ...(process.env.BENCH_DATABASE_URL ? { postgresUrl: process.env.BENCH_DATABASE_URL } : {}) });
  const table = importStallTable([result]);
  console.log(`\n${textTable(table.header, table.rows)}\n\n${importStallSummary(result)}`);
}
