import type { Kysely } from 'kysely';
import type { Actor, Platform } from '../../src/core/actor.ts';
import type { ConversationStore, Directory, StoredConversation } from '../../src/core/ports.ts';
import type { Database, PersonTable } from '../schema.ts';
import type { Selectable } from 'kysely';

/** People the bot has met. `remember` skips the write when nothing changed since last time. */
export class KyselyDirectory implements Directory {
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => string,
  ) {}

  async remember(actor: Actor): Promise<void> {
    const key = `${actor.platform}:${actor.userId}`;
    const fingerprint = [actor.tenantId, actor.name ?? '', actor.email ?? '', actor.aadObjectId ?? ''].join('|');
    if (this.seen.get(key) === fingerprint) return;
    const row = {
      platform: actor.platform,
      user_id: actor.userId,
      tenant_id: actor.tenantId,
      name: actor.name ?? null,
      email: actor.email?.toLowerCase() ?? null,
      aad_object_id: actor.aadObjectId ?? null,
      updated_at: this.now(),
    };
    await this.db
      .insertInto('people')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['platform', 'user_id']).doUpdateSet((eb) => ({
          tenant_id: row.tenant_id,
          // Keep what we knew when this request does not say (Slack commands carry no e-mail).
          name: eb.fn.coalesce(eb.val(row.name), eb.ref('people.name')),
          email: eb.fn.coalesce(eb.val(row.email), eb.ref('people.email')),
          aad_object_id: eb.fn.coalesce(eb.val(row.aad_object_id), eb.ref('people.aad_object_id')),
          updated_at: row.updated_at,
        })),
      )
      .execute();
    this.seen.set(key, fingerprint);
  }

  async findByEmail(platform: Platform, email: string): Promise<Actor | undefined> {
    const row = await this.db
      .selectFrom('people')
      .selectAll()
      .where('platform', '=', platform)
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
    return row ? toActor(row) : undefined;
  }

  async findByName(platform: Platform, name: string): Promise<Actor[]> {
    const rows = await this.db
      .selectFrom('people')
      .selectAll()
      .where('platform', '=', platform)
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
      .limit(5)
      .execute();
    return rows.map(toActor);
  }

  async find(platform: Platform, userId: string): Promise<Actor | undefined> {
    const row = await this.db
      .selectFrom('people')
      .selectAll()
      .where('platform', '=', platform)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? toActor(row) : undefined;
  }
}

/** A row of `people` as the person it records. */
export function toActor(row: Selectable<PersonTable>): Actor {
  return {
    platform: row.platform as Platform,
    tenantId: row.tenant_id,
    userId: row.user_id,
    ...(row.name ? { name: row.name } : {}),
    ...(row.email ? { email: row.email } : {}),
    ...(row.aad_object_id ? { aadObjectId: row.aad_object_id } : {}),
  };
}

export class KyselyConversationStore implements ConversationStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => string,
  ) {}

  async save(entry: StoredConversation): Promise<void> {
    const row = {
      platform: entry.platform,
      conversation_id: entry.conversationId,
      tenant_id: entry.tenantId,
      user_id: entry.userId ?? null,
      reference: entry.reference,
      updated_at: this.now(),
    };
    await this.db
      .insertInto('conversations')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['platform', 'conversation_id']).doUpdateSet({
          tenant_id: row.tenant_id,
          user_id: row.user_id,
          reference: row.reference,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  }

  async get(platform: Platform, conversationId: string): Promise<StoredConversation | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('platform', '=', platform)
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    return row ? toConversation(row) : undefined;
  }

  async anyInTenant(platform: Platform, tenantId: string | undefined): Promise<StoredConversation | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('platform', '=', platform)
      .$if(tenantId !== undefined, (q) => q.where('tenant_id', '=', tenantId ?? ''))
      .orderBy('updated_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toConversation(row) : undefined;
  }

  async personalFor(platform: Platform, userId: string): Promise<StoredConversation | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('platform', '=', platform)
      .where('user_id', '=', userId)
      .orderBy('updated_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toConversation(row) : undefined;
  }
}

function toConversation(row: Selectable<Database['conversations']>): StoredConversation {
  return {
    platform: row.platform as Platform,
    tenantId: row.tenant_id,
    conversationId: row.conversation_id,
    ...(row.user_id ? { userId: row.user_id } : {}),
    reference: row.reference,
  };
}
