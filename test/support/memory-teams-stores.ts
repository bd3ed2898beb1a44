import type { Actor, Platform } from '../../src/core/actor.ts';
import type { ConversationStore, Directory, StoredConversation } from '../../src/core/ports.ts';

/** In-memory ConversationStore for Teams tests: the same contract the database implements. */
export class MemoryConversationStore implements ConversationStore {
  private readonly byId = new Map<string, StoredConversation>();
  /** Every save, in order (tests check that first contact stores a reference). */
  readonly saves: StoredConversation[] = [];

  async save(entry: StoredConversation): Promise<void> {
    this.saves.push(entry);
    this.byId.set(`${entry.platform}:${entry.conversationId}`, entry);
  }

  async get(platform: Platform, conversationId: string): Promise<StoredConversation | undefined> {
    return this.byId.get(`${platform}:${conversationId}`);
  }

  async personalFor(platform: Platform, userId: string): Promise<StoredConversation | undefined> {
    let found: StoredConversation | undefined;
    for (const entry of this.byId.values()) {
      if (entry.platform === platform && entry.userId === userId) found = entry;
    }
    return found;
  }

  async anyInTenant(platform: Platform, tenantId: string | undefined): Promise<StoredConversation | undefined> {
    let found: StoredConversation | undefined;
    for (const entry of this.byId.values()) {
      if (entry.platform === platform && (tenantId === undefined || entry.tenantId === tenantId)) found = entry;
    }
    return found;
  }

  all(): StoredConversation[] {
    return [...this.byId.values()];
  }
}

/** A Directory that remembers whoever it sees; enough for adapter tests. */
export class MemoryTeamsDirectory implements Directory {
  private readonly people = new Map<string, Actor>();

  async remember(actor: Actor): Promise<void> {
    this.people.set(`${actor.platform}:${actor.userId}`, { ...this.people.get(`${actor.platform}:${actor.userId}`), ...actor });
  }

  async findByEmail(platform: Platform, email: string): Promise<Actor | undefined> {
    const wanted = email.toLowerCase();
    return [...this.people.values()].find((a) => a.platform === platform && a.email?.toLowerCase() === wanted);
  }

  async findByName(platform: Platform, name: string): Promise<Actor[]> {
    const wanted = name.toLowerCase();
    return [...this.people.values()].filter((a) => a.platform === platform && a.name?.toLowerCase() === wanted);
  }

  async find(platform: Platform, userId: string): Promise<Actor | undefined> {
    return this.people.get(`${platform}:${userId}`);
  }
}
