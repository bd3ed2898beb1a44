import { execFileSync } from 'node:child_process';
import { readlinkSync } from 'node:fs';

/** The CPU priority an answer thread got: Linux's idle class, or only the nice value piscina set. */
export type AnswerPriority = 'idle' | 'nice';

/**
 * Puts the calling thread in Linux's SCHED_IDLE scheduling class, where it runs whenever a core
 * is free but gives way the moment the acking thread wakes up: the kernel preempts an idle-class
 * thread at once for any normal one, while a thread that is only niced keeps its core until its
 * time slice ends, which put milliseconds into acks (docs/benchmarks.md). Slack needs the ack
 * within 3 seconds and takes the answer on the response_url for 30 minutes, so the answer is the
 * one that waits. Any process may move its own threads to SCHED_IDLE; util-linux's `chrt` (in
 * every common Linux image) does the system call. Elsewhere, or without `chrt`, the thread keeps
 * the lower nice value piscina gave it.
 */
export function idleThisThread(): AnswerPriority {
  if (process.platform !== 'linux') return 'nice';
  try {
    // "<pid>/task/<tid>": the kernel's id of this very thread, which `chrt --pid` takes.
    const tid = readlinkSync('/proc/thread-self').split('/').pop() ?? '';
    if (!/^\d+$/.test(tid)) return 'nice';
    execFileSync('chrt', ['--idle', '--pid', '0', tid], { stdio: 'ignore', timeout: 5_000 });
    return 'idle';
  } catch {
    return 'nice';
  }
}
