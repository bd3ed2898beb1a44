import type { Platform, Target } from '../../src/core/actor.ts';
import type { Card } from '../../src/core/card.ts';
import { DeliveryError, type MessageRef, type Notifier } from '../../src/core/notifier.ts';

export interface Sent {
  readonly target: Target;
  readonly card: Card;
  readonly ref: MessageRef;
}

/**
 * A Notifier that keeps what it was asked to send, for scheduler tests that are about time and
 * claiming rather than a platform (the end-to-end tests use the real adapters and fakes).
 */
export class RecordingNotifier implements Notifier {
  readonly sent: Sent[] = [];
  readonly updated: { ref: MessageRef; card: Card }[] = [];
  private failures: DeliveryError[] = [];
  private counter = 0;
  /** Called during post, before it is recorded: tests use it to stop a process mid-delivery. */
  onPost: ((target: Target) => Promise<void>) | undefined;

  constructor(readonly platform: Platform = 'slack') {}

  failNext(...errors: DeliveryError[]): void {
    this.failures.push(...errors);
  }

  async post(target: Target, card: Card): Promise<MessageRef> {
    await this.onPost?.(target);
    const failure = this.failures.shift();
    if (failure) throw failure;
    const ref = {
      platform: this.platform,
      conversationId: target.kind === 'conversation' ? target.conversationId : `D-${target.userId}`,
      messageId: String(++this.counter),
    };
    this.sent.push({ target, card, ref });
    return ref;
  }

  async update(ref: MessageRef, card: Card): Promise<void> {
    this.updated.push({ ref, card });
  }
}
