import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { repositories } from '../../db/repositories/index.ts';
import { KyselyDirectory } from '../../db/repositories/people.ts';
import { playgroundIds } from '../../src/config/demo.ts';
import { startProcess } from '../process/spawn.ts';

/*
 * Issue 14, point 1: the real `npm run import -- <file>` on a temp SQLite database (the demo
 * municipality's configuration) prints per row what the import would do, in Swedish by default,
 * and stores nothing; with `--confirm --as <the coordinator>` it imports, all rows or none.
 */
const dir = mkdtempSync(join(tmpdir(), 'samverkan-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = '2026-12-02T10:00:00.000Z';
const anna = { platform: 'slack', id: 'U1', name: 'Anna' } as never;

describe('npm run import (dry run)', () => {
  it('prints create / unchanged / refused per row with row, column and reason, exits 1 on a refused row, and writes nothing', async () => {
    const url = `sqlite:${join(dir, 'db.sqlite')}`;
    const store = openStore(url);
    await migrateToLatest(store);
    const abo = await repositories(store.db, () => at).engagements.insert({ title: 'Vänort Åbo', type: 'partnership', committeeId: 'kfn', country: 'FI', status: 'idea', createdBy: anna, createdAt: at });
    await store.close();
    const file = join(dir, 'samarbeten.csv');
    writeFileSync(file, ['id;titel;typ;nämnd;land', `${abo.id};Vänort Åbo;partnership;KFN;FI`, ';Nytt;partnership;KFN;', '999;Okänt;partnership;KFN;'].join('\n'));

    const run = startProcess('npm', ['run', '--silent', 'import', '--', file], { DATABASE_URL: url });
    const exit = await run.exited();
    expect(run.stdout()).toContain('rad 2: #' + abo.id + ' oförändrad');
    expect(run.stdout()).toContain('rad 3: läggs till');
    expect(run.stdout()).toContain('rad 4, kolumn id: Det finns inget samarbete med id 999.');
    expect(run.stdout()).toContain('1 läggs till, 0 ändras, 1 oförändrade, 1 avvisade. Inget är sparat.');
    expect(exit.code).toBe(1);

    const after = openStore(url);
    expect(await repositories(after.db, () => at).engagements.list({ limit: 100 })).toHaveLength(1);
    await after.close();
  }, 60_000);

  it('exits 0 when every row is valid, and 2 with a message when the file is missing', async () => {
    const url = `sqlite:${join(dir, 'db.sqlite')}`;
    const file = join(dir, 'ok.csv');
    writeFileSync(file, 'titel;typ;nämnd\nRiga;partnership;KFN\n');
    const ok = startProcess('npm', ['run', '--silent', 'import', '--', file], { DATABASE_URL: url });
    expect((await ok.exited()).code).toBe(0);
    expect(ok.stdout()).toContain('1 läggs till, 0 ändras, 0 oförändrade, 0 avvisade.');
    const missing = startProcess('npm', ['run', '--silent', 'import', '--', join(dir, 'nope.xlsx')], { DATABASE_URL: url });
    expect((await missing.exited()).code).toBe(2);
    expect(missing.stderr()).toContain('no file at');
  }, 60_000);

  it('--confirm --as the coordinator imports every row in one go, reminders planned as if typed; anyone else, or a refused row, stores nothing', async () => {
    const url = `sqlite:${join(dir, 'confirm.sqlite')}`;
    const store = openStore(url);
    await migrateToLatest(store);
    const people = new KyselyDirectory(store.db, () => at);
    const { tenantId, alex, megan } = playgroundIds;
    await people.remember({ platform: 'teams', tenantId, userId: alex.id, name: alex.name, aadObjectId: alex.aadObjectId, email: 'alexw@example.com' });
    await people.remember({ platform: 'teams', tenantId, userId: megan.id, name: megan.name, aadObjectId: megan.aadObjectId, email: 'meganb@example.com' });
    await store.close();
    const good = join(dir, 'register.csv');
    writeFileSync(good, ['titel;datum;påminn', 'Slutrapport Nordplus;2099-05-29;14,7', 'Ansökan ICLD;2099-03-02;7'].join('\n'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, ['titel;datum', 'Slutrapport Erasmus;2099-05-29', 'Redan passerad;2001-01-02'].join('\n'));
    const deadlines = async () => {
      const s = openStore(url);
      try {
        const rows = await s.db.selectFrom('deadlines').select(['title', 'owner_key']).orderBy('id').execute();
        const reminders = await s.db.selectFrom('outbox').select('id').where('kind', '=', 'deadline.reminder').execute();
        return { rows, reminders: reminders.length };
      } finally {
        await s.close();
      }
    };
    const run = async (...args: string[]) => {
      const p = startProcess('npm', ['run', '--silent', 'import', '--', ...args], { DATABASE_URL: url });
      return { code: (await p.exited()).code, out: p.stdout(), err: p.stderr() };
    };

    const noOne = await run(good, '--confirm');
    expect(noOne.code).toBe(2);
    expect(noOne.err).toContain('--confirm needs --as');
    const megans = await run(good, '--confirm', '--as', 'meganb@example.com');
    expect(megans.code).toBe(2);
    expect(megans.err).toContain('Bara den internationella samordnaren kan importera till registret.');
    const stranger = await run(good, '--confirm', '--as', 'okand@example.com');
    expect(stranger.code).toBe(2);
    expect(stranger.err).toContain('no one the bot knows is okand@example.com');
    const refused = await run(bad, '--confirm', '--as', 'alexw@example.com');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('frister, rad 3');
    expect(refused.out).toContain('Inget är sparat.');
    expect(await deadlines()).toEqual({ rows: [], reminders: 0 });

    const imported = await run(good, '--confirm', '--as', alex.aadObjectId);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('frister, rad 2: läggs till');
    expect(imported.out).toContain('Importerat av Alex Wilber: 2 tillagda, 0 ändrade, 0 oförändrade.');
    const after = await deadlines();
    expect(after.rows).toEqual([
      { title: 'Slutrapport Nordplus', owner_key: `teams:${tenantId}:${alex.id}` },
      { title: 'Ansökan ICLD', owner_key: `teams:${tenantId}:${alex.id}` },
    ]);
    // As if typed: two reminders for the first (14 and 7 days before), one for the second.
    expect(after.reminders).toBe(3);
    // The same file again: every row is there already.
    const again = await run(good, '--confirm', '--as', 'alexw@example.com');
    expect(again.out).toContain('0 tillagda, 0 ändrade, 2 oförändrade');
  }, 120_000);
});
