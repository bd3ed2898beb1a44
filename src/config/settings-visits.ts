import type { VisitsSettings } from '../../workflows/visits/ports.ts';
import type { Config } from './schema.ts';

/** Maps the `visits` section of the configuration to what the workflow needs. */
export function visitsSettings(_config: Config): VisitsSettings {
  return {};
}
