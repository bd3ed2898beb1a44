import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { readEnv } from '../config/env.ts';
import { ConfigError } from '../config/load.ts';

/**
 * `npm run backup -- <file>`: a consistent copy of the SQLite database while the bot runs and
 * writes. Copying the file is not a backup: with WAL the newest data is in `-wal`. SQLite's
 * online backup API reads a snapshot through a normal connection, so it sees committed data
 * only, and the bot's writers are not blocked. PostgreSQL is backed up with pg_dump.
 */
export async function backupSqlite(databaseUrl: string, target: string): Promise<{ file: string; pages: number }> {
  if (!databaseUrl.startsWith('sqlite:')) {
    throw new ConfigError('Samverkan backup: DATABASE_URL is PostgreSQL; back it up with pg_dump (see docs/operations.md, Backups)');
  }
  const source = databaseUrl.slice('sqlite:'.length);
  if (source === ':memory:') throw new ConfigError('Samverkan backup: DATABASE_URL is an in-memory database; there is nothing on disk to back up');
  if (!existsSync(source)) throw new ConfigError(`Samverkan backup: no database at ${source} (DATABASE_URL)`);
  const file = resolve(target);
  if (existsSync(file)) throw new ConfigError(`Samverkan backup: ${file} exists; name a new file (a backup never overwrites one)`);
  if (!existsSync(dirname(file))) throw new ConfigError(`Samverkan backup: the folder ${dirname(file)} does not exist`);

  // Written under another name first, so a file with the backup's name is always complete.
  const partial = join(dirname(file), `.${basename(file)}.partial`);
  rmSync(partial, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // SQLite restarts a backup when another connection writes between its steps; the bot writes
    // all the time, so after the first step the rest is copied in one step, from one snapshot.
    const result = await db.backup(partial, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
    const copy = new Database(partial, { readonly: true, fileMustExist: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy failed SQLite's integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    renameSync(partial, file);
    return { file, pages: result.totalPages };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target || process.argv.length > 3) {
    console.error('Usage: npm run backup -- <file>   (a new file, e.g. backups/samverkan-2026-12-02.sqlite)');
    process.exit(2);
  }
  try {
    const { file, pages } = await backupSqlite(readEnv().DATABASE_URL, target);
    console.log(`Samverkan backup: ${file} (${pages} pages, integrity checked)`);
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : `Samverkan backup failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  }
}

// Run as a command, not when a test imports it.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) await main();
