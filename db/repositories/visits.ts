import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** The visits workflow's repositories over one connection or transaction; filled in by its issue. */
export function visitsRepositories(_db: Kysely<Database>, _now: () => string) {
  return {};
}
