import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** The reporting workflow's repositories over one connection or transaction; filled in by its issue. */
export function reportingRepositories(_db: Kysely<Database>, _now: () => string) {
  return {};
}
