import type { WorkflowModule } from '../../src/core/delivery.ts';
import type { WorkflowDeps } from '../../src/core/workflow.ts';
import type { GovernanceRepos, GovernanceSettings } from './ports.ts';

/** Registers R3 board approval and R4 who decides what; the commands answer "not available yet" until its issue is done. */
export function registerApprovals(_deps: WorkflowDeps<GovernanceRepos>, _settings: GovernanceSettings): WorkflowModule {
  return { deliveries: new Map(), planners: [] };
}
