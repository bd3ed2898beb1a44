import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../db/connect.ts';
import { repositories } from '../../db/repositories/index.ts';
import { dialects, migratedStore } from '../support/databases.ts';

const anna = { platform: 'slack' as const, tenantId: 'T0TYRESO', userId: 'U0ANNA', name: 'anna' };
const board = { platform: 'slack' as const, tenantId: 'T0TYRESO', userId: 'U0BOARD1' };
const at = '2026-11-23T10:00:00.000Z';

/** One recorded decision and one audit row, as the approvals workflow leaves them. */
async function seed(store: Store) {
  const repos = repositories(store.db, () => at);
  const engagement = await repos.engagements.insert({ title: 'Partnerskap', type: 'partnership', committeeId: 'kfn', status: 'idea', createdBy: anna, createdAt: at });
  const application = await repos.applications.insert({
    engagementId: engagement.id,
    callText: 'ICLD',
    prestudy: false,
    matter: 'application',
    bodyId: 'ks',
    status: 'awaiting',
    requestedBy: anna,
    createdAt: at,
  });
  const decision = await repos.decisions.record({ applicationId: application.id, round: 1, bodyId: 'ks', outcome: 'approved', reference: 'KS § 45', comment: '', decidedBy: board, decidedAt: at });
  await repos.audit.append({ applicationId: application.id, event: 'decided', from: 'awaiting', to: 'approved', actor: board, at });
  return { repos, applicationId: application.id, decision };
}

const decisionColumns = 'id, application_id, round, body, outcome, reference, comment, decided_by_key, decided_by_json, decided_at';
const forged = (id: number, applicationId: number) => `(${id}, ${applicationId}, 1, 'ks', 'rejected', 'FORGED', '', 'x', '{}', '${at}')`;

/**
 * Issue 12, point 5: every way SQL has to rewrite or remove a recorded decision or audit row is
 * refused by the database itself, not only UPDATE and DELETE (test/approvals/records.test.ts).
 */
describe.each(dialects)('recorded decisions cannot be rewritten (%s)', (dialect) => {
  let db: Awaited<ReturnType<typeof migratedStore>> | undefined;
  afterEach(async () => db?.close());

  it('refuses upserts, and on SQLite REPLACE in each of its spellings', async () => {
    db = await migratedStore(dialect);
    const { repos, applicationId, decision } = await seed(db.store);
    const attempts = [
      `INSERT INTO decisions (${decisionColumns}) VALUES ${forged(1, applicationId)} ON CONFLICT (id) DO UPDATE SET reference = 'FORGED'`,
      `INSERT INTO decisions (${decisionColumns}) VALUES ${forged(2, applicationId)} ON CONFLICT (application_id, round) DO UPDATE SET reference = 'FORGED'`,
      `INSERT INTO application_audit (id, application_id, event, to_status, at) VALUES (1, ${applicationId}, 'forged', 'rejected', '${at}') ON CONFLICT (id) DO UPDATE SET event = 'forged'`,
      ...(dialect === 'sqlite'
        ? [
            // Same id: REPLACE deletes row 1 and inserts the forgery in its place.
            `INSERT OR REPLACE INTO decisions (${decisionColumns}) VALUES ${forged(1, applicationId)}`,
            `REPLACE INTO decisions (${decisionColumns}) VALUES ${forged(1, applicationId)}`,
            // A new id that collides on (application_id, round): REPLACE deletes the real one.
            `INSERT OR REPLACE INTO decisions (${decisionColumns}) VALUES ${forged(7, applicationId)}`,
            `UPDATE OR REPLACE decisions SET reference = 'FORGED'`,
            `INSERT OR REPLACE INTO application_audit (id, application_id, event, to_status, at) VALUES (1, ${applicationId}, 'forged', 'rejected', '${at}')`,
          ]
        : ['TRUNCATE decisions', 'TRUNCATE application_audit']),
    ];
    for (const statement of attempts) {
      await expect(sql.raw(statement).execute(db.store.db), statement).rejects.toThrow(/append-only/);
    }
    expect(await repos.decisions.forApplication(applicationId)).toEqual([decision]);
    expect(await repos.audit.forApplication(applicationId)).toMatchObject([{ event: 'decided' }]);
  });

  // Another program opening the file (the sqlite3 shell) does not have our connection's
  // recursive_triggers: the same-id REPLACE is still refused by a BEFORE INSERT trigger.
  it.runIf(dialect === 'sqlite')('on a plain SQLite connection too, REPLACE of an existing row id is refused', async () => {
    db = await migratedStore(dialect);
    const { applicationId } = await seed(db.store);
    const file = (db.store.location?.url ?? '').slice('sqlite:'.length);
    const other = new SqliteDatabase(file);
    try {
      expect(other.pragma('recursive_triggers', { simple: true })).toBe(0);
      expect(() => other.exec(`INSERT OR REPLACE INTO decisions (${decisionColumns}) VALUES ${forged(1, applicationId)}`)).toThrow(/append-only/);
      expect(() => other.exec(`INSERT OR REPLACE INTO application_audit (id, application_id, event, to_status, at) VALUES (1, ${applicationId}, 'x', 'y', '${at}')`)).toThrow(/append-only/);
      expect(other.prepare('SELECT reference FROM decisions').all()).toEqual([{ reference: 'KS § 45' }]);
    } finally {
      other.close();
    }
  });
});
