import { spawn, type ChildProcess } from 'node:child_process';
import { getPriority, setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CommandsOverloaded, type CommandAnswerer, type SlackCommandJob } from '../../adapters/slack/commands.ts';
import type { Logger } from '../core/logger.ts';
import { idleClassLauncher, type AnswerPriority } from './priority.ts';
import type { AnswerProcessData, FromAnswerer, ToAnswerer } from './protocol.ts';

export interface AnswerProcesses {
  /** Answers a command in an answer process; rejects with CommandsOverloaded when `maxWaiting` wait. */
  readonly answer: CommandAnswerer;
  /** 'idle' when every answer process runs in Linux's idle scheduling class (priority.ts), else 'nice'. */
  readonly priority: AnswerPriority;
  close(): Promise<void>;
}

export interface AnswerProcessOptions {
  readonly processes: number;
  /** Commands that may wait for their answer; beyond that the person is told to try again. */
  readonly maxWaiting?: number;
  /** Commands one process answers at once (default 4). */
  readonly concurrency?: number;
  /** How much lower the processes' CPU priority is where the idle class is not to be had (nice; default 10). */
  readonly niceIncrement?: number;
  /** Delay before a process that died is started again; doubles while it keeps dying (default 1 s). */
  readonly restartDelayMs?: number;
  readonly data: Omit<AnswerProcessData, 'concurrency'>;
  readonly log: Logger;
}

interface Waiter {
  readonly id: number;
  readonly job: SlackCommandJob;
  readonly resolve: () => void;
  readonly reject: (err: Error) => void;
}

/** One answer process and the commands it has been handed and not yet answered. */
interface Slot {
  child: ChildProcess | undefined;
  ready: boolean;
  readonly pending: Map<number, Waiter>;
  restartDelayMs: number;
}

const entry = fileURLToPath(new URL('./boot.mjs', import.meta.url));

/** Thrown to the command's sender when its answer process died before answering it. */
export class AnswerProcessExited extends Error {
  constructor(how: string) {
    super(`the answer process exited (${how}) before answering`);
    this.name = 'AnswerProcessExited';
  }
}

/**
 * Slash commands answered in child processes. Slack wants the ack within 3 seconds and then
 * accepts the answer on the response_url for 30 minutes, so the main process only receives,
 * verifies and acks; parsing, the store, rendering and the answer's HTTP call happen in
 * long-lived answer processes, started in Linux's idle CPU class where it is to be had. A process
 * rather than a thread, because a thread's class does not reach the V8 helper threads that
 * collect its garbage and compile its code: they are the process's, shared with the acking
 * thread, and ran at normal priority (docs/benchmarks.md). A process that dies is started again;
 * the commands it held are answered with "lost" by the caller. Resolves once every process has
 * loaded and opened the store.
 */
export async function startAnswerProcesses(options: AnswerProcessOptions): Promise<AnswerProcesses> {
  const { log } = options;
  const maxWaiting = options.maxWaiting ?? 2_000;
  const data: AnswerProcessData = { ...options.data, concurrency: options.concurrency ?? 4 };
  const launcher = idleClassLauncher();
  const slots: Slot[] = Array.from({ length: options.processes }, () => ({ child: undefined, ready: false, pending: new Map(), restartDelayMs: options.restartDelayMs ?? 1_000 }));
  /** Commands taken while no process was ready (one was restarting). */
  const unsent: Waiter[] = [];
  /** Commands taken and not yet answered: the bound `maxWaiting` applies to these. */
  const waiting = () => slots.reduce((n, slot) => n + slot.pending.size, unsent.length);
  let nextId = 0;
  let closing = false;
  const restarts = new Set<NodeJS.Timeout>();

  const hand = (slot: Slot, waiter: Waiter) => {
    slot.pending.set(waiter.id, waiter);
    slot.child!.send({ kind: 'job', id: waiter.id, job: waiter.job } satisfies ToAnswerer);
  };

  /** Starts the slot's process; resolves with its priority when it is ready, rejects if it dies first. */
  const launch = (slot: Slot): Promise<AnswerPriority> =>
    new Promise((resolve, reject) => {
      const [command, ...args] = [...(launcher ?? []), process.execPath, entry];
      // The process registers tsx itself (boot.mjs); the main process's loader flags are not for it.
      const child = spawn(command!, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'json' });
      slot.child = child;
      if (!launcher && child.pid !== undefined) {
        try {
          setPriority(child.pid, Math.min(19, getPriority() + (options.niceIncrement ?? 10)));
        } catch {
          // Lowering its priority is only a courtesy to the acks; it answers all the same.
        }
      }
      child.on('error', (err) => {
        log.error({ err }, 'Slack answer process failed');
        // Not spawned at all (no 'exit' follows): the start fails with the reason.
        if (!slot.ready) reject(err);
      });
      child.on('message', (message: FromAnswerer) => {
        switch (message.kind) {
          case 'hello':
            child.send({ kind: 'init', data } satisfies ToAnswerer);
            return;
          case 'ready':
            slot.ready = true;
            slot.restartDelayMs = options.restartDelayMs ?? 1_000;
            resolve(message.priority);
            for (const waiter of unsent.splice(0)) hand(slot, waiter);
            return;
          case 'done':
          case 'failed': {
            const waiter = slot.pending.get(message.id);
            if (!waiter) return;
            slot.pending.delete(message.id);
            if (message.kind === 'done') waiter.resolve();
            else waiter.reject(new Error(message.message));
            return;
          }
        }
      });
      child.on('exit', (code, signal) => {
        const how = signal ?? `code ${code}`;
        const wasReady = slot.ready;
        slot.ready = false;
        slot.child = undefined;
        for (const waiter of slot.pending.values()) waiter.reject(new AnswerProcessExited(how));
        slot.pending.clear();
        if (!wasReady) reject(new Error(`the Slack answer process exited (${how}) while starting`));
        if (closing) return;
        log.error({ exit: how }, 'Slack answer process exited; starting another');
        // With no process to hand them to, the commands taken meanwhile are lost too.
        if (!slots.some((s) => s.ready)) for (const waiter of unsent.splice(0)) waiter.reject(new AnswerProcessExited(how));
        const delay = slot.restartDelayMs;
        slot.restartDelayMs = Math.min(delay * 2, 60_000);
        const timer = setTimeout(() => {
          restarts.delete(timer);
          launch(slot).catch((err: unknown) => log.error({ err }, 'Slack answer process did not start'));
        }, delay);
        restarts.add(timer);
      });
    });

  let priorities: AnswerPriority[];
  try {
    priorities = await Promise.all(slots.map(launch));
  } catch (err) {
    // One failed to start: none is kept, and none is started again.
    closing = true;
    for (const timer of restarts) clearTimeout(timer);
    for (const slot of slots) slot.child?.kill();
    throw err;
  }

  return {
    priority: priorities.every((p) => p === 'idle') ? 'idle' : 'nice',
    answer(job) {
      if (closing) return Promise.reject(new AnswerProcessExited('closing'));
      if (waiting() >= maxWaiting) return Promise.reject(new CommandsOverloaded());
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { id: ++nextId, job, resolve, reject };
        let best: Slot | undefined;
        for (const slot of slots) if (slot.ready && (!best || slot.pending.size < best.pending.size)) best = slot;
        if (best) hand(best, waiter);
        else unsent.push(waiter);
      });
    },
    // Waits for the commands already handed over, so none is left unanswered, then lets the
    // processes go: each one finishes what it holds when its channel closes, and exits.
    async close() {
      closing = true;
      for (const timer of restarts) clearTimeout(timer);
      for (const waiter of unsent.splice(0)) waiter.reject(new AnswerProcessExited('closing'));
      await Promise.all(
        slots.map(async (slot) => {
          const child = slot.child;
          if (!child) return;
          const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
          while (slot.pending.size > 0 && slot.child) await new Promise((resolve) => setTimeout(resolve, 10));
          if (child.connected) child.disconnect();
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killer);
        }),
      );
    },
  };
}
