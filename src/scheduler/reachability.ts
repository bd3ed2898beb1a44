import type { Target } from '../core/actor.ts';
import type { OutboxRow } from './ports.ts';

export interface UnreachableConversation {
  readonly target: Target;
  /** What the platform said (not_in_channel, no stored conversation reference …). */
  readonly reason: string;
  /** How many messages to it are waiting, as far as this process has seen. */
  readonly waiting: number;
}

type Listener = (conversation: UnreachableConversation) => void;

/**
 * The conversations the bot could not reach the last time it tried. Kept in memory: the outbox
 * rows themselves are the durable record, and every replica learns it again on its next try.
 */
export class Reachability {
  private readonly unreachable = new Map<string, { target: Target; reason: string; rows: Set<number> }>();
  private readonly listeners: Listener[] = [];

  /** Called once for each conversation the first time it turns out unreachable. */
  onUnreachable(listener: Listener): void {
    this.listeners.push(listener);
  }

  record(row: OutboxRow, reachable: boolean, reason = ''): void {
    if (!row.target) return;
    const key = keyOf(row.target);
    if (reachable) {
      this.unreachable.delete(key);
      return;
    }
    const known = this.unreachable.get(key);
    if (known) {
      known.rows.add(row.id);
      known.reason = reason;
      return;
    }
    const entry = { target: row.target, reason, rows: new Set([row.id]) };
    this.unreachable.set(key, entry);
    for (const listener of this.listeners) listener(describe(entry));
  }

  /** What /readyz shows: each conversation still unreachable. */
  list(): UnreachableConversation[] {
    return [...this.unreachable.values()].map(describe);
  }
}

function keyOf(target: Target): string {
  return `${target.platform}:${target.kind === 'conversation' ? target.conversationId : `user:${target.userId}`}`;
}

function describe(entry: { target: Target; reason: string; rows: Set<number> }): UnreachableConversation {
  return { target: entry.target, reason: entry.reason, waiting: entry.rows.size };
}
