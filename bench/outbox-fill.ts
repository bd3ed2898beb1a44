import { sql } from 'kysely';
import type { Store } from '../db/connect.ts';

/**
 * Fills `outbox` with `rows` pending reminders in one statement: `due` of them due in the last
 * `due` seconds before `base` (claimable now), the rest spread over the year after `base + 1 h`.
 * Row ids are scattered over due times (k = i·7919 mod rows, a permutation since 7919 is a prime
 * that divides no power of ten), as in a real outbox where ids follow creation, not due time.
 */
export interface FillSpec {
  readonly rows: number;
  readonly due: number;
  /** Unix seconds: the claim's `now`. */
  readonly base: number;
}

const target = JSON.stringify({ kind: 'user', platform: 'slack', userId: 'U0001', tenantId: 'T0001' });
const payload = JSON.stringify({ daysBefore: 7, collapse: true });
const yearSeconds = 365 * 24 * 3600;

export async function fillOutbox(store: Store, spec: FillSpec): Promise<void> {
  const { rows, due, base } = spec;
  if (due >= rows) throw new Error('fillOutbox: due must be smaller than rows');
  // Numbers are inlined (our own constants); sql.lit keeps both dialects from guessing types.
  const n = sql.lit(rows);
  const d = sql.lit(due);
  const b = sql.lit(base);
  const step = sql.lit(yearSeconds / (rows - due));
  const created = new Date((base - 86_400) * 1000).toISOString();
  if (store.dialect === 'sqlite') {
    // A bigger page cache for the fill only: the three indexes take random inserts.
    await sql`PRAGMA cache_size = -262144`.execute(store.db);
    await sql`
      WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i + 1 < ${n})
      INSERT INTO outbox (kind, subject_type, subject_id, target_json, payload_json, due_at, next_attempt_at,
                          status, attempts, late, created_at)
      SELECT 'deadline.reminder', 'deadline', k / 4 + 1, ${target}, ${payload}, t, t, 'pending', 0, 0, ${created}
      FROM (SELECT k, strftime('%Y-%m-%dT%H:%M:%fZ',
                               CASE WHEN k < ${d} THEN ${b} - (${d} - k) ELSE ${b} + 3600 + (k - ${d}) * ${step} END,
                               'unixepoch') AS t
            FROM (SELECT (i * 7919) % ${n} AS k FROM s))`.execute(store.db);
    await sql`PRAGMA cache_size = -2000`.execute(store.db);
    await sql`ANALYZE`.execute(store.db);
  } else {
    await sql`
      INSERT INTO outbox (kind, subject_type, subject_id, target_json, payload_json, due_at, next_attempt_at,
                          status, attempts, late, created_at)
      SELECT 'deadline.reminder', 'deadline', k / 4 + 1, ${target}, ${payload}, t, t, 'pending', 0, 0, ${created}
      FROM (SELECT k, to_char(to_timestamp((CASE WHEN k < ${d} THEN ${b} - (${d} - k)
                                                 ELSE ${b} + 3600 + (k - ${d}) * ${step} END)::double precision)
                              AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS t
            FROM (SELECT (i::bigint * 7919) % ${n} AS k FROM generate_series(0, ${n} - 1) AS g(i)) AS s) AS r`.execute(store.db);
    await sql`ANALYZE outbox`.execute(store.db);
  }
}

/** Sanity check of a fill: counts of rows and of rows claimable at `now`. */
export async function countOutbox(store: Store, now: string): Promise<{ rows: number; due: number }> {
  const row = await store.db
    .selectFrom('outbox')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('rows'),
      eb.fn.sum<number | string>(eb.case().when('next_attempt_at', '<=', now).then(1).else(0).end()).as('due'),
    ])
    .executeTakeFirstOrThrow();
  return { rows: Number(row.rows), due: Number(row.due) };
}
