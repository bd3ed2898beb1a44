import { renderJobs, type RenderJobName, type RenderTask } from './jobs.ts';

/** The worker thread's entry: piscina calls it once per job. */
export default function runRenderTask(task: RenderTask): unknown {
  const job = renderJobs[task.name as RenderJobName] as ((input: unknown) => unknown) | undefined;
  if (!job) throw new Error(`unknown render job ${String(task.name)}`);
  return job(task.input);
}
