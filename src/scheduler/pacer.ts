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

  /** Waits until the lane may post again (books nothing: see `mark`). */
  async ready(lane: string): Promise<void> {
    const interval = this.intervalMs(lane);
    const previous = this.last.get(lane);
    if (interval <= 0 || previous === undefined) return;
    const wait = previous + interval - this.nowMs();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /**
   * The post starts now. Marked when it really starts (after waiting for a free call slot), not
   * when it was ready, or two posts could reach the platform closer together than the limit.
   */
  mark(lane: string): void {
    if (this.intervalMs(lane) <= 0) return;
    const now = this.nowMs();
    this.last.set(lane, now);
    // Bounded memory: conversations not posted to for a while need no slot.
    if (this.last.size > 10_000) this.forgetBefore(now - 60_000);
  }

  /** A 429 said when the conversation may post again: later posts wait for it. */
  pauseUntil(lane: string, pauseMs: number): void {
    this.last.set(lane, Math.max(this.last.get(lane) ?? 0, this.nowMs() + pauseMs - this.intervalMs(lane)));
  }

  private forgetBefore(ms: number): void {
    for (const [lane, at] of this.last) if (at < ms) this.last.delete(lane);
  }
}
