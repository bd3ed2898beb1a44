import type { Actor } from './actor.ts';
import type { RequestContext } from './command.ts';

/**
 * "My work" (Slack App Home, the Teams `mine` reply) is assembled from sections that each
 * workflow contributes: open deadlines, reports owed, approvals waiting.
 */
export interface MyWorkSection {
  /** Sort key: lower comes first. */
  readonly order: number;
  readonly title: string;
  readonly items: readonly string[];
  /** Shown when `items` is empty. */
  readonly empty: string;
}

export type MyWorkProvider = (person: Actor, ctx: Pick<RequestContext, 't' | 'locale' | 'now'>) => Promise<MyWorkSection>;

/**
 * Outbox kind that re-renders a person's "my work" view (target: the person). Workflows enqueue
 * it in the same transaction as a change that alters someone's open work.
 */
export const MY_WORK_REFRESH = 'mywork.refresh';
