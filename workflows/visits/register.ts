import type { WorkflowModule } from '../../src/core/delivery.ts';
import type { WorkflowDeps } from '../../src/core/workflow.ts';
import type { VisitsRepos, VisitsSettings } from './ports.ts';

/** Registers R5 visits and post-visit reports, R7 start and end of engagements; the commands answer "not available yet" until its issue is done. */
export function registerVisits(_deps: WorkflowDeps<VisitsRepos>, _settings: VisitsSettings): WorkflowModule {
  return { deliveries: new Map(), planners: [] };
}
