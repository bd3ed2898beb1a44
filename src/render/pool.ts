import { stat } from 'node:fs';
import { Piscina } from 'piscina';
import { BotFailure } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { RenderInput, RenderJobName, RenderOutput, RenderTask } from './jobs.ts';

export interface RenderPoolOptions {
  /** Jobs rendered at the same time, one worker thread each (RENDER_THREADS). */
  readonly threads: number;
  /** A job not done this long after it was asked for is stopped, its worker ended (RENDER_TIMEOUT_SECONDS). */
  readonly timeoutMs: number;
  /** Jobs that may wait for a thread; one more is refused with "try again". */
  readonly maxWaiting?: number;
  readonly log: Logger;
  /** Another worker module instead of src/render/worker (tests of a worker that fails or hangs). */
  readonly entry?: URL;
}

/** Renders documents in worker threads, so the event loop keeps answering everyone else. */
export interface RenderPool {
  /** Rejects with a BotFailure (failed, timed out, queue full) the person can be shown. */
  run<N extends RenderJobName>(name: N, input: RenderInput<N>): Promise<RenderOutput<N>>;
  close(): Promise<void>;
}

// From the TypeScript sources a worker needs tsx registered first (boot.mjs); compiled, it does not.
const fromSources = import.meta.url.endsWith('.ts');

export function createRenderPool(options: RenderPoolOptions): RenderPool {
  const { log } = options;
  // libuv's thread pool (files, DNS, compression) is started by the first thread that needs it,
  // and its threads inherit that thread's priority. Started here, from the main thread, they keep
  // the normal one; started by a render thread (whose priority is lowered, worker.ts), the main
  // thread's own file and DNS work would wait behind every report.
  stat('.', () => {});
  const piscina = new Piscina<RenderTask, unknown>({
    filename: new URL(fromSources ? './boot.mjs' : (options.entry?.href ?? './worker.js'), import.meta.url).href,
    workerData: { renderEntry: fromSources ? options.entry?.href : undefined },
    // Threads start with the first job and end after a minute without one: most hours have none.
    minThreads: 0,
    maxThreads: options.threads,
    idleTimeout: 60_000,
    maxQueue: options.maxWaiting ?? 100,
    // A runaway job ends its own thread, not the bot. A thread's young generation is otherwise
    // sized for throughput: capped at 8 MB, back-to-back reports peak some 50 MB lower at no
    // measurable cost in time (docs/benchmarks.md).
    resourceLimits: { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 8 },
  });
  let closed = false;

  return {
    async run(name, input) {
      if (closed) throw new BotFailure({ code: 'error.renderFailed' });
      try {
        return (await piscina.run({ name, input }, { signal: AbortSignal.timeout(options.timeoutMs) })) as RenderOutput<typeof name>;
      } catch (err) {
        throw failure(err, name, options.timeoutMs, log);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await piscina.destroy();
    },
  };
}

/** What the person is told, and what the log keeps, when a job does not come back. */
function failure(err: unknown, job: string, timeoutMs: number, log: Logger): BotFailure {
  const e = err as { name?: string; message?: string };
  if (e.name === 'AbortError' || e.name === 'TimeoutError') {
    log.warn({ job, timeoutMs }, 'a render job took too long and was stopped');
    return new BotFailure({ code: 'error.renderTimedOut' });
  }
  if (typeof e.message === 'string' && /queue is at limit/i.test(e.message)) {
    log.warn({ job }, 'a render job was refused: the queue is full');
    return new BotFailure({ code: 'error.renderBusy' });
  }
  log.error({ err, job }, 'a render job failed');
  return new BotFailure({ code: 'error.renderFailed' });
}
