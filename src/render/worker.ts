import { setPriority } from 'node:os';
import { renderJobs, type RenderJobName, type RenderTask } from './jobs.ts';

// A document is not waited for the way an answer is: the person was told it is on its way. On
// Linux, setpriority on pid 0 applies to the calling thread only, so this render thread yields
// the CPU to the main thread (and to anything else) when both want it, and takes it otherwise.
// Elsewhere it would lower the whole process, so it is left alone.
if (process.platform === 'linux') {
  try {
    setPriority(0, 19);
  } catch {
    // Not permitted in some containers: the thread then runs at the normal priority.
  }
}

/** The worker thread's entry: piscina calls it once per job. */
export default function runRenderTask(task: RenderTask): unknown {
  const job = renderJobs[task.name as RenderJobName] as ((input: unknown) => unknown) | undefined;
  if (!job) throw new Error(`unknown render job ${String(task.name)}`);
  return job(task.input);
}
