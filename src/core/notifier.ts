import type { Platform, Target } from './actor.ts';
import type { Card } from './card.ts';

/** Identifies a message the bot posted, so it can be updated later. */
export interface MessageRef {
  readonly platform: Platform;
  readonly conversationId: string;
  /** Slack message `ts`; Teams activity id. */
  readonly messageId: string;
}

/** Sends cards to a platform. Each adapter implements one; the scheduler uses them. */
export interface Notifier {
  readonly platform: Platform;
  post(target: Target, card: Card): Promise<MessageRef>;
  update(ref: MessageRef, card: Card): Promise<void>;
  /** Shows the card as the person's home view (Slack App Home); platforms without one leave it out. */
  publishHome?(userId: string, card: Card): Promise<void>;
}

/**
 * A failure a Notifier reports. `retryAfterMs` comes from the platform (Slack 429 Retry-After);
 * `permanent` means retrying cannot help (the message itself is refused, the token is dead).
 * `unreachable` means the bot cannot reach the conversation yet (not added to the channel, no
 * Teams conversation reference): the message waits, with backoff, until it can.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly options: { readonly retryAfterMs?: number; readonly permanent?: boolean; readonly unreachable?: boolean } = {},
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
