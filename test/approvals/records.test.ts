import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migratedStore, dialects } from '../support/databases.ts';
import { repositories } from '../../db/repositories/index.ts';
import type { Store } from '../../db/connect.ts';

const anna = { platform: 'slack' as const, tenantId: 'T0TYRESO', userId: 'U0ANNA', name: 'anna' };
const board = { platform: 'slack' as const, tenantId: 'T0TYRESO', userId: 'U0BOARD1' };

async function seed(store: Store) {
  const repos = repositories(store.db, () => '2026-11-23T09:00:00.000Z');
  const engagement = await repos.engagements.insert({
    title: 'Partnerskap',
    type: 'partnership',
    committeeId: 'kfn',
    status: 'idea',
    createdBy: anna,
    createdAt: '2026-11-23T09:00:00.000Z',
  });
  const application = await repos.applications.insert({
    engagementId: engagement.id,
    callText: 'ICLD',
    prestudy: false,
    matter: 'application',
    bodyId: 'ks',
    status: 'awaiting',
    requestedBy: anna,
    createdAt: '2026-11-23T09:00:00.000Z',
  });
  return { repos, application };
}

/** Decisions and the audit trail are public records: the database itself keeps them unchanged. */
describe.each(dialects)('decisions and the audit trail are append-only (%s)', (dialect) => {
  let db: Awaited<ReturnType<typeof migratedStore>> | undefined;
  afterEach(async () => db?.close());

  it('refuses UPDATE and DELETE on decisions and application_audit, and one round has one decision', async () => {
    db = await migratedStore(dialect);
    const { repos, application } = await seed(db.store);
    const decision = { applicationId: application.id, round: 1, bodyId: 'ks', outcome: 'approved' as const, reference: 'KS § 45', comment: '', decidedBy: board, decidedAt: '2026-11-23T10:00:00.000Z' };
    expect(await repos.decisions.record(decision)).toMatchObject({ reference: 'KS § 45' });
    expect(await repos.decisions.record({ ...decision, outcome: 'rejected', reference: 'KS § 46' })).toBeUndefined();
    await repos.audit.append({ applicationId: application.id, event: 'decided', from: 'awaiting', to: 'approved', actor: board, at: decision.decidedAt });

    for (const table of ['decisions', 'application_audit']) {
      await expect(sql.raw(`UPDATE ${table} SET application_id = application_id`).execute(db.store.db)).rejects.toThrow(/append-only/);
      await expect(sql.raw(`DELETE FROM ${table}`).execute(db.store.db)).rejects.toThrow(/append-only/);
    }
    expect(await repos.decisions.forApplication(application.id)).toEqual([{ id: 1, ...decision }]);
    expect(await repos.audit.forApplication(application.id)).toHaveLength(1);
  });

  it('moves an application only from the status it is in', async () => {
    db = await migratedStore(dialect);
    const { repos, application } = await seed(db.store);
    const at = '2026-11-23T10:00:00.000Z';
    expect(await repos.applications.transition(application.id, { from: ['approved'], to: 'submitted', at })).toBe(false);
    expect(await repos.applications.transition(application.id, { from: ['awaiting'], round: 2, to: 'approved', at })).toBe(false);
    expect(await repos.applications.transition(application.id, { from: ['awaiting'], round: 1, to: 'changes', at })).toBe(true);
    expect(await repos.applications.transition(application.id, { from: ['changes'], to: 'awaiting', nextRound: true, at })).toBe(true);
    expect(await repos.applications.get(application.id)).toMatchObject({ status: 'awaiting', round: 2, updatedAt: at });
  });
});
