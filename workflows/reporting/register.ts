import type { WorkflowModule } from '../../src/core/delivery.ts';
import type { WorkflowDeps } from '../../src/core/workflow.ts';
import type { ReportingRepos, ReportingSettings } from './ports.ts';

/** Registers R6 annual reporting, R8 term of office, R9 calendar and public feed; the commands answer "not available yet" until its issue is done. */
export function registerReporting(_deps: WorkflowDeps<ReportingRepos>, _settings: ReportingSettings): WorkflowModule {
  return { deliveries: new Map(), planners: [] };
}
