import type { ReportingSettings } from '../../workflows/reporting/ports.ts';
import type { Config } from './schema.ts';

/** Maps the `reporting` section of the configuration to what the workflow needs. */
export function reportingSettings(_config: Config): ReportingSettings {
  return {};
}
