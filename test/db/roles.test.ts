import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { repositories } from '../../db/repositories/index.ts';
import { migrateAsOwner, roleWarning } from '../../db/roles.ts';
import { postgresUrl } from '../support/databases.ts';

const at = '2026-11-23T10:00:00.000Z';
const anna = { platform: 'slack' as const, tenantId: 'T0TYRESO', userId: 'U0ANNA', name: 'anna' };

/** The same server and database as the tests' superuser URL, as another role. */
const as = (role: string) => postgresUrl.replace(/\/\/[^@/]+@/, `//${role}@`);

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Issue 12, point 5 on PostgreSQL: the tables belong to an owner role that runs the migrations;
 * the bot connects as a role of its own, does its work, and cannot switch the triggers off.
 */
describe('PostgreSQL with an owner role and a bot role', () => {
  const suffix = randomBytes(4).toString('hex');
  const schema = `t_roles_${suffix}`;
  const owner = `samverkan_owner_${suffix}`;
  const botRole = `samverkan_bot_${suffix}`;
  let bot: Store | undefined;

  afterEach(async () => {
    await bot?.close();
    await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    for (const role of [botRole, owner]) {
      await admin(`DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN EXECUTE 'DROP OWNED BY ${role}'; EXECUTE 'DROP ROLE ${role}'; END IF; END $$`);
    }
  });

  it('the bot works through its grants and cannot disable, drop or bypass the append-only triggers', async () => {
    await admin(`CREATE ROLE ${owner} LOGIN`);
    await admin(`CREATE ROLE ${botRole} LOGIN`);
    await admin(`CREATE SCHEMA ${schema} AUTHORIZATION ${owner}`);
    bot = openStore(as(botRole), { schema, poolSize: 2 });

    expect(await migrateAsOwner(as(owner), bot)).toContain('0006-request-guards');
    // What the app does at every start, now as the bot: nothing left to migrate, and no warning.
    expect(await migrateToLatest(bot)).toEqual([]);
    expect(await roleWarning(bot)).toBeUndefined();

    // Its ordinary work goes through.
    const repos = repositories(bot.db, () => at);
    const engagement = await repos.engagements.insert({ title: 'Partnerskap', type: 'partnership', committeeId: 'kfn', status: 'idea', createdBy: anna, createdAt: at });
    const application = await repos.applications.insert({ engagementId: engagement.id, callText: 'ICLD', prestudy: false, matter: 'application', bodyId: 'ks', status: 'awaiting', requestedBy: anna, createdAt: at });
    expect(await repos.applications.transition(application.id, { from: ['awaiting'], round: 1, to: 'approved', at })).toBe(true);
    await repos.decisions.record({ applicationId: application.id, round: 1, bodyId: 'ks', outcome: 'approved', reference: 'KS § 45', comment: '', decidedBy: anna, decidedAt: at });
    await repos.outbox.enqueue([{ kind: 'test', dueAt: at }]);
    await bot.db.updateTable('outbox').set({ status: 'sent' }).execute();

    const refused = [
      'ALTER TABLE decisions DISABLE TRIGGER ALL',
      'ALTER TABLE decisions DISABLE TRIGGER decisions_append_only',
      'DROP TRIGGER decisions_append_only ON decisions',
      'DROP FUNCTION samverkan_append_only() CASCADE',
      "SET session_replication_role = 'replica'",
      "UPDATE decisions SET reference = 'FORGED'",
      'DELETE FROM application_audit',
      'TRUNCATE decisions',
      'DROP TABLE decisions',
      'CREATE TABLE sneaky (id int)',
    ];
    for (const statement of refused) {
      await expect(sql.raw(statement).execute(bot.db), statement).rejects.toThrow(/permission denied|must be owner|append-only/);
    }
    expect((await bot.db.selectFrom('decisions').select('reference').execute()).map((d) => d.reference)).toEqual(['KS § 45']);
  });

  it('a superuser bot role is named in a start-up warning', async () => {
    bot = openStore(postgresUrl, { poolSize: 1 });
    expect(await roleWarning(bot)).toMatch(/is a superuser and could disable the triggers/);
  });
});
