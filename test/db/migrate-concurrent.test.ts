import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { expect, it } from 'vitest';
import { dropSchema, ensureSchema, openStore } from '../../db/connect.ts';
import { migrateToLatest, migrationNames } from '../../db/migrate.ts';
import { postgresUrl } from '../support/databases.ts';

/**
 * Several schemas in one PostgreSQL database (tenants, test runs): a schema dropped while another
 * is migrated must not fail that migration. Kysely's Migrator reads every schema's tables first.
 */
it('PostgreSQL: migrating one schema while others are created and dropped', async () => {
  const prefix = `t_churn_${randomBytes(3).toString('hex')}`;
  let stop = false;
  const churn = (async () => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      for (let i = 0; !stop; i++) {
        const name = `${prefix}_${i}`;
        await client.query(`CREATE SCHEMA ${name}; CREATE TABLE ${name}.a (id int); CREATE TABLE ${name}.b (id int)`);
        await client.query(`DROP SCHEMA ${name} CASCADE`);
      }
    } finally {
      await client.end();
    }
  })();
  try {
    for (let n = 0; n < 12; n++) {
      const schema = `${prefix}_m${n}`;
      await ensureSchema(postgresUrl, schema);
      const store = openStore(postgresUrl, { schema, poolSize: 2 });
      try {
        expect(await migrateToLatest(store)).toEqual(migrationNames);
      } finally {
        await store.close();
        await dropSchema(postgresUrl, schema);
      }
    }
  } finally {
    stop = true;
    await churn;
  }
}, 120_000);
