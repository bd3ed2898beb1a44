import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import type { UnitOfWork } from '../../src/core/ports.ts';
import type { Database } from '../schema.ts';
import { outboxSignal } from '../outbox-signal.ts';
import { KyselyDeadlines, KyselyFundingCalls } from './deadlines.ts';
import { KyselyEngagements } from './engagements.ts';
import { KyselyOutboxWriter } from './outbox.ts';
import { KyselyRegisterImports } from './register-imports.ts';
import { approvalsRepositories } from './approvals.ts';
import { reportingRepositories } from './reporting.ts';
import { visitsRepositories } from './visits.ts';

/** Every repository over one connection or transaction; each workflow sees the slice it declares. */
export interface FoundationRepositories {
  readonly engagements: KyselyEngagements;
  readonly deadlines: KyselyDeadlines;
  readonly calls: KyselyFundingCalls;
  readonly registerImports: KyselyRegisterImports;
  readonly outbox: KyselyOutboxWriter;
}

export type Repositories = FoundationRepositories &
  ReturnType<typeof approvalsRepositories> &
  ReturnType<typeof visitsRepositories> &
  ReturnType<typeof reportingRepositories>;

export function repositories(db: Kysely<Database>, now: () => string, onEnqueue?: () => void): Repositories {
  return {
    engagements: new KyselyEngagements(db),
    deadlines: new KyselyDeadlines(db),
    calls: new KyselyFundingCalls(db),
    registerImports: new KyselyRegisterImports(db),
    outbox: new KyselyOutboxWriter(db, now, onEnqueue),
    ...approvalsRepositories(db, now),
    ...visitsRepositories(db, now),
    ...reportingRepositories(db, now),
  };
}

/**
 * Outside a transaction an enqueue is committed at once and wakes the scheduler then; inside
 * one, the scheduler is woken after the commit, so it finds the rows (architecture: a change's
 * side effects leave as soon as its transaction commits).
 */
export function unitOfWork(db: Kysely<Database>, now: () => string): UnitOfWork<Repositories> {
  const signal = outboxSignal(db);
  const base = repositories(db, now, () => signal.changed());
  /** The transaction an `atomically` block runs in: `run` and `read` inside it join it. */
  const current = new AsyncLocalStorage<{ repos: Repositories; enqueued: boolean }>();
  const transaction = async <T>(work: (tx: { repos: Repositories; enqueued: boolean }) => Promise<T>): Promise<T> => {
    let tx: { repos: Repositories; enqueued: boolean } | undefined;
    const result = await db.transaction().execute((trx) => {
      const opened: { repos: Repositories; enqueued: boolean } = {
        enqueued: false,
        repos: repositories(trx, now, () => {
          opened.enqueued = true;
        }),
      };
      tx = opened;
      return work(opened);
    });
    if (tx?.enqueued) signal.changed();
    return result;
  };
  return {
    get read() {
      return current.getStore()?.repos ?? base;
    },
    run: async (work) => {
      const outer = current.getStore();
      if (outer) return work(outer.repos);
      return transaction((tx) => work(tx.repos));
    },
    atomically: async (work) => {
      if (current.getStore()) return work();
      return transaction((tx) => current.run(tx, work));
    },
  };
}
