import type { Kysely } from 'kysely';
import { actorKey, type Actor } from '../../src/core/actor.ts';
import type { PendingImport, ReadRow, RegisterImportRepository } from '../../workflows/register/ports.ts';
import type { Database } from '../schema.ts';

export class KyselyRegisterImports implements RegisterImportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(i: { readonly fileName: string; readonly rows: readonly ReadRow[]; readonly requestedBy: Actor; readonly createdAt: string }): Promise<number> {
    const row = await this.db
      .insertInto('register_imports')
      .values({
        file_name: i.fileName,
        rows_json: JSON.stringify(i.rows),
        status: 'pending',
        requested_by_key: actorKey(i.requestedBy),
        created_at: i.createdAt,
        closed_by_key: null,
        closed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async get(id: number): Promise<PendingImport | undefined> {
    const row = await this.db.selectFrom('register_imports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      fileName: row.file_name,
      rows: JSON.parse(row.rows_json) as PendingImport['rows'],
      status: row.status as PendingImport['status'],
      requestedByKey: row.requested_by_key,
      createdAt: row.created_at,
    };
  }

  /** Pending → applied or cancelled, once: false when someone was quicker. */
  async close(id: number, status: 'applied' | 'cancelled', by: Actor, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('register_imports')
      .set({ status, closed_by_key: actorKey(by), closed_at: at })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
