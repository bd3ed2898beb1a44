import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { KyselyOutboxWriter } from '../../db/repositories/outbox.ts';
import { systemClock, toInstant } from '../../src/core/clock.ts';
import { createTestDatabase, postgresUrl, type TestDatabase } from '../support/databases.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';

const workerScript = fileURLToPath(new URL('../support/outbox-worker-process.ts', import.meta.url));

/**
 * Issue 12, point 2: real processes are killed with SIGKILL mid-delivery, several times, while
 * hundreds of reminders are due, and started again; what Slack received is counted. Nothing is
 * lost, and a duplicate can only be a post Slack had accepted and its sender had not yet recorded
 * when it died (docs/outbox.md): with one conversation at a time that is at most one per kill.
 */
describe('the outbox survives kill -9 (soak, bounded)', () => {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  let slack: FakeSlack | undefined;
  const children = new Set<ChildProcess>();
  const crashes: string[] = [];
  afterEach(async () => {
    for (const child of children) child.kill('SIGKILL');
    children.clear();
    await store?.close();
    await slack?.close();
    await database?.destroy();
  });

  function startWorker(url: string, schema: string, id: string, concurrency: number): Promise<ChildProcess> {
    const child = fork(workerScript, [url, schema, slack?.url ?? '', id, String(concurrency)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.add(child);
    child.once('exit', (code, signal) => {
      children.delete(child);
      // Only our SIGKILL may end a worker: anything else is a crash the test must report.
      if (signal !== 'SIGKILL') crashes.push(`${id}: ${String(code ?? signal)}`);
    });
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve(child));
      child.once('exit', (code, signal) => reject(new Error(`worker ${id} exited (${String(code ?? signal)}) before it started`)));
    });
  }

  async function kill(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }

  /**
   * Right after a kill: the reminders Slack has (or is about to answer) whose rows are not recorded
   * as sent, the only ones a restart can post again. Requests the dead process had written are
   * answered by the fake within its delay, well before the 2 s lease lets anyone retry them.
   */
  async function postsInDoubt(): Promise<number> {
    await sleep(150);
    const unsent = await store!.db.selectFrom('outbox').select('payload_json').where('status', '!=', 'sent').execute();
    const atSlack = new Set(slack!.accepted().map((call) => String(call.body.text)));
    return unsent.filter((row) => atSlack.has(`soak ${String((JSON.parse(row.payload_json) as { n: number }).n)}`)).length;
  }

  const pending = async () => Number((await store!.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow()).n);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function soak(options: { dialect: 'sqlite' | 'postgres'; replicas: number; rows: number; kills: number; concurrency: number }) {
    database = await createTestDatabase(options.dialect);
    store = database.open();
    await migrateToLatest(store);
    slack = await startFakeSlack();
    slack.delay('chat.postMessage', () => 20 + Math.random() * 40);
    const dueAt = toInstant(systemClock.now());
    await new KyselyOutboxWriter(store.db, () => dueAt).enqueue(
      Array.from({ length: options.rows }, (_, n) => ({
        kind: 'soak.reminder',
        target: { kind: 'conversation' as const, platform: 'slack' as const, conversationId: `C${n % 30}` },
        payload: { n },
        dueAt,
      })),
    );
    const url = options.dialect === 'sqlite' ? (store.location?.url ?? '') : postgresUrl;
    const schema = options.dialect === 'sqlite' ? '-' : (store.location?.options.schema ?? '-');
    const workers: ChildProcess[] = [];
    for (let r = 0; r < options.replicas; r++) workers.push(await startWorker(url, schema, `w${r}-0`, options.concurrency));

    // Kill the first replica at a random moment while posts are in flight, then start it again.
    let inDoubt = 0;
    for (let k = 1; k <= options.kills; k++) {
      await sleep(150 + Math.random() * 350);
      await kill(workers[0]!);
      inDoubt += await postsInDoubt();
      workers[0] = await startWorker(url, schema, `w0-${k}`, options.concurrency);
    }
    const started = Date.now();
    while ((await pending()) > 0 && Date.now() - started < 30_000) await sleep(100);
    for (const w of workers) await kill(w);

    const counts = new Map<string, number>();
    for (const call of slack.accepted()) counts.set(String(call.body.text), (counts.get(String(call.body.text)) ?? 0) + 1);
    const lost = Array.from({ length: options.rows }, (_, n) => `soak ${n}`).filter((text) => !counts.has(text));
    const duplicates = [...counts.values()].reduce((sum, c) => sum + c - 1, 0);
    return { lost, duplicates, inDoubt, left: await pending(), crashes: crashes.splice(0) };
  }

  it('SQLite, one process, one conversation at a time: 0 lost, duplicates ≤ kills', async () => {
    const result = await soak({ dialect: 'sqlite', replicas: 1, rows: 200, kills: 3, concurrency: 1 });
    expect(result.crashes).toEqual([]);
    expect(result.left).toBe(0);
    expect(result.lost).toEqual([]);
    expect(result.duplicates).toBeLessThanOrEqual(3);
  }, 60_000);

  it('PostgreSQL, two replicas, 8 conversations at a time: 0 lost, duplicates ≤ the posts in flight at the kills', async () => {
    const result = await soak({ dialect: 'postgres', replicas: 2, rows: 300, kills: 3, concurrency: 8 });
    expect(result.crashes).toEqual([]);
    expect(result.left).toBe(0);
    expect(result.lost).toEqual([]);
    expect(result.duplicates).toBeLessThanOrEqual(result.inDoubt);
  }, 60_000);
});
