import type { OutboxRow } from './ports.ts';

/** What delivering one row tells the lane it ran in. */
export type LaneStep = { readonly pauseMs?: number } | undefined;

/**
 * The conversation a row goes to: rows to one conversation are sent in order, one at a time;
 * rows to different conversations run side by side. A row without a target (card updates) is a
 * lane of its own.
 */
export function laneOf(row: OutboxRow): string {
  const target = row.target;
  if (!target) return `row:${row.id}`;
  return `${target.platform}:${target.kind === 'conversation' ? target.conversationId : `user:${target.userId}`}`;
}

/**
 * Runs `work` over the rows, every lane at once and each lane in due order; how many platform
 * calls are in flight is bounded elsewhere (`Semaphore`), so a lane waiting for its
 * conversation's rate takes no slot from the others. When a row asks its lane to pause (a 429
 * with Retry-After), the rest of that lane (perhaps none) is handed to `defer` instead of being
 * sent, so the conversation keeps its order, the others go on, and the caller learns of the
 * pause even when the refused row was its lane's last.
 */
export async function runLanes(
  rows: readonly OutboxRow[],
  work: (row: OutboxRow) => Promise<LaneStep>,
  defer: (rows: readonly OutboxRow[], pauseMs: number) => Promise<void>,
): Promise<void> {
  const lanes = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const key = laneOf(row);
    const lane = lanes.get(key);
    if (lane) lane.push(row);
    else lanes.set(key, [row]);
  }
  const runLane = async (lane: OutboxRow[]): Promise<void> => {
    for (let i = 0; i < lane.length; i++) {
      const step = await work(lane[i] as OutboxRow);
      if (step?.pauseMs !== undefined) {
        await defer(lane.slice(i + 1), step.pauseMs);
        return;
      }
    }
  };
  await Promise.all([...lanes.values()].map(runLane));
}

/** At most `size` callers inside `run` at once; the others wait in order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
