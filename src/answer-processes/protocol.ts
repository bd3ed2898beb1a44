import type { SlackCommandJob } from '../../adapters/slack/commands.ts';
import type { StoreLocation } from '../../db/connect.ts';
import type { Config } from '../config/schema.ts';
import type { AnswerPriority } from './priority.ts';

/** What an answer process is started with: plain data, sent to it over its IPC channel. */
export interface AnswerProcessData {
  readonly config: Config;
  readonly configSource: string | undefined;
  readonly store: StoreLocation;
  readonly slack: { readonly botToken: string; readonly apiUrl?: string };
  readonly publicBaseUrl: string;
  readonly logLevel: string;
  /** Commands one process answers at once (each waits on the store and on Slack). */
  readonly concurrency: number;
}

/** Main process → answer process. */
export type ToAnswerer =
  | { readonly kind: 'init'; readonly data: AnswerProcessData }
  | { readonly kind: 'job'; readonly id: number; readonly job: SlackCommandJob };

/** Answer process → main process. */
export type FromAnswerer =
  /** Listening: the init may be sent. */
  | { readonly kind: 'hello' }
  /** Wired to the store and Slack, at this CPU priority: jobs may be sent. */
  | { readonly kind: 'ready'; readonly priority: AnswerPriority }
  | { readonly kind: 'done'; readonly id: number }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };
