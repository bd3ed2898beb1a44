import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { FileStore } from '../../src/core/ports.ts';
import type { Database } from '../schema.ts';

export interface StoredFile {
  readonly name: string;
  readonly mimeType: string;
  readonly data: Uint8Array;
}

/**
 * Files handed out by link. The token is the only key and is stored hashed, so a copy of the
 * database does not give anyone working links; expired files are removed as new ones arrive.
 */
export class KyselyFileStore implements FileStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => string,
  ) {}

  async put(file: { name: string; mimeType: string; data: Uint8Array }, ttlHours: number): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    const now = this.now();
    const expires = new Date(Date.parse(now) + ttlHours * 3_600_000).toISOString();
    await this.db.deleteFrom('files').where('expires_at', '<', now).execute();
    await this.db
      .insertInto('files')
      .values({ token_hash: hash(token), name: file.name, mime_type: file.mimeType, data: file.data, created_at: now, expires_at: expires })
      .execute();
    return token;
  }

  async get(token: string): Promise<StoredFile | undefined> {
    const row = await this.db
      .selectFrom('files')
      .select(['name', 'mime_type', 'data', 'expires_at'])
      .where('token_hash', '=', hash(token))
      .executeTakeFirst();
    if (!row || row.expires_at < this.now()) return undefined;
    return { name: row.name, mimeType: row.mime_type, data: row.data };
  }
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
