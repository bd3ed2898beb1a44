import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { repositories } from '../../db/repositories/index.ts';
import { startProcess } from '../process/spawn.ts';

/*
 * Issue 14, points 1 and 3 (dry run only): the real `npm run import -- <file>` on a temp SQLite
 * database prints per row what the import would do, in Swedish by default, and stores nothing.
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
});
