import type { Actor, Platform } from './actor.ts';

/** People the bot has met, so `@name` and e-mail addresses can be resolved and DMs sent. */
export interface Directory {
  /** Records the person (name, e-mail) as last seen; cheap to call on every request. */
  remember(actor: Actor): Promise<void>;
  findByEmail(platform: Platform, email: string): Promise<Actor | undefined>;
  findByName(platform: Platform, name: string): Promise<Actor[]>;
  find(platform: Platform, userId: string): Promise<Actor | undefined>;
}

/**
 * Teams needs a stored conversation reference to send proactively. The Teams adapter saves the
 * reference on every contact and reads it when delivering.
 */
export interface ConversationStore {
  save(entry: StoredConversation): Promise<void>;
  get(platform: Platform, conversationId: string): Promise<StoredConversation | undefined>;
  /** The personal (1:1) conversation the bot has with a user, if any. */
  personalFor(platform: Platform, userId: string): Promise<StoredConversation | undefined>;
  /**
   * The conversation the bot heard from last in a tenant (in any tenant when none is given): where
   * to ask the platform for a new 1:1 chat, or whose service address reaches another of its channels.
   */
  anyInTenant(platform: Platform, tenantId: string | undefined): Promise<StoredConversation | undefined>;
}

export interface StoredConversation {
  readonly platform: Platform;
  readonly tenantId: string;
  readonly conversationId: string;
  /** Set for a personal (1:1) conversation: the user it is with. */
  readonly userId?: string;
  /** The platform's own reference, as JSON (Teams: ConversationReference). */
  readonly reference: string;
}

/**
 * A unit of work over a workflow's repositories: `read` for queries, `run` for changes that
 * must commit together (state and the outbox rows it causes).
 */
export interface UnitOfWork<R> {
  readonly read: R;
  run<T>(work: (repos: R) => Promise<T>): Promise<T>;
  /**
   * One transaction around several commands (an import): every `run` and `read` inside `work`
   * joins it, so either all of it is stored, with its outbox rows, or nothing is.
   */
  atomically<T>(work: () => Promise<T>): Promise<T>;
}

/** Keeps files for download (Teams cannot receive a bot's file in a channel); returns a secret token. */
export interface FileStore {
  put(file: { name: string; mimeType: string; data: Uint8Array }, ttlHours: number): Promise<string>;
}
