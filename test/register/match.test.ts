import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { repositories } from '../../db/repositories/index.ts';
import { matchCalls, matchDeadlines, matchEngagements, matchVisits } from '../../workflows/register/match.ts';
import { createRenderPool } from '../../src/render/pool.ts';
import { dialects, migratedStore } from '../support/databases.ts';

/*
 * Issue 14, point 1 (matching, engagements): rows read by the real `register-read` job, decided
 * against engagements stored in a real database, on both stores. The CLI that prints this is not built yet.
 */
const silent = { info() {}, warn() {}, error() {}, debug() {}, child() { return silent; } } as never;
const pool = createRenderPool({ threads: 1, timeoutMs: 30_000, log: silent });
afterAll(() => pool.close());
const at = '2026-12-02T10:00:00.000Z';
const anna = { platform: 'slack', id: 'U1', name: 'Anna' } as never;

describe.each(dialects)('import matching (%s)', (dialect) => {
  let db: Awaited<ReturnType<typeof migratedStore>> | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('decides create, update by id, update by title + committee, unchanged and refused, per row with its reason', async () => {
    db = await migratedStore(dialect);
    const repos = repositories(db.store.db, () => at);
    const abo = await repos.engagements.insert({ title: 'Vänort Åbo', type: 'partnership', committeeId: 'kfn', country: 'FI', status: 'idea', createdBy: anna, createdAt: at });
    const riga = await repos.engagements.insert({ title: 'Riga', type: 'partnership', committeeId: 'kfn', status: 'idea', createdBy: anna, createdAt: at });
    await repos.engagements.insert({ title: 'Tallinn', type: 'partnership', committeeId: 'kfn', status: 'idea', createdBy: anna, createdAt: at });
    const text = [
      'id,title,type,committee,country',
      `${abo.id},Vänort Åbo,partnership,KFN,FI`,
      `${riga.id},Riga,partnership,KFN,LV`,
      ',Tallinn,partnership,KFN,EE',
      ',Nytt,partnership,KFN,',
      '999,Okänt,partnership,KFN,',
      ',Nytt,partnership,KFN,',
    ].join('\n');
    const read = await pool.run('register-read', { fileName: 'e.csv', bytes: new TextEncoder().encode(text), locale: 'en', today: '2026-12-02' });
    expect(read.refused).toEqual([]);
    const stored = await repos.engagements.list({ limit: 1000 });
    const plan = matchEngagements(read.rows, stored, 'en');
    expect(plan.map((d) => [d.row, d.action])).toEqual([
      [2, 'unchanged'],
      [3, 'update'],
      [4, 'update'],
      [5, 'create'],
      [6, 'refused'],
      [7, 'refused'],
    ]);
    expect(plan[1]).toMatchObject({ id: riga.id, changed: ['country'] });
    expect(plan[4]).toMatchObject({ column: 'id', reason: 'There is no engagement with id 999.' });
    expect(plan[5]).toMatchObject({ column: 'title', reason: 'The same title and committee as row 5.' });
    expect(matchEngagements(read.rows, stored, 'sv')[4]).toMatchObject({ reason: 'Det finns inget samarbete med id 999.' });
  });

  it('matches funding calls by id or by name, and compares their windows and yearly flag', async () => {
    db = await migratedStore(dialect);
    const repos = repositories(db.store.db, () => at);
    const icld = await repos.calls.insert({ name: 'ICLD', opens: '02-01', closes: '03-15', yearly: true, createdBy: anna, createdAt: at });
    await repos.calls.insert({ name: 'Erasmus+', opens: '01-10', closes: '02-20', yearly: true, createdBy: anna, createdAt: at });
    const text = ['id;namn;öppnar;stänger;årlig', `${icld.id};ICLD;02-01;03-15;ja`, ';Erasmus+;01-10;02-28;ja', ';Nordplus;10-01;02-01;', '77;Okänd;01-01;02-01;'].join('\n');
    const read = await pool.run('register-read', { fileName: 'u.csv', bytes: new TextEncoder().encode(text), locale: 'sv', today: '2026-12-02' });
    expect(read.refused).toEqual([]);
    const plan = matchCalls(read.rows, await repos.calls.list(), 'sv');
    expect(plan.map((d) => [d.row, d.action])).toEqual([
      [2, 'unchanged'],
      [3, 'update'],
      [4, 'create'],
      [5, 'refused'],
    ]);
    expect(plan[1]).toMatchObject({ changed: ['closes'] });
    expect(plan[3]).toMatchObject({ column: 'id', reason: 'Det finns ingen utlysning med id 77.' });
  });

  it('matches deadlines by id, or by title + engagement, comparing date and time', async () => {
    db = await migratedStore(dialect);
    const repos = repositories(db.store.db, () => at);
    const e = await repos.engagements.insert({ title: 'Riga', type: 'partnership', committeeId: 'kfn', status: 'idea', createdBy: anna, createdAt: at });
    const base = { owner: anna, channels: [], remindDays: [7], engagementId: e.id, committeeId: 'kfn', createdBy: anna, createdAt: at };
    const report = await repos.deadlines.insert({ ...base, title: 'Slutrapport', dueDate: '2027-03-01', dueAt: '2027-03-01T15:00:00.000Z' });
    await repos.deadlines.insert({ ...base, title: 'Budget', dueDate: '2027-04-01', dueAt: '2027-04-01T15:00:00.000Z' });
    const text = ['id;titel;datum;samarbete', `${report.id};Slutrapport;2027-03-01;${e.id}`, `;Budget;2027-04-15;${e.id}`, `;Budget;2027-04-15;${e.id}`].join('\n');
    const read = await pool.run('register-read', { fileName: 'f.csv', bytes: new TextEncoder().encode(text), locale: 'sv', today: '2026-12-02' });
    expect(read.refused).toEqual([]);
    const plan = matchDeadlines(read.rows, await repos.deadlines.listForEngagement(e.id), 'sv');
    expect(plan.map((d) => [d.row, d.action])).toEqual([
      [2, 'unchanged'],
      [3, 'update'],
      [4, 'refused'],
    ]);
    expect(plan[1]).toMatchObject({ changed: ['date'] });
    expect(plan[2]).toMatchObject({ column: 'titel', reason: 'Samma titel och samarbete som rad 3.' });
  });

  it('matches visits by id, or by engagement + first day, comparing the rest', async () => {
    db = await migratedStore(dialect);
    const repos = repositories(db.store.db, () => at);
    const e = await repos.engagements.insert({ title: 'Riga', type: 'partnership', committeeId: 'kfn', status: 'idea', createdBy: anna, createdAt: at });
    const may = await repos.visits.insert({ engagementId: e.id, direction: 'out', fromDate: '2027-05-03', toDate: '2027-05-07', lead: anna, participants: 4, createdBy: anna, createdAt: at });
    const text = ['id,engagement,direction,from,to,participants', `${may.id},${e.id},out,2027-05-03,2027-05-07,4`, `,${e.id},out,2027-05-03,2027-05-07,5`, `,${e.id},in,2027-09-01,2027-09-02,`, `404,${e.id},in,2027-10-01,2027-10-02,`].join('\n');
    const read = await pool.run('register-read', { fileName: 'v.csv', bytes: new TextEncoder().encode(text), locale: 'en', today: '2026-12-02' });
    expect(read.refused).toEqual([]);
    const plan = matchVisits(read.rows, await repos.visits.listForEngagement(e.id), 'en');
    expect(plan.map((d) => [d.row, d.action])).toEqual([
      [2, 'unchanged'],
      [3, 'refused'],
      [4, 'create'],
      [5, 'refused'],
    ]);
    expect(plan[1]).toMatchObject({ column: 'from', reason: 'The same engagement and first day as row 2.' });
    expect(plan[3]).toMatchObject({ column: 'id', reason: 'There is no visit with id 404.' });
  });
});
