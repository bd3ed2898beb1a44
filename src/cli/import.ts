import { readFileSync, existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { openStore, type Store } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { repositories } from '../../db/repositories/index.ts';
import { localDate } from '../calendar/time.ts';
import { readEnv } from '../config/env.ts';
import { ConfigError, loadConfig } from '../config/load.ts';
import { translator, type Locale } from '../i18n/index.ts';
import { readSnapshot } from '../../workflows/register/export.ts';
import { matchAll } from '../../workflows/register/match.ts';
import { sheetName, type RegisterRead } from '../register/read.ts';
import { createRenderPool } from '../render/pool.ts';

/**
 * `npm run import -- <file>`: the import's dry run. Reads the workbook or CSV in the render pool,
 * decides each row against the database, prints it per row, and writes nothing.
 * Exit 0: every row is valid; 1: some row or cell is refused; 2: usage, configuration or file error.
 */
export async function dryRun(store: Store, read: RegisterRead, locale: Locale): Promise<{ lines: string[]; refused: number }> {
  const t = translator(locale);
  const repos = repositories(store.db, () => new Date().toISOString());
  const decided = matchAll(read.rows, await readSnapshot(repos), locale);
  const counts = { create: 0, update: 0, unchanged: 0, refused: read.refused.length };
  const lines: string[] = [];
  for (const cell of read.refused) {
    lines.push(t('register.dryRun.refused', { sheet: sheetName(cell.kind, locale), row: cell.row, column: cell.column, reason: cell.reason }));
  }
  for (const { kind, decision: d } of decided) {
    const sheet = sheetName(kind, locale);
    counts[d.action]++;
    if (d.action === 'refused') lines.push(t('register.dryRun.refused', { sheet, row: d.row, column: d.column, reason: d.reason }));
    else if (d.action === 'update') lines.push(t('register.dryRun.update', { sheet, row: d.row, id: d.id, columns: d.changed.join(', ') }));
    else if (d.action === 'create') lines.push(t('register.dryRun.create', { sheet, row: d.row }));
    else lines.push(t('register.dryRun.unchanged', { sheet, row: d.row, id: d.id }));
  }
  lines.push(t('register.dryRun.summary', counts));
  return { lines, refused: counts.refused };
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) {
    console.error('Usage: npm run import -- <file.xlsx|file.csv>   (a dry run: prints what the import would do, writes nothing)');
    process.exit(2);
  }
  let store: Store | undefined;
  const pool = createRenderPool({ threads: 1, timeoutMs: 60_000, log: silent });
  try {
    const path = resolve(file);
    if (!existsSync(path)) throw new ConfigError(`Samverkan import: no file at ${path}`);
    const { config } = loadConfig();
    const locale = config.municipality.language;
    const today = localDate(DateTime.utc(), config.municipality.timeZone);
    store = openStore(readEnv().DATABASE_URL);
    await migrateToLatest(store);
    const read = await pool.run('register-read', { fileName: basename(path), bytes: new Uint8Array(readFileSync(path)), locale, today });
    const { lines, refused } = await dryRun(store, read, locale);
    for (const line of lines) console.log(line);
    process.exitCode = refused > 0 ? 1 : 0;
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : `Samverkan import failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
  } finally {
    await store?.close();
    await pool.close();
  }
}

const silent = { info() {}, warn() {}, error() {}, debug() {}, child() { return silent; } } as never;

// Run as a command, not when a test imports it.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) await main();
