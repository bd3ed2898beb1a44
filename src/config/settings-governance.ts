import type { GovernanceSettings } from '../../workflows/approvals/ports.ts';
import type { Config } from './schema.ts';

/** Maps the `governance` section of the configuration to what the workflow needs. */
export function governanceSettings(_config: Config): GovernanceSettings {
  return {};
}
