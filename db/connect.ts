import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase as SqliteDialectDatabase } from 'kysely';
import pg from 'pg';
import { OwnSchemaPostgresDialect } from './own-schema-introspector.ts';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** Where it is, without credentials, for the start-up line. */
  readonly description: string;
  /**
   * How another thread or process opens the same database (`openStore(url, options)`); absent for
   * an in-memory SQLite database, which only its own connection can see.
   */
  readonly location?: StoreLocation;
  close(): Promise<void>;
}

export interface StoreLocation {
  readonly url: string;
  readonly options: StoreOptions;
}

export interface StoreOptions {
  /** PostgreSQL only: a schema to use (see `ensureSchema`), so tests can share one database. */
  readonly schema?: string;
  readonly poolSize?: number;
  /**
   * A connection that can only read (a render thread's): SQLite opens the file read-only, and
   * PostgreSQL refuses writes in every transaction on it.
   */
  readonly readOnly?: boolean;
}

/** `sqlite:<path>` (or `sqlite::memory:`) or `postgres://…`. */
export function openStore(url: string, options: StoreOptions = {}): Store {
  if (url.startsWith('sqlite:')) return openSqlite(url, options.readOnly === true);
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, options);
  throw new Error(`DATABASE_URL must start with sqlite: or postgres://, got ${url}`);
}

function openSqlite(url: string, readOnly: boolean): Store {
  const path = url.slice('sqlite:'.length);
  if (readOnly) return sqliteStore(new SqliteDatabase(path, { readonly: true, fileMustExist: true, timeout: 5000 }), url, path);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // REPLACE's implicit delete fires delete triggers only with this on: without it,
  // INSERT OR REPLACE would rewrite a recorded decision past its append-only triggers.
  sqlite.pragma('recursive_triggers = ON');
  sqlite.pragma('synchronous = NORMAL');
  return sqliteStore(sqlite, url, path);
}

function sqliteStore(sqlite: SqliteDatabase.Database, url: string, path: string): Store {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    description: `SQLite ${path}`,
    ...(path === ':memory:' ? {} : { location: { url, options: {} } }),
    close: () => db.destroy(),
  };
}

/**
 * kysely's SQLite driver prepares every statement anew; the bot runs the same few dozen
 * statements over and over, so keep the prepared ones (a bounded map, oldest out first).
 */
function withStatementCache(sqlite: SqliteDatabase.Database, limit = 500): SqliteDialectDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size >= limit) statements.delete(statements.keys().next().value as string);
        statements.set(sql, statement);
      }
      return statement;
    },
    close: () => sqlite.close(),
  };
}

function openPostgres(url: string, options: StoreOptions): Store {
  const schema = options.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const sessionSettings = [...(schema ? [`-c search_path=${schema}`] : []), ...(options.readOnly ? ['-c default_transaction_read_only=on'] : [])];
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // A database that does not answer fails the start (and a request) instead of hanging it.
    connectionTimeoutMillis: 10_000,
    ...(sessionSettings.length ? { options: sessionSettings.join(' ') } : {}),
  });
  const db = new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
  const safe = url.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, '//$1@');
  return {
    db,
    dialect: 'postgres',
    description: `PostgreSQL ${safe}${schema ? ` (schema ${schema})` : ''}`,
    location: { url, options },
    close: () => db.destroy(),
  };
}

/** Creates a PostgreSQL schema if it does not exist (tests and benchmarks use one each). */
export async function ensureSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await client.end();
  }
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
