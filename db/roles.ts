import { sql } from 'kysely';
import { openStore, type Store } from './connect.ts';
import { migrateToLatest } from './migrate.ts';

/** Tables whose rows are public records: the bot may add rows, never change or remove them. */
const appendOnly = ['decisions', 'application_audit'] as const;

/**
 * PostgreSQL with two roles (docs/database-roles.md): migrations run as the owner role, which
 * owns every table and trigger; the bot's own role gets only what it needs. A table's owner (or
 * a superuser) can `ALTER TABLE … DISABLE TRIGGER` or drop the triggers that keep decisions
 * unchanged; the bot's role owns nothing, so it cannot, and it may only SELECT and INSERT there.
 * Returns the migrations applied.
 */
export async function migrateAsOwner(ownerUrl: string, bot: Store): Promise<string[]> {
  if (bot.dialect !== 'postgres' || !bot.location) throw new Error('DATABASE_OWNER_URL is for PostgreSQL: DATABASE_URL must be postgres:// too');
  const owner = openStore(ownerUrl, { ...bot.location.options, poolSize: 1 });
  try {
    const applied = await migrateToLatest(owner);
    const role = (await sql<{ role: string }>`select current_user as role`.execute(bot.db)).rows[0]?.role;
    const ownerRole = (await sql<{ role: string }>`select current_user as role`.execute(owner.db)).rows[0]?.role;
    if (!role || role === ownerRole) throw new Error('DATABASE_URL and DATABASE_OWNER_URL connect as the same role; give the bot a role of its own');
    await grantBotRole(owner, role);
    return applied;
  } finally {
    await owner.close();
  }
}

/** Idempotent: run after every migration, so tables a new migration adds are granted too. */
async function grantBotRole(owner: Store, role: string): Promise<void> {
  const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(owner.db)).rows[0]?.schema ?? 'public';
  const bot = sql.id(role);
  const inSchema = sql.id(schema);
  await sql`GRANT USAGE ON SCHEMA ${inSchema} TO ${bot}`.execute(owner.db);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${inSchema} TO ${bot}`.execute(owner.db);
  await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${inSchema} TO ${bot}`.execute(owner.db);
  for (const table of appendOnly) {
    await sql`REVOKE UPDATE, DELETE, TRUNCATE ON ${sql.id(schema, table)} FROM ${bot}`.execute(owner.db);
  }
}

/**
 * Why the bot's PostgreSQL role could rewrite recorded decisions, for a start-up warning; undefined
 * when it cannot (it is no superuser and owns none of the append-only tables).
 */
export async function roleWarning(store: Store): Promise<string | undefined> {
  if (store.dialect !== 'postgres') return undefined;
  const { rows } = await sql<{ role: string; superuser: boolean; owns: string | null }>`
    select current_user as role, r.rolsuper as superuser,
      (select string_agg(c.relname, ', ') from pg_class c
        where c.relnamespace = current_schema()::regnamespace and c.relname in ('decisions', 'application_audit')
          and pg_has_role(current_user, c.relowner, 'USAGE')) as owns
    from pg_roles r where r.rolname = current_user`.execute(store.db);
  const row = rows[0];
  if (!row) return undefined;
  if (row.superuser) return `the bot's database role ${row.role} is a superuser and could disable the triggers that keep decisions unchanged`;
  if (row.owns) return `the bot's database role ${row.role} owns ${row.owns} and could disable their triggers`;
  return undefined;
}
