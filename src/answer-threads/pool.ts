import { Piscina } from 'piscina';
import { CommandsOverloaded, type CommandAnswerer, type SlackCommandJob } from '../../adapters/slack/commands.ts';
import type { StoreLocation } from '../../db/connect.ts';
import type { Config } from '../config/schema.ts';
import type { AnswerPriority } from './priority.ts';

/** What an answer thread is started with: plain data, copied to the thread. */
export interface AnswerThreadData {
  readonly config: Config;
  readonly configSource: string | undefined;
  readonly store: StoreLocation;
  readonly slack: { readonly botToken: string; readonly apiUrl?: string };
  readonly publicBaseUrl: string;
  readonly logLevel: string;
}

export type AnswerThreadTask = { readonly kind: 'ping' } | { readonly kind: 'command'; readonly job: SlackCommandJob };

export interface AnswerThreads {
  /** Answers a command on a thread; rejects with CommandsOverloaded when `maxWaiting` are waiting. */
  readonly answer: CommandAnswerer;
  /** 'idle' when every thread runs in Linux's idle scheduling class (priority.ts), else 'nice'. */
  readonly priority: AnswerPriority;
  close(): Promise<void>;
}

export interface AnswerThreadOptions {
  readonly threads: number;
  /** Commands that may wait for a free thread; beyond that the person is told to try again. */
  readonly maxWaiting?: number;
  /** How much lower the threads' CPU priority is where the idle class is not to be had (nice; default 10). */
  readonly niceIncrement?: number;
  readonly data: AnswerThreadData;
}

/**
 * Slash commands answered off the main thread. Slack wants the ack within 3 seconds and then
 * accepts the answer on the response_url for 30 minutes, so the main thread only receives,
 * verifies and acks; parsing, the store, rendering and the answer's HTTP call happen on a
 * piscina pool of long-lived threads. Resolves once every thread has loaded and opened the store.
 */
export async function startAnswerThreads(options: AnswerThreadOptions): Promise<AnswerThreads> {
  const pool = new Piscina<AnswerThreadTask, AnswerPriority | undefined>({
    filename: new URL('./boot.mjs', import.meta.url).href,
    minThreads: options.threads,
    maxThreads: options.threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    maxQueue: options.maxWaiting ?? 2_000,
    // The thread registers tsx itself (boot.mjs); the main thread's loader flags are not for it.
    execArgv: [],
    // Per-task timing histograms cost the main thread a little on every command; nobody reads them.
    recordTiming: false,
    // The answer threads run at a lower CPU priority than the main thread, so when the cores are
    // busy the kernel lets the ack (Slack's hard 3-second limit) go first and the answer (30
    // minutes on the response_url) wait a little: each thread moves itself to Linux's idle class
    // (priority.ts); this nice value is what is left where it cannot.
    niceIncrement: options.niceIncrement ?? 10,
    workerData: options.data,
  });
  let priorities: (AnswerPriority | undefined)[];
  try {
    priorities = await Promise.all(Array.from({ length: options.threads }, () => pool.run({ kind: 'ping' })));
  } catch (err) {
    await pool.destroy();
    throw err;
  }
  return {
    priority: priorities.every((p) => p === 'idle') ? 'idle' : 'nice',
    async answer(job) {
      if (pool.queueSize >= pool.options.maxQueue) throw new CommandsOverloaded();
      await pool.run({ kind: 'command', job });
    },
    // Waits for the commands already handed over, so none is left unanswered.
    close: () => pool.close(),
  };
}
