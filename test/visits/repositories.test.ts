import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor.ts';
import { repositories, unitOfWork } from '../../db/repositories/index.ts';
import { dialects, migratedStore } from '../support/databases.ts';

const anna: Actor = { platform: 'slack', tenantId: 'T0TYRESO', userId: 'U0ANNA', name: 'Anna' };
const bertil: Actor = { platform: 'teams', tenantId: 'tenant', userId: '29:1bertil', name: 'Bertil Berg' };
const at = '2026-09-01T08:00:00.000Z';
const report = { purpose: 'Syfte', activities: 'Möten', participants: 'Anna', results: 'Plan', costs: '100 kr', followUps: '' };

/** The visits repositories (and engagement termination) on SQLite and PostgreSQL. */
describe.each(dialects)('visit repositories (%s)', (dialect) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  async function setup() {
    const m = await migratedStore(dialect);
    close = m.close;
    const repos = repositories(m.store.db, () => at);
    const engagement = await repos.engagements.insert({
      title: 'Partnerskap Chililabombwe',
      type: 'partnership',
      committeeId: 'kfn',
      endDate: '2023-11-30',
      status: 'running',
      createdBy: anna,
      createdAt: at,
    });
    const visit = (from: string, to: string, lead = anna) =>
      repos.visits.insert({ engagementId: engagement.id, direction: 'out', fromDate: from, toDate: to, lead, createdBy: anna, createdAt: at });
    return { m, repos, engagement, visit };
  }

  it('lists upcoming visits and those whose report is due, per lead', async () => {
    const { repos, visit } = await setup();
    const past = await visit('2026-08-10', '2026-08-12');
    const pastBertil = await visit('2026-08-17', '2026-08-18', bertil);
    const future = await visit('2026-10-05', '2026-10-07');
    expect(past).toMatchObject({ status: 'planned', lead: anna, direction: 'out' });

    expect((await repos.visits.list({ upcomingFrom: '2026-09-01', limit: 10 })).map((v) => v.id)).toEqual([future.id]);
    expect((await repos.visits.list({ reportsDueBefore: '2026-09-01', limit: 10 })).map((v) => v.id)).toEqual([past.id, pastBertil.id]);
    expect((await repos.visits.list({ reportsDueBefore: '2026-09-01', leadKey: 'teams:tenant:29:1bertil', limit: 10 })).map((v) => v.id)).toEqual([pastBertil.id]);

    await repos.visitReports.file(past.id, report, anna, at);
    expect((await repos.visits.list({ reportsDueBefore: '2026-09-01', limit: 10 })).map((v) => v.id)).toEqual([pastBertil.id]);
    expect(await repos.visits.markDone(past.id)).toBe(true);
    expect(await repos.visits.markDone(past.id)).toBe(false);
  });

  it('keeps every version of a report', async () => {
    const { repos, visit, engagement } = await setup();
    const v = await visit('2026-08-10', '2026-08-12');
    const first = await repos.visitReports.file(v.id, report, anna, at);
    const second = await repos.visitReports.file(v.id, { ...report, results: 'Avtal' }, bertil, '2026-09-02T08:00:00.000Z');
    expect([first.version, second.version]).toEqual([1, 2]);
    expect((await repos.visitReports.latest(v.id))?.results).toBe('Avtal');
    expect((await repos.visitReports.version(v.id, 1))?.results).toBe('Plan');
    expect((await repos.visitReports.version(v.id, 2))?.filedBy).toEqual(bertil);
    expect(await repos.visitReports.listForEngagement(engagement.id)).toMatchObject([{ visitId: v.id, version: 2 }]);
  });

  it('terminates once, cancels only visits after the end, in one transaction', async () => {
    const { m, repos, visit, engagement } = await setup();
    const made = await visit('2023-02-01', '2023-02-05');
    const later = await visit('2023-05-08', '2023-05-12');
    const uow = unitOfWork(m.store.db, () => at);
    await expect(
      uow.run(async (r) => {
        await r.engagements.terminate(engagement.id, '2023-03-31', { decision: '§ 2, 2023.027 KUN', at, by: anna, originalEndDate: '2023-11-30' });
        await r.visits.cancelPlannedAfter(engagement.id, '2023-03-31', at);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await repos.engagements.get(engagement.id))?.status).toBe('running');
    expect((await repos.visits.get(later.id))?.status).toBe('planned');

    expect(await repos.engagements.terminate(engagement.id, '2023-03-31', { decision: '§ 2, 2023.027 KUN', at, by: anna, originalEndDate: '2023-11-30' })).toBe(true);
    expect(await repos.engagements.terminate(engagement.id, '2023-03-01', { decision: '§ 3', at, by: anna })).toBe(false);
    expect((await repos.visits.cancelPlannedAfter(engagement.id, '2023-03-31', at)).map((v) => v.id)).toEqual([later.id]);
    expect((await repos.visits.get(made.id))?.status).toBe('planned');
    expect(await repos.engagements.get(engagement.id)).toMatchObject({
      status: 'terminated',
      endDate: '2023-03-31',
      termination: { decision: '§ 2, 2023.027 KUN', by: anna, originalEndDate: '2023-11-30' },
    });
  });

  it('reads the engagement’s applications and decisions for its detail view', async () => {
    const { m, repos, engagement } = await setup();
    const app = await m.store.db
      .insertInto('applications')
      .values({
        engagement_id: engagement.id,
        call_text: 'ICLD',
        amount: 250000,
        prestudy: 0,
        matter: 'partnership',
        status: 'approved',
        requested_by_key: 'slack:T0TYRESO:U0ANNA',
        requested_by_json: JSON.stringify(anna),
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await m.store.db
      .insertInto('decisions')
      .values({
        application_id: app.id,
        round: 1,
        body: 'ks',
        outcome: 'approved',
        reference: 'KS § 45, 2026.112',
        comment: '',
        decided_by_key: 'slack:T0TYRESO:U0BERTIL',
        decided_by_json: '{}',
        decided_at: at,
      })
      .execute();
    expect(await repos.engagements.applicationsFor(engagement.id)).toEqual([{ id: app.id, call: 'ICLD', amount: 250000, status: 'approved' }]);
    expect(await repos.engagements.decisionsFor(engagement.id)).toEqual([
      { applicationId: app.id, body: 'ks', outcome: 'approved', reference: 'KS § 45, 2026.112', decidedAt: at },
    ]);
    expect(await repos.engagements.applicationsFor(engagement.id + 1)).toEqual([]);
  });
});
