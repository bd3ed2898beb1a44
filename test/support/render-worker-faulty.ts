/**
 * A render worker for tests of what the person sees when rendering goes wrong. It is the real
 * worker except for the annual report of three years: 2013 throws, 2014 never returns (a busy
 * loop, so only ending the thread stops it), 2015 holds its thread for 1.5 s before rendering
 * (a report that takes long, while the bot must keep answering everyone else).
 */
import runRenderTask from '../../src/render/worker.ts';
import type { RenderTask } from '../../src/render/jobs.ts';

export default function faultyRenderTask(task: RenderTask): unknown {
  if (task.name === 'annual-report') {
    const { year } = (task as RenderTask<'annual-report'>).input.query;
    if (year === 2013) throw new Error('the renderer broke');
    if (year === 2014) for (;;);
    if (year === 2015) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1_500);
  }
  return runRenderTask(task);
}
