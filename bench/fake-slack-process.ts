/**
 * The fake Slack of bench/ack-latency.ts in a process of its own. Samverkan answers every
 * command with a POST to its response_url; received in the load generator's process, those
 * answers would slow the generator's event loop and add their cost to Samverkan's measured
 * acks (real Slack is on other machines). It runs at a lower CPU priority (nice 10) for the same
 * reason. The parent talks to it over IPC:
 *
 *   → { id, op: 'drain' }              ← { id, value: number of answers since the last drain }
 *   → { id, op: 'first', timeoutMs }   ← { id, value: body of the next answer }
 *   → 'stop'
 */
import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startFakeSlack } from '../test/support/fake-slack.ts';

export interface RemoteFakeSlack {
  /** The Web API base URL. */
  readonly url: string;
  /** A response_url that lands in the fake. */
  readonly responseUrl: string;
  /** Answers received since the last call, forgotten as they are counted. */
  drain(): Promise<number>;
  /** The body of the next answer (forgets earlier ones first). */
  nextAnswer(timeoutMs: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

type Operation = { op: 'drain' } | { op: 'first'; timeoutMs: number };
type Request = Operation & { id: number };
type Reply = { id: number; value?: unknown; error?: string };

export async function startRemoteFakeSlack(teamId: string): Promise<RemoteFakeSlack> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [teamId], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // It stands in for Slack's servers, which do not share the bot's CPU: on a small machine it
  // yields to the load generator and the server under test.
  if (child.pid !== undefined) setPriority(child.pid, 10);
  const ready = await new Promise<{ url: string; responseUrl: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { url: string; responseUrl: string }));
    child.once('exit', (code) => reject(new Error(`fake Slack exited with ${String(code)}`)));
  });
  let next = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (m) => {
    const reply = m as Reply;
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if (reply.error) w.reject(new Error(reply.error));
    else w.resolve(reply.value);
  });
  const call = (request: Operation): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = (next += 1);
      waiting.set(id, { resolve, reject });
      child.send({ ...request, id });
    });
  return {
    ...ready,
    drain: async () => (await call({ op: 'drain' })) as number,
    nextAnswer: async (timeoutMs) => (await call({ op: 'first', timeoutMs })) as Record<string, unknown>,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send('stop');
      await exited;
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const slack = await startFakeSlack({ teamId: process.argv[2] ?? 'T0001' });
  process.on('message', (m) => {
    if (m === 'stop') {
      void slack.close().then(() => process.exit(0));
      return;
    }
    const request = m as Request;
    if (request.op === 'drain') {
      const value = slack.calls('response').length;
      slack.reset();
      process.send?.({ id: request.id, value });
      return;
    }
    slack.reset();
    slack.waitFor('response', () => true, request.timeoutMs).then(
      (call) => process.send?.({ id: request.id, value: call.body }),
      (err: unknown) => process.send?.({ id: request.id, error: String(err) }),
    );
  });
  process.send?.({ url: slack.url, responseUrl: slack.responseUrl('bench') });
}
