import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Logger } from '../src/core/logger.ts';
import type { StoreLocation } from './connect.ts';
import { isPostgres } from './migrations/helpers.ts';

/** The PostgreSQL channel replicas wake each other on; the payload is the schema, so tests sharing one database do not wake each other. */
export const outboxChannel = 'samverkan_outbox';

type Listener = () => void;

/**
 * "Outbox rows were just committed": the unit of work raises it after a commit that enqueued,
 * and the scheduler in this process listens. On PostgreSQL it also sends NOTIFY, which wakes the
 * other replicas' schedulers (see `listenForOutbox`). Keyed by the root Kysely instance, so the
 * unit of work and the app find the same signal without passing it around.
 */
export class OutboxSignal {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly db: Kysely<any>) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
    // After the commit, so what the other replicas claim is visible to them. Best effort: the
    // tick is the safety net if the NOTIFY is lost.
    if (isPostgres(this.db)) void sql`select pg_notify(${outboxChannel}, current_schema())`.execute(this.db).catch(() => undefined);
  }
}

const signals = new WeakMap<Kysely<any>, OutboxSignal>();

export function outboxSignal(db: Kysely<any>): OutboxSignal {
  let signal = signals.get(db);
  if (!signal) {
    signal = new OutboxSignal(db);
    signals.set(db, signal);
  }
  return signal;
}

export interface OutboxListener {
  /** Settles once the first LISTEN is in place (or has failed and a retry is planned). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * LISTENs on a connection of its own (a pooled one would lose the subscription when returned)
 * and calls `wake` on each NOTIFY for this schema. A dropped connection is opened again after
 * a pause; meanwhile the tick still delivers.
 */
export function listenForOutbox(location: StoreLocation, wake: () => void, log: Logger): OutboxListener {
  const schema = location.options.schema;
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let mySchema = schema ?? '';

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: location.url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
    client = c;
    c.on('notification', (n) => {
      if (n.channel === outboxChannel && (n.payload ?? '') === mySchema) wake();
    });
    c.on('error', (err) => {
      log.warn({ err: err.message }, 'outbox LISTEN connection lost; reconnecting');
      again();
    });
    try {
      await c.connect();
      mySchema = (await c.query<{ schema: string }>('select current_schema() as schema')).rows[0]?.schema ?? mySchema;
      await c.query(`LISTEN ${outboxChannel}`);
      if (closed) await c.end();
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'could not LISTEN for outbox changes; relying on the tick until it can');
      again();
    }
  };
  const again = (): void => {
    void client?.end().catch(() => undefined);
    client = undefined;
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, 5_000);
    retry.unref();
  };
  const ready = connect();
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
