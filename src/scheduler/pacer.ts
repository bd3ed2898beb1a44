/**
 * Keeps posts to one conversation at most at the platform's rate (Slack: about one message per
 * second per channel). It measures real time, not the business Clock: the limit is the
 * platform's, and a test that moves the clock by a day has not waited a day on Slack's side.
 */
export class Pacer {
  private readonly last = new Map<string, number>();

  constructor(
    /** The least time between two posts to one conversation, per lane prefix (platform). */
    private readonly intervalMs: (lane: string) => number,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  /** Waits until the lane may post again, and books the slot. */
  async wait(lane: string): Promise<void> {
    const interval = this.intervalMs(lane);
    if (interval <= 0) return;
    const previous = this.last.get(lane);
    const now = this.nowMs();
    const at = previous === undefined ? now : Math.max(now, previous + interval);
    this.last.set(lane, at);
    // Bounded memory: conversations not posted to for a while need no slot.
    if (this.last.size > 10_000) this.forgetBefore(now - 60_000);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  /** A 429 said when the conversation may post again: later posts wait for it. */
  pauseUntil(lane: string, pauseMs: number): void {
    this.last.set(lane, Math.max(this.last.get(lane) ?? 0, this.nowMs() + pauseMs - this.intervalMs(lane)));
  }

  private forgetBefore(ms: number): void {
    for (const [lane, at] of this.last) if (at < ms) this.last.delete(lane);
  }
}
