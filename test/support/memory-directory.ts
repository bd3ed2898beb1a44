import { actorKey, type Actor, type Platform } from '../../src/core/actor.ts';
import type { Directory } from '../../src/core/ports.ts';

/** The people a test's bot has met, kept in a Map. */
export class MemoryDirectory implements Directory {
  private readonly people = new Map<string, Actor>();

  constructor(known: readonly Actor[] = []) {
    for (const actor of known) this.people.set(actorKey(actor), actor);
  }

  async remember(actor: Actor): Promise<void> {
    const key = actorKey(actor);
    this.people.set(key, { ...this.people.get(key), ...actor });
  }

  async find(platform: Platform, userId: string): Promise<Actor | undefined> {
    return this.all(platform).find((a) => a.userId === userId);
  }

  async findByEmail(platform: Platform, email: string): Promise<Actor | undefined> {
    const wanted = email.toLowerCase();
    return this.all(platform).find((a) => a.email?.toLowerCase() === wanted);
  }

  async findByName(platform: Platform, name: string): Promise<Actor[]> {
    const wanted = name.toLowerCase();
    return this.all(platform).filter((a) => a.name?.toLowerCase() === wanted);
  }

  private all(platform: Platform): Actor[] {
    return [...this.people.values()].filter((a) => a.platform === platform);
  }
}
