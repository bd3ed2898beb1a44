import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../db/connect.ts';
import { migrateToLatest, migrationNames } from '../../db/migrate.ts';
import { startProcess } from '../process/spawn.ts';

/**
 * `npm run backup` against a live database that another process keeps writing to, as the bot
 * does. SQLite only: PostgreSQL is backed up with pg_dump (docs/operations.md).
 */
describe('npm run backup (SQLite)', () => {
  let dir: string | undefined;
  const stops: (() => void)[] = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('writes a consistent copy with every committed row while another process writes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'samverkan-backup-'));
    const source = join(dir, 'live.sqlite');
    const store = openStore(`sqlite:${source}`);
    await migrateToLatest(store);
    await store.close();
    const setup = new Database(source);
    setup.exec('create table probe (id integer primary key, payload text not null)');
    // About 4 MB, so the backup takes many of SQLite's steps and writes land between them.
    const insert = setup.prepare('insert into probe (payload) values (?)');
    setup.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run('x'.repeat(200));
    })();
    setup.close();

    // The writer: one row per transaction, 50 every 5 ms, in WAL mode like the bot (unpaced, its
    // WAL grew without bound on a busy machine and the backup could not finish in time).
    const writer = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import Database from 'better-sqlite3';
         const db = new Database(${JSON.stringify(source)});
         db.pragma('journal_mode = WAL'); db.pragma('busy_timeout = 5000');
         const insert = db.prepare('insert into probe (payload) values (?)');
         let n = 0;
         const tick = () => { for (let i = 0; i < 50; i++) insert.run('w'.repeat(200)); n += 50; if (n === 500) console.log('writing'); setTimeout(tick, 5); };
         tick();`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    stops.push(() => writer.kill('SIGKILL'));
    await new Promise<void>((resolve) => writer.stdout.once('data', () => resolve()));

    const reader = new Database(source, { readonly: true });
    const committedBefore = (reader.prepare('select count(*) as n from probe').get() as { n: number }).n;
    reader.close();
    expect(committedBefore).toBeGreaterThan(20_000);

    const target = join(dir, 'backup.sqlite');
    const backup = startProcess('npm', ['run', 'backup', '--silent', '--', target], { DATABASE_URL: `sqlite:${source}` });
    const { code } = await backup.exited();
    expect(backup.stderr()).toBe('');
    expect(code).toBe(0);
    expect(backup.stdout()).toContain(`Samverkan backup: ${target}`);
    writer.kill('SIGKILL');

    // The copy stands alone: no -wal beside it, and it opens with every row it promises.
    expect(readdirSync(dir).filter((f) => f.startsWith('backup.sqlite'))).toEqual(['backup.sqlite']);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const { n, max } = copy.prepare('select count(*) as n, max(id) as max from probe').get() as { n: number; max: number };
    expect(n).toBeGreaterThanOrEqual(committedBefore);
    // A snapshot: no gaps, so no transaction is half in the copy.
    expect(max).toBe(n);
    const migrations = copy.prepare('select name from kysely_migration order by name').all() as { name: string }[];
    expect(migrations.map((m) => m.name)).toEqual(migrationNames);
    copy.close();
  }, 60_000);

  it('refuses to overwrite a file, and names pg_dump for PostgreSQL', async () => {
    dir = mkdtempSync(join(tmpdir(), 'samverkan-backup-'));
    const source = join(dir, 'live.sqlite');
    const store = openStore(`sqlite:${source}`);
    await migrateToLatest(store);
    await store.close();
    const existing = join(dir, 'existing.sqlite');
    new Database(existing).close();

    const overwrite = startProcess('npm', ['run', 'backup', '--silent', '--', existing], { DATABASE_URL: `sqlite:${source}` });
    expect((await overwrite.exited()).code).toBe(2);
    expect(overwrite.stderr().trim()).toBe(`Samverkan backup: ${existing} exists; name a new file (a backup never overwrites one)`);

    const postgres = startProcess('npm', ['run', 'backup', '--silent', '--', join(dir, 'pg.sqlite')], { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' });
    expect((await postgres.exited()).code).toBe(2);
    expect(postgres.stderr()).toContain('back it up with pg_dump');
    expect(existsSync(join(dir, 'pg.sqlite'))).toBe(false);
  }, 60_000);
});
