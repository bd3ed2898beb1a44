import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** The CPU priority an answer process got: Linux's idle class, or only a higher nice value. */
export type AnswerPriority = 'idle' | 'nice';

/** Linux's SCHED_IDLE policy number, as /proc/<pid>/task/<tid>/stat gives it (field 41). */
export const SCHED_IDLE = 5;

/**
 * The command that starts a program in Linux's SCHED_IDLE scheduling class, or undefined where
 * there is none. A process in that class runs whenever a core is free but gives way the moment
 * the acking thread wakes up: the kernel preempts an idle-class thread at once for any normal
 * one, while a thread that is only niced keeps its core until its time slice ends, which put
 * milliseconds into acks (docs/benchmarks.md). Slack needs the ack within 3 seconds and takes the
 * answer on the response_url for 30 minutes, so the answer is the one that waits. Any process may
 * start a program in SCHED_IDLE; util-linux's `chrt` (in every common Linux image) does the
 * system call and then runs the program, whose every thread (V8's collector and compiler helpers
 * included) inherits the class.
 */
export function idleClassLauncher(): readonly string[] | undefined {
  if (process.platform !== 'linux') return undefined;
  const probe = spawnSync('chrt', ['--idle', '0', 'true'], { stdio: 'ignore', timeout: 5_000 });
  return probe.status === 0 ? ['chrt', '--idle', '0'] : undefined;
}

/** The scheduling policy of every thread of a process, from /proc (Linux only). */
export function threadPolicies(pid: number | 'self'): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    // Field 41 of stat, counted from the state (field 3) after the command name in parentheses.
    const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[41 - 3]);
  });
}

/** 'idle' when the kernel runs every thread of this process in the idle class. */
export function kernelPriorityOfThisProcess(): AnswerPriority {
  if (process.platform !== 'linux') return 'nice';
  try {
    return threadPolicies('self').every((policy) => policy === SCHED_IDLE) ? 'idle' : 'nice';
  } catch {
    return 'nice';
  }
}
