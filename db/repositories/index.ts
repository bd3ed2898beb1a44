import type { Kysely } from 'kysely';
import type { UnitOfWork } from '../../src/core/ports.ts';
import type { Database } from '../schema.ts';
import { outboxSignal } from '../outbox-signal.ts';
import { KyselyDeadlines, KyselyFundingCalls } from './deadlines.ts';
import { KyselyEngagements } from './engagements.ts';
import { KyselyOutboxWriter } from './outbox.ts';
import { approvalsRepositories } from './approvals.ts';
import { reportingRepositories } from './reporting.ts';
import { visitsRepositories } from './visits.ts';

/** Every repository over one connection or transaction; each workflow sees the slice it declares. */
export interface FoundationRepositories {
  readonly engagements: KyselyEngagements;
  readonly deadlines: KyselyDeadlines;
  readonly calls: KyselyFundingCalls;
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
  return {
    read: repositories(db, now, () => signal.changed()),
    run: async (work) => {
      let enqueued = false;
      const result = await db.transaction().execute((trx) =>
        work(
          repositories(trx, now, () => {
            enqueued = true;
          }),
        ),
      );
      if (enqueued) signal.changed();
      return result;
    },
  };
}
